package org.rubrica.templates.internal;

import org.rubrica.shared.ContentHash;
import org.rubrica.templates.BaseFormatSettings;
import org.rubrica.templates.internal.TemplateRepository.StoredBaseFormat;
import org.rubrica.templates.internal.TemplateRepository.StoredVersion;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Versions of the single format. A new one (new layout from the shipped file, or new settings from an
 * administrator) is stored immutably and every template moves onto it: each template's newest published
 * content is published anew pinned to it, and pending drafts follow. Documents already started keep the
 * template version, and so the format, they pinned.
 */
@Component
public class BaseFormats {

    private final TemplateRepository repository;

    BaseFormats(TemplateRepository repository) {
        this.repository = repository;
    }

    /** The hash a template version's content includes, so a new base format means new template versions. */
    static String hash(String source, BaseFormatSettings settings) {
        return ContentHash.of("base-format", source, "settings", FieldSchemaJson.writeSettings(settings));
    }

    /** What a template version's content hash is made of. */
    public static String versionHash(String kind, String source, String fieldSchemaJson, String defaultBodyHtml,
                                     String baseFormatHash) {
        return ContentHash.of("kind", kind, "layout", source, "fields", fieldSchemaJson,
                "default-body", defaultBodyHtml, "base-format", baseFormatHash);
    }

    /**
     * Makes this the newest base format unless it already is (same layout and settings).
     *
     * @return the newest base format afterwards, and whether this call created it
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome publish(String source, BaseFormatSettings settings) {
        repository.lockBaseFormat();
        String hash = hash(source, settings);
        StoredBaseFormat newest = repository.newestBaseFormat().orElse(null);
        if (newest != null && newest.contentHash().equals(hash)) {
            return new Outcome(newest.id(), newest.versionNo(), hash, false);
        }
        int versionNo = newest == null ? 1 : newest.versionNo() + 1;
        long id = repository.insertBaseFormat(versionNo, source, settings, hash);
        for (StoredVersion v : repository.newestPublishedVersions()) { // all pinned to older formats
            repository.lockTemplate(v.templateId());
            repository.insertPublishedVersion(v.templateId(), repository.nextVersionNo(v.templateId()),
                    v.source(), v.fieldSchemaJson(), v.defaultBodyHtml(), id,
                    versionHash(v.kind(), v.source(), v.fieldSchemaJson(), v.defaultBodyHtml(), hash));
        }
        repository.moveDraftsToBaseFormat(id);
        return new Outcome(id, versionNo, hash, true);
    }

    public record Outcome(long id, int versionNo, String contentHash, boolean created) {
    }
}
