package org.rubrica.api;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.rubrica.api.ApiModels.Template;
import org.rubrica.api.ApiModels.TemplateField;
import org.rubrica.directory.CurrentActor;
import org.rubrica.templates.TemplateCatalog;
import org.rubrica.templates.TemplateSummary;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/templates")
@Tag(name = "Templates")
class TemplatesController {

    private final TemplateCatalog templates;
    private final CurrentActor currentActor;

    TemplatesController(TemplateCatalog templates, CurrentActor currentActor) {
        this.templates = templates;
        this.currentActor = currentActor;
    }

    @GetMapping
    @Operation(summary = "Published templates with their field schema")
    List<Template> list(Locale locale) {
        currentActor.require();
        return templates.publishedTemplates().stream().map(t -> template(t, locale)).toList();
    }

    private Template template(TemplateSummary summary, Locale locale) {
        var version = templates.version(summary.publishedVersionId());
        return new Template(summary.code(), summary.kind(), summary.name(locale), version.id(), version.versionNo(),
                version.fields().stream().map(f -> new TemplateField(f.name(), f.label(locale), f.type().name(),
                        f.required(), f.maxLength(), f.pattern())).toList());
    }
}
