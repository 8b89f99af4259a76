package org.rubrica.templates;

import java.time.Instant;

/** One version in a template's history. */
public record TemplateVersionInfo(long id, int versionNo, boolean published, Instant publishedAt) {
}
