package org.rubrica.templates;

import java.util.List;

import org.rubrica.templates.internal.TemplateRepository;
import org.springframework.stereotype.Service;

/** The templates people can start documents from, and the versions documents pin. */
@Service
public class TemplateCatalog {

    private final TemplateRepository repository;

    TemplateCatalog(TemplateRepository repository) {
        this.repository = repository;
    }

    /** Every template with a published version (its newest), ordered by Spanish name. */
    public List<TemplateSummary> publishedTemplates() {
        return repository.publishedTemplates();
    }

    /**
     * The newest published version of a template: what a new document starts from.
     *
     * @throws TemplateNotFoundException when there is no such template or it has no published version
     */
    public TemplateVersion publishedVersion(String code) {
        return repository.newestPublished(code)
                .orElseThrow(() -> new TemplateNotFoundException("published template " + code));
    }

    /**
     * A version by id, published or not: what an existing document was started from.
     *
     * @throws TemplateNotFoundException when there is no such version
     */
    public TemplateVersion version(long versionId) {
        return repository.version(versionId)
                .orElseThrow(() -> new TemplateNotFoundException("template version " + versionId));
    }
}
