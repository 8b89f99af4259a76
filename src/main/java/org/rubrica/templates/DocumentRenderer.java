package org.rubrica.templates;

import java.util.List;

import org.rubrica.templates.internal.PdfPageImages;
import org.rubrica.templates.internal.SandboxedTemplates;
import org.rubrica.templates.internal.TemplateModel;
import org.rubrica.templates.internal.TemplateRepository;
import org.rubrica.templates.internal.XhtmlToPdf;
import org.rubrica.templates.internal.XhtmlToPdf.PdfInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Renders a document: the template version's FreeMarker layout (in the sandbox) to XHTML, XHTML to PDF
 * with embedded fonts, and PDF pages to PNG images. The same XHTML is what the PDF is made from, so a
 * preview shows exactly what gets signed. Thread-safe.
 */
@Service
public class DocumentRenderer {

    private final SandboxedTemplates templates;
    private final VersionFields versionFields;
    private final XhtmlToPdf xhtmlToPdf = new XhtmlToPdf();
    private final PdfPageImages pageImages = new PdfPageImages();

    @Autowired
    DocumentRenderer(TemplateRepository repository) {
        this(new SandboxedTemplates(repository), versionId -> repository.version(versionId)
                .map(v -> v.fields().stream().map(FieldDefinition::name).toList())
                .orElseThrow(() -> new TemplateNotFoundException("template version " + versionId)));
    }

    /** For tests and benchmarks that render without a database. */
    DocumentRenderer(SandboxedTemplates templates, VersionFields versionFields) {
        this.templates = templates;
        this.versionFields = versionFields;
    }

    /** The names of a version's schema fields, so templates see every field even when it has no value. */
    @FunctionalInterface
    interface VersionFields {
        List<String> names(long versionId);
    }

    /**
     * @throws TemplateNotFoundException when the version does not exist
     * @throws TemplateRenderException   when the template fails; carries line and column when known
     */
    public String toXhtml(long templateVersionId, DocumentData data) {
        return templates.render(templateVersionId, TemplateModel.of(data, versionFields.names(templateVersionId)));
    }

    /**
     * A PDF with Liberation Sans/Serif embedded; its title is the subject, its author the author's name.
     * A draft gets a large diagonal "BORRADOR" beneath the text of every page, whatever the template does.
     *
     * @throws TemplateNotFoundException when the version does not exist
     * @throws TemplateRenderException   when the template fails or produces XHTML the PDF engine refuses
     */
    public byte[] toPdf(long templateVersionId, DocumentData data) {
        return xhtmlToPdf.render(toXhtml(templateVersionId, data), new PdfInfo(blankToNull(data.subject()),
                blankToNull(data.authorName()), data.draft()));
    }

    /**
     * One PNG per page at {@code dpi} (10–300; 96 matches a screen, 110–150 reads well on phones).
     *
     * @throws IllegalArgumentException    for a resolution outside 10–300
     * @throws java.io.UncheckedIOException when the bytes are not a readable PDF
     */
    public List<byte[]> toPngPages(byte[] pdf, int dpi) {
        return pageImages.render(pdf, dpi);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
