package org.rubrica.templates.internal;

import java.util.Optional;

/** Where the sandbox finds a template version's source and the base format it pins. */
@FunctionalInterface
public interface VersionSources {

    Optional<VersionSource> find(long versionId);

    /** @param contentHash changes whenever either source changes, so cached parses can be told apart */
    record VersionSource(String template, String baseFormat, String contentHash) {
    }
}
