package org.rubrica.templates;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.rubrica.shared.ContentHash;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.NotFoundException;
import org.rubrica.shared.RoleGuard;
import org.rubrica.shared.UnitChoices;
import org.rubrica.shared.UnitChoices.UnitChoice;
import org.rubrica.templates.internal.BaseFormats;
import org.rubrica.templates.internal.FieldSchemaJson;
import org.rubrica.templates.internal.FieldSchemaRules;
import org.rubrica.templates.internal.SampleDocument;
import org.rubrica.templates.internal.TemplateRepository;
import org.rubrica.templates.internal.TemplateRepository.StoredVersion;
import org.rubrica.templates.internal.VersionDiff;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Template administrators evolve templates without a developer: a draft version is written, tried and
 * previewed; publishing makes it immutable and the one new documents start from. Drafts already started
 * keep the version they pinned. Rolling back publishes an older version anew.
 */
@Service
@Transactional
public class TemplateAdministration {

    static final String ROLE = "TEMPLATE_ADMIN";
    static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_-]{1,39}");
    static final Pattern KIND = Pattern.compile("[A-Z][A-Z_]{1,29}");
    static final int NAME_MAX = 120;
    /** What a new template starts from: the institution's oficio, so the administrator adapts a working layout. */
    private static final String STARTING_POINT = "oficio";
    private static final int SOURCE_MAX = 200_000;

    private final TemplateRepository repository;
    private final DocumentRenderer renderer;
    private final RoleGuard roles;
    private final UnitChoices units;

    TemplateAdministration(TemplateRepository repository, DocumentRenderer renderer, RoleGuard roles,
                           UnitChoices units) {
        this.repository = repository;
        this.renderer = renderer;
        this.roles = roles;
        this.units = units;
    }

    /** All templates, including those that so far exist only as a draft (for instance, just imported). */
    @Transactional(readOnly = true)
    public List<TemplateListing> templates() {
        roles.requireRole(ROLE);
        return repository.listings();
    }

    @Transactional(readOnly = true)
    public EditableTemplate editable(String code) {
        roles.requireRole(ROLE);
        return editable(repository.editable(code).orElseThrow(() -> new TemplateNotFoundException(code)));
    }

    private static EditableTemplate editable(StoredVersion v) {
        return new EditableTemplate(v.code(), v.kind(), v.nameEs(), v.nameEn(), v.id(), v.versionNo(),
                !"PUBLISHED".equals(v.status()),
                new TemplateDraft(v.source(), FieldSchemaJson.read(v.fieldSchemaJson()), v.defaultBodyHtml()));
    }

    @Transactional(readOnly = true)
    public List<TemplateVersionInfo> history(String code) {
        roles.requireRole(ROLE);
        return repository.history(code).stream().map(v -> new TemplateVersionInfo(v.id(), v.versionNo(),
                "PUBLISHED".equals(v.status()), v.publishedAt())).toList();
    }

    /** One version as stored, layout included. */
    @Transactional(readOnly = true)
    public EditableTemplate version(String code, int versionNo) {
        roles.requireRole(ROLE);
        return editable(repository.stored(code, versionNo)
                .orElseThrow(() -> new TemplateNotFoundException(code + " v" + versionNo)));
    }

    /** Side-by-side differences between two versions: the layout, then the field schema, then the default body. */
    @Transactional(readOnly = true)
    public List<DiffLine> compare(String code, int olderNo, int newerNo) {
        EditableTemplate older = version(code, olderNo);
        EditableTemplate newer = version(code, newerNo);
        return VersionDiff.between(comparable(older.content()), comparable(newer.content()));
    }

    /** Layout, then one JSON line per field, then the body: language-neutral, so the diff reads in any UI language. */
    private static String comparable(TemplateDraft content) {
        StringBuilder text = new StringBuilder(content.source()).append("\n\n");
        content.fields().forEach(f -> text.append(FieldSchemaJson.write(List.of(f))).append('\n'));
        return text.append('\n').append(RichText.toPlainText(content.defaultBodyHtml())).toString();
    }

    /**
     * Saves the template's draft (replacing an earlier one) after a trial render with sample values, so a
     * layout that does not compile, or names a field the schema lacks, is refused with its line and column.
     *
     * @return the draft version's id
     */
    public long saveDraft(String code, TemplateDraft draft) {
        roles.requireRole(ROLE);
        long templateId = repository.templateId(code).orElseThrow(() -> new TemplateNotFoundException(code));
        repository.lockTemplate(templateId);
        String kind = repository.kindOf(code).orElseThrow();
        if (draft.source() == null || draft.source().isBlank()) {
            throw new InvalidInputException("validation.required", "source");
        }
        if (draft.source().length() > SOURCE_MAX) {
            throw new InvalidInputException("validation.too-long", "source");
        }
        FieldSchemaRules.check(draft.fields());
        String schema = FieldSchemaJson.write(draft.fields());
        String body = RichText.sanitize(draft.defaultBodyHtml() == null ? "" : draft.defaultBodyHtml());
        String hash = BaseFormats.versionHash(kind, draft.source(), schema, body, repository.newestBaseFormatHash());
        // a fresh row (and id) per save: rendering caches by version id, so a preview never shows stale text
        repository.deleteDraft(templateId);
        long id = repository.insertDraft(templateId, repository.nextVersionNo(templateId),
                draft.source(), schema, body, repository.newestBaseFormatId(), hash);
        tryRender(id, draft.fields());
        return id;
    }

    /**
     * Creates a template whose first draft is a copy of the newest oficio, for the administrator to adapt, try
     * and publish. Nobody can start documents from it until it is published.
     */
    public void create(String code, String kind, String nameEs, String nameEn) {
        roles.requireRole(ROLE);
        checkIdentity(code, kind, nameEs, nameEn);
        if (repository.templateId(code).isPresent()) {
            throw new InvalidInputException("template.create.code-taken", "code", code);
        }
        TemplateVersion start = repository.newestPublished(STARTING_POINT)
                .orElseThrow(() -> new TemplateNotFoundException(STARTING_POINT));
        repository.insertTemplate(code, kind, nameEs.strip(), nameEn.strip());
        StoredVersion source = repository.stored(STARTING_POINT, start.versionNo()).orElseThrow();
        saveDraft(code, new TemplateDraft(source.source(), start.fields(), start.defaultBodyHtml()));
    }

    /** The identity rules every template meets, created here or imported. */
    static void checkIdentity(String code, String kind, String nameEs, String nameEn) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new InvalidInputException("template.create.code-invalid", "code");
        }
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new InvalidInputException("template.create.kind-invalid", "kind");
        }
        checkName(nameEs, "nameEs");
        checkName(nameEn, "nameEn");
    }

    private static void checkName(String name, String field) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("validation.required", field);
        }
        if (name.length() > NAME_MAX) {
            throw new InvalidInputException("validation.too-long", field);
        }
    }

    /** Publishes the pending draft: from now on new documents start from it. */
    public TemplateVersionInfo publish(String code) {
        roles.requireRole(ROLE);
        repository.templateId(code).ifPresent(repository::lockTemplate);
        StoredVersion draft = repository.editable(code).filter(v -> !"PUBLISHED".equals(v.status()))
                .orElseThrow(() -> new InvalidInputException("template.publish.no-draft"));
        tryRender(draft.id(), FieldSchemaJson.read(draft.fieldSchemaJson()));
        int versionNo = repository.publishDraft(draft.id())
                .orElseThrow(() -> new InvalidInputException("template.publish.no-draft"));
        return new TemplateVersionInfo(draft.id(), versionNo, true, null);
    }

    /** Drops the pending draft; published versions are untouched. */
    public void discardDraft(String code) {
        roles.requireRole(ROLE);
        long templateId = repository.templateId(code).orElseThrow(() -> new TemplateNotFoundException(code));
        repository.lockTemplate(templateId);
        repository.deleteDraft(templateId);
    }

    /** Publishes an older version's content anew, as the newest version (history is never rewritten). */
    public TemplateVersionInfo republish(String code, int versionNo) {
        roles.requireRole(ROLE);
        StoredVersion old = repository.stored(code, versionNo).filter(v -> "PUBLISHED".equals(v.status()))
                .orElseThrow(() -> new NotFoundException("template " + code + " v" + versionNo));
        repository.lockTemplate(old.templateId());
        if (repository.editable(code).filter(v -> !"PUBLISHED".equals(v.status())).isPresent()) {
            throw new InvalidInputException("template.restore.draft-pending"); // never discard someone's draft
        }
        String hash = ContentHash.of("republished", old.code(), String.valueOf(versionNo), old.source(),
                old.fieldSchemaJson(), old.defaultBodyHtml(), repository.newestBaseFormatHash());
        int next = repository.nextVersionNo(old.templateId());
        long id = repository.insertPublishedVersion(old.templateId(), next, old.source(), old.fieldSchemaJson(),
                old.defaultBodyHtml(), repository.newestBaseFormatId(), hash);
        tryRender(id, FieldSchemaJson.read(old.fieldSchemaJson())); // the old layout on today's base format
        return new TemplateVersionInfo(id, next, true, null);
    }

    /** The units a template is granted to (each with its sub-units); empty means every unit. */
    @Transactional(readOnly = true)
    public Set<Long> availability(String code) {
        roles.requireRole(ROLE);
        return repository.availability(repository.templateId(code).orElseThrow(() -> new TemplateNotFoundException(code)));
    }

    /** Grants a template to these units and their sub-units only; an empty set makes it available to everyone. */
    public void setAvailability(String code, Set<Long> unitIds) {
        roles.requireRole(ROLE);
        long templateId = repository.templateId(code).orElseThrow(() -> new TemplateNotFoundException(code));
        Set<Long> known = units.unitChoices().stream().map(UnitChoice::id).collect(Collectors.toSet());
        if (!known.containsAll(unitIds)) {
            throw new InvalidInputException("template.availability.unknown-unit", "availability");
        }
        repository.lockTemplate(templateId);
        repository.replaceAvailability(templateId, unitIds);
    }

    /** Any version (draft or published) rendered with sample values, as its administrator previews it. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public byte[] previewPdf(long versionId) {
        roles.requireRole(ROLE);
        TemplateVersion version = repository.version(versionId)
                .orElseThrow(() -> new TemplateNotFoundException("version " + versionId));
        return renderer.toPdf(versionId, SampleDocument.of(version.fields()));
    }

    /** Through the PDF engine too: XHTML it cannot lay out would otherwise fail every document later. */
    private void tryRender(long versionId, List<FieldDefinition> fields) {
        try {
            renderer.toPdf(versionId, SampleDocument.of(fields));
        } catch (TemplateRenderException e) {
            throw new InvalidInputException("template.source.invalid", "source",
                    e.line() == null ? "?" : e.line(), e.column() == null ? "?" : e.column(), e.getMessage());
        }
    }
}
