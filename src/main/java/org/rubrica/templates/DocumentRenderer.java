package org.rubrica.templates;

import java.util.List;

import org.rubrica.templates.internal.AssetResolver;
import org.rubrica.templates.internal.PdfPageImages;
import org.rubrica.templates.internal.RenderContext;
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
    private final VersionContexts contexts;
    private final AssetResolver assets;
    private final XhtmlToPdf xhtmlToPdf;
    private final PdfPageImages pageImages = new PdfPageImages();

    @Autowired
    DocumentRenderer(TemplateRepository repository, AssetResolver assets) {
        this(new SandboxedTemplates(repository), versionId -> repository.renderContext(versionId)
                .orElseThrow(() -> new TemplateNotFoundException("template version " + versionId)), assets);
    }

    /** For tests and benchmarks that render without a database. */
    DocumentRenderer(SandboxedTemplates templates, VersionContexts contexts, AssetResolver assets) {
        this.templates = templates;
        this.contexts = contexts;
        this.assets = assets;
        this.xhtmlToPdf = new XhtmlToPdf(assets);
    }

    /** What a version renders with besides its sources: its schema's field names and its base format's settings. */
    @FunctionalInterface
    interface VersionContexts {
        RenderContext of(long versionId);
    }

    /** The single format's settings a template version prints with (for documents made outside the PDF path). */
    public BaseFormatSettings formatOf(long templateVersionId) {
        return contexts.of(templateVersionId).format();
    }

    /** The letterhead logo of a version's single format, as PNG or JPEG, if it has one. */
    public java.util.Optional<byte[]> logoOf(long templateVersionId) {
        String logo = formatOf(templateVersionId).logoAsset();
        return logo == null ? java.util.Optional.empty() : assets.printable(logo);
    }

    /**
     * @throws TemplateNotFoundException when the version does not exist
     * @throws TemplateRenderException   when the template fails; carries line and column when known
     */
    public String toXhtml(long templateVersionId, DocumentData data) {
        return toXhtml(templateVersionId, data, null);
    }

    private String toXhtml(long templateVersionId, DocumentData data, BaseFormatSettings formatOverride) {
        RenderContext context = contexts.of(templateVersionId);
        BaseFormatSettings format = formatOverride == null ? context.format() : formatOverride;
        return templates.render(templateVersionId, TemplateModel.of(data, context.fieldNames(), format));
    }

    /**
     * A PDF with Liberation Sans/Serif embedded; its title is the subject, its author the author's name.
     * A draft gets a large diagonal "BORRADOR" beneath the text of every page, whatever the template does.
     *
     * @throws TemplateNotFoundException when the version does not exist
     * @throws TemplateRenderException   when the template fails or produces XHTML the PDF engine refuses
     */
    public byte[] toPdf(long templateVersionId, DocumentData data) {
        return toPdf(templateVersionId, data, null);
    }

    /** As {@link #toPdf(long, DocumentData)}, with other base format settings: the administrator's live preview. */
    byte[] toPdf(long templateVersionId, DocumentData data, BaseFormatSettings format) {
        return xhtmlToPdf.render(toXhtml(templateVersionId, data, format), new PdfInfo(blankToNull(data.subject()),
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
