package org.rubrica.templates.internal;

import java.util.ArrayList;
import java.util.List;

import org.rubrica.shared.ContentHash;
import org.rubrica.templates.BaseFormatSettings;
import org.rubrica.templates.internal.BaseFormats.Outcome;
import org.rubrica.templates.internal.BuiltinTemplates.BuiltinSet;
import org.rubrica.templates.internal.BuiltinTemplates.BuiltinTemplate;
import org.rubrica.templates.internal.TemplateRepository.StoredBaseFormat;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings the database in line with the shipped templates without ever touching a stored version. A changed
 * base format file becomes a new base format version (keeping the administrator's settings) that every
 * template, administrators' versions included, moves onto. A built-in template is re-imported only when its
 * own files changed since it was last imported, so an administrator's published version stays until then.
 */
@Component
public class BuiltinTemplateImporter {

    private final TemplateRepository repository;
    private final BaseFormats baseFormats;

    BuiltinTemplateImporter(TemplateRepository repository, BaseFormats baseFormats) {
        this.repository = repository;
        this.baseFormats = baseFormats;
    }

    /** What an import created; empty lists mean the database was already up to date. */
    public record ImportResult(Integer newBaseFormatVersion, List<String> newTemplateVersions) {

        public boolean changedAnything() {
            return newBaseFormatVersion != null || !newTemplateVersions.isEmpty();
        }
    }

    @Transactional
    public ImportResult importAll(BuiltinSet builtins) {
        BaseFormatSettings settings = repository.newestBaseFormat().map(StoredBaseFormat::settings)
                .orElse(BaseFormatSettings.DEFAULTS);
        Outcome base = baseFormats.publish(builtins.baseFormat(), settings);
        List<String> created = new ArrayList<>();
        for (BuiltinTemplate template : builtins.templates()) {
            Integer versionNo = importTemplate(template, base);
            if (versionNo != null) {
                created.add(template.manifest().code() + " v" + versionNo);
            }
        }
        return new ImportResult(base.created() ? base.versionNo() : null, List.copyOf(created));
    }

    /** @return the new version number, or {@code null} when the files are those imported last time */
    private Integer importTemplate(BuiltinTemplate template, Outcome base) {
        TemplateManifest m = template.manifest();
        String schema = FieldSchemaJson.write(m.fieldDefinitions());
        String body = template.defaultBodyHtml();
        String filesHash = ContentHash.of("kind", m.kind(), "layout", template.source(), "fields", schema,
                "default-body", body);
        long templateId = repository.templateId(m.code())
                .orElseGet(() -> repository.insertTemplate(m.code(), m.kind(), m.name().es(), m.name().en()));
        repository.updateTemplateNames(templateId, m.name().es(), m.name().en());
        if (repository.builtinHash(templateId).filter(filesHash::equals).isPresent()) {
            return null;
        }
        repository.lockTemplate(templateId);
        int versionNo = repository.nextVersionNo(templateId);
        repository.insertPublishedVersion(templateId, versionNo, template.source(), schema, body, base.id(),
                BaseFormats.versionHash(m.kind(), template.source(), schema, body, base.contentHash()));
        repository.rememberBuiltinImport(templateId, filesHash);
        return versionNo;
    }
}
