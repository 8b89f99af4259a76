package org.rubrica.templates;

import java.time.Clock;
import java.util.Locale;
import java.util.regex.Pattern;

import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.RoleGuard;
import org.rubrica.templates.internal.FieldSchemaJson;
import org.rubrica.templates.internal.TemplatePackage;
import org.rubrica.templates.internal.TemplateRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;

/**
 * Moves templates between installations as one JSON file. An import is validated in full (format, names,
 * field schema, a trial render against this installation's base format) before anything is saved, and
 * arrives as a draft for an administrator to review and publish.
 */
@Service
@Transactional
public class TemplatePortability {

    public static final int MAX_FILE_BYTES = 1_048_576;
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_-]{1,39}");
    private static final Pattern KIND = Pattern.compile("[A-Z][A-Z_]{1,29}");

    private final TemplateRepository repository;
    private final TemplateAdministration administration;
    private final RoleGuard roles;
    private final Clock clock;

    TemplatePortability(TemplateRepository repository, TemplateAdministration administration, RoleGuard roles,
                        Clock clock) {
        this.repository = repository;
        this.administration = administration;
        this.roles = roles;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public byte[] export(String code, int versionNo) {
        roles.requireRole(TemplateAdministration.ROLE);
        var v = repository.stored(code, versionNo).orElseThrow(() -> new TemplateNotFoundException(code + " v" + versionNo));
        var pkg = new TemplatePackage(TemplatePackage.FORMAT, TemplatePackage.FORMAT_VERSION, v.code(), v.kind(),
                v.nameEs(), v.nameEn(), v.versionNo(), v.source(), FieldSchemaJson.read(v.fieldSchemaJson()),
                v.defaultBodyHtml(), repository.baseFormatSourceOf(v.id()), clock.instant());
        return FieldSchemaJson.writePackage(pkg);
    }

    public TemplateImport importPackage(byte[] file) {
        roles.requireRole(TemplateAdministration.ROLE);
        TemplatePackage pkg = parse(file);
        boolean isNew = repository.templateId(pkg.code()).isEmpty();
        if (isNew) {
            repository.insertTemplate(pkg.code(), pkg.kind(), pkg.nameEs(), pkg.nameEn());
        } else if (!repository.kindOf(pkg.code()).orElseThrow().equals(pkg.kind())) {
            throw new InvalidInputException("template.import.kind-mismatch", "file", pkg.code());
        }
        // the same checks and trial render as an administrator's save; a failure rolls the template back too
        long draftId = administration.saveDraft(pkg.code(), new TemplateDraft(pkg.source(), pkg.fields(),
                pkg.defaultBodyHtml()));
        int draftNo = repository.version(draftId).orElseThrow().versionNo();
        boolean otherBase = pkg.baseFormatSource() != null
                && !pkg.baseFormatSource().equals(repository.baseFormatSourceOf(draftId));
        return new TemplateImport(pkg.code(), isNew, draftNo, otherBase);
    }

    private static TemplatePackage parse(byte[] file) {
        if (file == null || file.length == 0) {
            throw new InvalidInputException("validation.required", "file");
        }
        if (file.length > MAX_FILE_BYTES) {
            throw new InvalidInputException("template.import.too-large", "file", MAX_FILE_BYTES / 1024);
        }
        TemplatePackage pkg;
        try {
            pkg = FieldSchemaJson.readPackage(file);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new InvalidInputException("template.import.unreadable", "file");
        }
        if (!TemplatePackage.FORMAT.equals(pkg.format()) || pkg.formatVersion() != TemplatePackage.FORMAT_VERSION) {
            throw new InvalidInputException("template.import.unreadable", "file");
        }
        if (pkg.code() == null || !CODE.matcher(pkg.code()).matches() || pkg.kind() == null
                || !KIND.matcher(pkg.kind()).matches() || blank(pkg.nameEs()) || blank(pkg.nameEn())
                || pkg.nameEs().length() > 120 || pkg.nameEn().length() > 120) {
            throw new InvalidInputException("template.import.identity", "file");
        }
        if (pkg.source() == null || pkg.fields() == null || pkg.fields().contains(null)) {
            throw new InvalidInputException("template.import.unreadable", "file");
        }
        return pkg;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The file name an export is offered under. */
    public static String fileName(String code, int versionNo) {
        return "plantilla-" + code.toLowerCase(Locale.ROOT) + "-v" + versionNo + ".json";
    }
}
