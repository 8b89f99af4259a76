package org.rubrica.templates;

import java.util.Collection;
import java.util.List;
import java.util.Set;

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
     * The templates someone may start documents from: those granted to no unit in particular, and those granted
     * to a unit on {@code unitPath} (their unit and every unit above it).
     */
    public List<TemplateSummary> publishedTemplatesFor(Collection<Long> unitPath) {
        Set<String> codes = repository.availableCodes(unitPath);
        return repository.publishedTemplates().stream().filter(t -> codes.contains(t.code())).toList();
    }

    /**
     * The newest published version of a template, for someone in the unit with this path.
     *
     * @throws TemplateNotFoundException when there is none, or the template is not available to that unit
     */
    public TemplateVersion publishedVersionFor(String code, Collection<Long> unitPath) {
        if (!repository.availableCodes(unitPath).contains(code)) {
            throw new TemplateNotFoundException("template " + code + " for units " + unitPath);
        }
        return publishedVersion(code);
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
