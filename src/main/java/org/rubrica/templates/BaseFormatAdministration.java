package org.rubrica.templates;

import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.RoleGuard;
import org.rubrica.templates.internal.BaseFormats;
import org.rubrica.templates.internal.SampleDocument;
import org.rubrica.templates.internal.TemplateRepository;
import org.rubrica.templates.internal.TemplateRepository.StoredBaseFormat;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The institution's single format as its administrator sets it: page, margins, type, colours, logo, header and
 * footer texts, signature room and the verification place. Settings are tried on a sample oficio before they
 * are saved; saving makes a new base format version that every template moves onto.
 */
@Service
@Transactional
public class BaseFormatAdministration {

    /** The template whose sample shows the format; any published template serves if it is missing. */
    static final String PREVIEW_TEMPLATE = "oficio";

    private final TemplateRepository repository;
    private final BaseFormats baseFormats;
    private final TemplateAssets assets;
    private final DocumentRenderer renderer;
    private final RoleGuard roles;

    BaseFormatAdministration(TemplateRepository repository, BaseFormats baseFormats, TemplateAssets assets,
                             DocumentRenderer renderer, RoleGuard roles) {
        this.repository = repository;
        this.baseFormats = baseFormats;
        this.assets = assets;
        this.renderer = renderer;
        this.roles = roles;
    }

    @Transactional(readOnly = true)
    public BaseFormatState current() {
        roles.requireRole(TemplateAdministration.ROLE);
        StoredBaseFormat newest = repository.newestBaseFormat().orElseThrow();
        return new BaseFormatState(newest.versionNo(), newest.settings(), newest.createdAt());
    }

    /** A sample oficio with these settings, nothing saved. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public byte[] preview(BaseFormatSettings settings) {
        roles.requireRole(TemplateAdministration.ROLE);
        check(settings);
        TemplateVersion sample = repository.newestPublished(PREVIEW_TEMPLATE)
                .or(() -> repository.publishedTemplates().stream().findFirst()
                        .flatMap(t -> repository.version(t.publishedVersionId())))
                .orElseThrow(() -> new TemplateNotFoundException("a published template"));
        return renderer.toPdf(sample.id(), SampleDocument.signed(sample.fields()), settings);
    }

    /**
     * Makes these settings the single format: a new base format version, and a new version of every template
     * pinned to it. Documents already started keep theirs.
     *
     * @return the base format now in force
     */
    public BaseFormatState save(BaseFormatSettings settings) {
        roles.requireRole(TemplateAdministration.ROLE);
        check(settings);
        StoredBaseFormat newest = repository.newestBaseFormat().orElseThrow();
        if (!baseFormats.publish(newest.source(), settings).created()) {
            throw new InvalidInputException("format.unchanged");
        }
        StoredBaseFormat saved = repository.newestBaseFormat().orElseThrow();
        return new BaseFormatState(saved.versionNo(), saved.settings(), saved.createdAt());
    }

    private void check(BaseFormatSettings settings) {
        if (settings == null) {
            throw new InvalidInputException("validation.required", "pageSize");
        }
        settings.check();
        if (settings.logoAsset() != null && !settings.logoAsset().isBlank() && !assets.exists(settings.logoAsset())) {
            throw new InvalidInputException("format.logo.unknown", "logo", settings.logoAsset());
        }
    }
}
