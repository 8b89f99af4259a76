package org.rubrica.templates.internal;

import org.rubrica.shared.ContentHash;
import java.util.ArrayList;
import java.util.List;

import org.rubrica.templates.internal.BuiltinTemplates.BuiltinSet;
import org.rubrica.templates.internal.BuiltinTemplates.BuiltinTemplate;
import org.rubrica.templates.internal.TemplateRepository.StoredBaseFormat;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings the database in line with the shipped templates without ever touching a stored version: content
 * equal to the newest published version (by hash) changes nothing; different content becomes a new
 * published version. A new base format also gives every built-in template a new version pinned to it.
 */
@Component
public class BuiltinTemplateImporter {

    private final TemplateRepository repository;

    BuiltinTemplateImporter(TemplateRepository repository) {
        this.repository = repository;
    }

    /** What an import created; empty lists mean the database was already up to date. */
    public record ImportResult(Integer newBaseFormatVersion, List<String> newTemplateVersions) {

        public boolean changedAnything() {
            return newBaseFormatVersion != null || !newTemplateVersions.isEmpty();
        }
    }

    @Transactional
    public ImportResult importAll(BuiltinSet builtins) {
        repository.lockForImport();
        String baseHash = ContentHash.of("base-format", builtins.baseFormat());
        StoredBaseFormat base = repository.newestBaseFormat().orElse(null);
        Integer newBaseVersion = null;
        if (base == null || !base.contentHash().equals(baseHash)) {
            int versionNo = base == null ? 1 : base.versionNo() + 1;
            long id = repository.insertBaseFormat(versionNo, builtins.baseFormat(), baseHash);
            base = new StoredBaseFormat(id, versionNo, baseHash);
            newBaseVersion = versionNo;
        }
        List<String> created = new ArrayList<>();
        for (BuiltinTemplate template : builtins.templates()) {
            Integer versionNo = importTemplate(template, base);
            if (versionNo != null) {
                created.add(template.manifest().code() + " v" + versionNo);
            }
        }
        return new ImportResult(newBaseVersion, List.copyOf(created));
    }

    /** @return the new version number, or {@code null} when the newest published version is identical */
    private Integer importTemplate(BuiltinTemplate template, StoredBaseFormat base) {
        TemplateManifest m = template.manifest();
        String schema = FieldSchemaJson.write(m.fieldDefinitions());
        String body = template.defaultBodyHtml();
        // the base format's hash is part of the content: a new base format means a new version
        String hash = ContentHash.of("kind", m.kind(), "layout", template.source(), "fields", schema,
                "default-body", body, "base-format", base.contentHash());
        long templateId = repository.templateId(m.code())
                .orElseGet(() -> repository.insertTemplate(m.code(), m.kind(), m.name().es(), m.name().en()));
        repository.updateTemplateNames(templateId, m.name().es(), m.name().en());
        // compared with what was last imported, not with the newest version: an administrator's published
        // change stays until the built-in files themselves change
        if (repository.builtinHash(templateId).filter(hash::equals).isPresent()) {
            return null;
        }
        int versionNo = repository.nextVersionNo(templateId);
        repository.insertPublishedVersion(templateId, versionNo, template.source(), schema, body, base.id(), hash);
        repository.rememberBuiltinImport(templateId, hash);
        return versionNo;
    }
}
