package org.rubrica.api;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.rubrica.api.ApiModels.PreviewRequest;
import org.rubrica.api.ApiModels.Template;
import org.rubrica.api.ApiModels.TemplateField;
import org.rubrica.api.ApiModels.TemplateVersionDetail;
import org.rubrica.api.ApiModels.TemplateVersionEntry;
import org.rubrica.directory.CurrentActor;
import org.rubrica.drafting.DraftContent;
import org.rubrica.drafting.OficioService;
import org.rubrica.templates.FieldDefinition;
import org.rubrica.templates.TemplateAdministration;
import org.rubrica.templates.TemplateCatalog;
import org.rubrica.templates.TemplateVersion;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/templates")
@Tag(name = "Templates")
class TemplatesController {

    private final TemplateCatalog templates;
    private final TemplateAdministration administration;
    private final OficioService oficios;
    private final RecipientUnits recipients;
    private final CurrentActor currentActor;

    TemplatesController(TemplateCatalog templates, TemplateAdministration administration, OficioService oficios,
                        RecipientUnits recipients, CurrentActor currentActor) {
        this.templates = templates;
        this.administration = administration;
        this.oficios = oficios;
        this.recipients = recipients;
        this.currentActor = currentActor;
    }

    @GetMapping
    @Operation(summary = "Published templates with their field schema")
    List<Template> list(Locale locale) {
        currentActor.require();
        return templates.publishedTemplates().stream()
                .map(t -> template(t.name(locale), templates.version(t.publishedVersionId()), locale)).toList();
    }

    @GetMapping("/{code}")
    @Operation(summary = "A template's newest published version")
    Template get(@PathVariable String code, Locale locale) {
        currentActor.require();
        TemplateVersion version = templates.publishedVersion(code);
        String name = templates.publishedTemplates().stream().filter(t -> t.code().equals(code)).findFirst()
                .map(t -> t.name(locale)).orElse(code);
        return template(name, version, locale);
    }

    @GetMapping("/{code}/versions")
    @Operation(summary = "A template's version history (template administrators)")
    List<TemplateVersionEntry> versions(@PathVariable String code) {
        return administration.history(code).stream()
                .map(v -> new TemplateVersionEntry(v.id(), v.versionNo(), v.published(), v.publishedAt())).toList();
    }

    @GetMapping("/{code}/versions/{versionNo}")
    @Operation(summary = "One version with its layout source (template administrators)")
    TemplateVersionDetail version(@PathVariable String code, @PathVariable int versionNo, Locale locale) {
        var v = administration.version(code, versionNo);
        return new TemplateVersionDetail(v.code(), v.versionId(), v.versionNo(), !v.draft(), v.content().source(),
                v.content().fields().stream().map(f -> field(f, locale)).toList(), v.content().defaultBodyHtml());
    }

    @PostMapping(path = "/{code}/preview", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Render the newest published version for given values as a PDF (drafters)")
    ResponseEntity<byte[]> preview(@PathVariable String code, @RequestBody PreviewRequest request) {
        Long recipient = recipients.resolve(request.recipientUnitId(), request.recipientUnitCode());
        byte[] pdf = oficios.previewPdf(code, new DraftContent(recipient, request.subject(), request.body(),
                request.fields()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + code + "-preview.pdf\"").body(pdf);
    }

    private static Template template(String name, TemplateVersion version, Locale locale) {
        return new Template(version.templateCode(), version.kind(), name, version.id(), version.versionNo(),
                version.fields().stream().map(f -> field(f, locale)).toList());
    }

    private static TemplateField field(FieldDefinition f, Locale locale) {
        return new TemplateField(f.name(), f.label(locale), f.type().name(), f.required(), f.maxLength(), f.pattern());
    }
}
