package org.rubrica.templates;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.RoleGuard;
import org.rubrica.templates.internal.AssetRepository;
import org.rubrica.templates.internal.FieldSchemaJson;
import org.rubrica.templates.internal.TemplatePackage;
import org.rubrica.templates.internal.TemplatePackage.PackagedAsset;
import org.rubrica.templates.internal.TemplateRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;

/**
 * Moves templates between installations as one JSON file, with the images they print and the base format
 * they were designed on. An import is validated in full (format, names, each image as an upload, field
 * schema, a trial render against this installation's base format) in one transaction, so a failure saves
 * nothing; it arrives as a draft for an administrator to review and publish.
 */
@Service
@Transactional
public class TemplatePortability {

    /** Room for a template and a few images (base64 makes them a third larger). */
    public static final int MAX_FILE_BYTES = 8 * 1_048_576;

    private final TemplateRepository repository;
    private final AssetRepository assetRepository;
    private final TemplateAdministration administration;
    private final TemplateAssets assets;
    private final RoleGuard roles;
    private final Clock clock;

    TemplatePortability(TemplateRepository repository, AssetRepository assetRepository,
                        TemplateAdministration administration, TemplateAssets assets, RoleGuard roles, Clock clock) {
        this.repository = repository;
        this.assetRepository = assetRepository;
        this.administration = administration;
        this.assets = assets;
        this.roles = roles;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public byte[] export(String code, int versionNo) {
        roles.requireRole(TemplateAdministration.ROLE);
        var v = repository.stored(code, versionNo).orElseThrow(() -> new TemplateNotFoundException(code + " v" + versionNo));
        BaseFormatSettings settings = repository.baseFormatSettingsOf(v.id());
        Set<String> names = new LinkedHashSet<>(TemplateAssets.referencedIn(v.source()));
        if (settings.logoAsset() != null) {
            names.add(settings.logoAsset());
        }
        List<PackagedAsset> images = names.stream().flatMap(name -> assetRepository.file(name).stream()
                .map(f -> new PackagedAsset(name, f.mediaType(), f.content()))).toList();
        var pkg = new TemplatePackage(TemplatePackage.FORMAT, TemplatePackage.FORMAT_VERSION, v.code(), v.kind(),
                v.nameEs(), v.nameEn(), v.versionNo(), v.source(), FieldSchemaJson.read(v.fieldSchemaJson()),
                v.defaultBodyHtml(), repository.baseFormatSourceOf(v.id()), settings, images, clock.instant());
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
        // images first, each checked as an upload; one that clashes with a local image of that name is refused
        for (PackagedAsset image : pkg.assets() == null ? List.<PackagedAsset>of() : pkg.assets()) {
            assets.receive(image.name(), image.content());
        }
        for (String name : TemplateAssets.referencedIn(pkg.source())) {
            if (!assets.exists(name)) {
                throw new InvalidInputException("template.import.asset-missing", "file", name);
            }
        }
        // the same checks and trial render as an administrator's save; a failure rolls everything back
        long draftId = administration.saveDraft(pkg.code(), new TemplateDraft(pkg.source(), pkg.fields(),
                pkg.defaultBodyHtml()));
        int draftNo = repository.version(draftId).orElseThrow().versionNo();
        boolean otherBase = pkg.baseFormatSource() != null
                && (!pkg.baseFormatSource().equals(repository.baseFormatSourceOf(draftId))
                || pkg.baseFormatSettings() != null
                && !pkg.baseFormatSettings().equals(repository.baseFormatSettingsOf(draftId)));
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
        if (!TemplatePackage.FORMAT.equals(pkg.format()) || pkg.formatVersion() < 1
                || pkg.formatVersion() > TemplatePackage.FORMAT_VERSION) {
            throw new InvalidInputException("template.import.unreadable", "file");
        }
        try {
            TemplateAdministration.checkIdentity(pkg.code(), pkg.kind(), pkg.nameEs(), pkg.nameEn());
        } catch (InvalidInputException e) {
            throw new InvalidInputException("template.import.identity", "file");
        }
        if (pkg.source() == null || pkg.fields() == null || pkg.fields().contains(null)
                || pkg.assets() != null && pkg.assets().stream().anyMatch(a -> a == null || a.content() == null)) {
            throw new InvalidInputException("template.import.unreadable", "file");
        }
        return pkg;
    }

    /** The file name an export is offered under. */
    public static String fileName(String code, int versionNo) {
        return "plantilla-" + code.toLowerCase(Locale.ROOT) + "-v" + versionNo + ".json";
    }
}
