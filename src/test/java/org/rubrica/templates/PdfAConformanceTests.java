package org.rubrica.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rubrica.PdfA;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.templates.internal.AssetImages;
import org.rubrica.templates.internal.BuiltinTemplates;
import org.rubrica.templates.internal.BuiltinTemplates.BuiltinTemplate;
import org.rubrica.templates.internal.SampleDocument;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * Every PDF Rubrica makes is PDF/A-2b, as veraPDF judges it: each shipped template as a final document and as a
 * draft, the letterhead with a translucent logo and the signed document's QR, every kind of picture an upload may
 * be (CMYK, which may not, is refused at upload), and a template that asks for everything the engine could get
 * wrong (generic and built-in font names, an unknown family, translucent colours, a link).
 */
class PdfAConformanceTests {

    private static final InMemoryTemplates.AllBuiltins BUILTINS = InMemoryTemplates.allBuiltins();
    private static final DocumentRenderer RENDERER = BUILTINS.templates().renderer();
    private static final Map<String, BuiltinTemplate> SHIPPED = BuiltinTemplates.fromClasspath().templates().stream()
            .collect(Collectors.toMap(t -> t.manifest().code(), Function.identity()));

    @ParameterizedTest
    @ValueSource(strings = {"oficio", "memorandum", "circular", "respuesta", "acuse"})
    void each_template_as_a_final_document_is_pdf_a_2b(String code) {
        byte[] pdf = RENDERER.toPdf(BUILTINS.id(code), sample(code, false));

        PdfA.Verdict verdict = PdfA.check(pdf);

        assertThat(verdict.declared()).isEqualTo(PDFAFlavour.PDFA_2_B);
        assertThat(verdict.failures()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"oficio", "acuse"})
    void a_draft_with_its_diagonal_mark_is_pdf_a_2b_too(String code) throws IOException {
        byte[] pdf = RENDERER.toPdf(BUILTINS.id(code), sample(code, true));

        assertThat(DocumentRendererTests.text(pdf)).contains("BORRADOR");
        PdfA.Verdict verdict = PdfA.check(pdf);
        assertThat(verdict.declared()).isEqualTo(PDFAFlavour.PDFA_2_B);
        assertThat(verdict.failures()).isEmpty();
    }

    @Test
    void a_logo_with_transparency_and_the_signed_documents_qr_keep_it_pdf_a_2b() {
        byte[] logo = translucentPng();
        BaseFormatSettings d = BaseFormatSettings.DEFAULTS;
        BaseFormatSettings withLogo = new BaseFormatSettings(d.pageSize(), d.marginTopMm(), d.marginRightMm(),
                d.marginBottomMm(), d.marginLeftMm(), d.typeface(), d.fontSizePt(), d.primaryColor(),
                d.accentColor(), "escudo", d.headerText(), d.footerText(), d.signatureSpaceMm(),
                d.verificationBlock());
        DocumentRenderer renderer = InMemoryTemplates.builtins().withFormat(withLogo)
                .withAssets(name -> name.equals("escudo") ? Optional.of(logo) : Optional.empty()).renderer();
        DocumentData s = InMemoryTemplates.sampleOficio(false);
        DocumentData signed = s.signed("7KQ2-M9XD-4TPA", translucentPng(), java.util.List.of(
                new DocumentData.SignerLine("Ing. Laura Méndez", "Directora")));

        byte[] pdf = renderer.toPdf(InMemoryTemplates.OFICIO, signed);

        assertThat(PdfA.check(pdf).failures()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"png-argb", "png-rgb", "png-grey", "png-grey-16", "png-indexed-transparent",
            "png-icc-profile", "jpeg-rgb", "jpeg-grey"})
    void every_kind_of_picture_an_upload_may_be_prints_as_pdf_a_2b(String kind) {
        byte[] image = picture(kind);
        AssetImages.check(image); // the upload accepts it
        DocumentRenderer renderer = InMemoryTemplates.builtins().add(42, """
                        <html xmlns="http://www.w3.org/1999/xhtml"><body><p>${data.subject}</p>
                        <img src="asset:imagen" style="width: 3cm"/></body></html>""", List.of())
                .withAssets(name -> Optional.of(image)).renderer();

        byte[] pdf = renderer.toPdf(42, InMemoryTemplates.sampleOficio(false));

        assertThat(PdfA.check(pdf).failures()).isEmpty();
    }

    @Test
    void a_cmyk_jpeg_is_refused_at_upload_because_device_cmyk_is_not_pdf_a_with_an_srgb_intent() {
        assertThatThrownBy(() -> AssetImages.check(picture("jpeg-cmyk")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("asset.cmyk"));
    }

    @Test
    void generic_built_in_and_unknown_font_names_print_in_embedded_liberation_faces() throws IOException {
        String source = """
                <html xmlns="http://www.w3.org/1999/xhtml"><head><title>Fuentes</title>
                <style>
                  @page { size: letter; margin: 2cm }
                  .a { font-family: serif } .b { font-family: sans-serif } .c { font-family: monospace }
                  .d { font-family: Helvetica } .e { font-family: "Times New Roman" } .f { font-family: Courier }
                  .g { font-family: Symbol } .h { font-family: ZapfDingbats } .i { font-family: "Desconocida" }
                  .j { color: rgba(200, 0, 0, 0.5); background-color: rgba(0, 0, 200, 0.2); font-weight: bold }
                </style></head>
                <body><p>Sin familia: ${data.subject}</p>
                <p class="a">serif ñ</p><p class="b">sans-serif ñ</p><p class="c">monospace ñ</p>
                <p class="d">Helvetica</p><p class="e">Times <i>cursiva</i></p><p class="f">Courier <b>negrita</b></p>
                <p class="g">Symbol</p><p class="h">ZapfDingbats</p><p class="i">Desconocida</p>
                <p class="j">Translúcido</p><pre>preformateado</pre><code>código</code>
                <p><a href="https://example.org/consulta">Consulta en línea</a></p>
                </body></html>""";
        DocumentRenderer renderer = InMemoryTemplates.builtins().add(41, source, List.of()).renderer();

        byte[] pdf = renderer.toPdf(41, new DocumentData(null, null, null, null, null, null, null, null, null, null,
                "Prueba & <fuentes>", null, "Autora", null, Map.of(), false));

        assertThat(fontNames(pdf)).isNotEmpty().allMatch(name -> name.matches("[A-Z]{6}\\+Liberation.*"),
                "a subset of a Liberation face");
        assertThat(fontNames(pdf)).anyMatch(name -> name.contains("LiberationMono"));
        assertThat(PdfA.check(pdf).failures()).isEmpty();
    }

    @Test
    void characters_the_fonts_lack_are_left_out_never_drawn_as_notdef_so_the_file_stays_pdf_a_2b()
            throws IOException {
        DocumentRenderer renderer = InMemoryTemplates.builtins().add(43, """
                <html xmlns="http://www.w3.org/1999/xhtml"><body><p>${data.subject}</p>
                <p style="font-family: monospace">${data.subject}</p></body></html>""", List.of()).renderer();

        byte[] pdf = renderer.toPdf(43, new DocumentData(null, null, null, null, null, null, null, null, null, null,
                "Casillas ✓ ☐, emoji 😀 y 漢字; flechas → ≤ ½ €", null, null, null, Map.of(), false));

        assertThat(DocumentRendererTests.text(pdf)).contains("→ ≤ ½ €").doesNotContain("✓", "☐", "😀", "漢");
        assertThat(PdfA.check(pdf).failures()).isEmpty();
    }

    @Test
    void the_check_has_teeth_without_the_metadata_or_the_output_intent_the_same_file_fails() throws IOException {
        byte[] pdf = RENDERER.toPdf(BUILTINS.id("oficio"), sample("oficio", false));
        byte[] withoutIntent;
        byte[] withoutMetadata;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            document.getDocumentCatalog().getCOSObject().removeItem(COSName.OUTPUT_INTENTS);
            withoutIntent = save(document);
            document.getDocumentCatalog().setMetadata(null);
            withoutMetadata = save(document);
        }

        assertThat(PdfA.check(withoutIntent).failures()).isNotEmpty()
                .anyMatch(f -> f.startsWith("6.2.4.3")); // device colours without an output intent
        PdfA.Verdict verdict = PdfA.check(withoutMetadata);
        assertThat(verdict.declared()).isNotEqualTo(PDFAFlavour.PDFA_2_B);
        assertThat(verdict.failures()).anyMatch(f -> f.startsWith("6.6.2.1"));
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    private static DocumentData sample(String code, boolean draft) {
        BuiltinTemplate t = SHIPPED.get(code);
        DocumentData s = SampleDocument.of(t.manifest().fieldDefinitions());
        return new DocumentData(s.institutionName(), s.agencyName(), s.unitName(), s.unitCode(), s.place(), s.date(),
                draft ? null : "SOP/DOP/0042/2026", s.recipientName(), s.recipientCargo(), s.recipientUnitName(),
                s.subject(), t.defaultBodyHtml(), s.authorName(), s.authorCargo(), s.fields(), draft);
    }

    /** A 64 × 64 picture of each kind, as ImageIO writes it. */
    private static byte[] picture(String kind) {
        try {
            return switch (kind) {
                case "png-argb" -> write(paint(new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB)), "png");
                case "png-rgb" -> write(paint(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB)), "png");
                case "png-grey" -> write(paint(new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY)), "png");
                case "png-grey-16" -> write(paint(new BufferedImage(64, 64, BufferedImage.TYPE_USHORT_GRAY)), "png");
                case "png-indexed-transparent" -> {
                    byte[] red = {0, (byte) 200, 0};
                    byte[] green = {0, 0, (byte) 200};
                    IndexColorModel palette = new IndexColorModel(8, 3, red, green, new byte[3], 0);
                    yield write(paint(new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_INDEXED, palette)), "png");
                }
                case "png-icc-profile" -> { // not sRGB, so the PNG carries the profile (iCCP) and the PDF too
                    ColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_LINEAR_RGB),
                            false, false, ColorModel.OPAQUE, DataBuffer.TYPE_BYTE);
                    yield write(paint(new BufferedImage(model, model.createCompatibleWritableRaster(64, 64), false,
                            null)), "png");
                }
                case "jpeg-rgb" -> write(paint(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB)), "jpeg");
                case "jpeg-grey" -> write(paint(new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY)), "jpeg");
                case "jpeg-cmyk" -> { // four components and Adobe's marker saying CMYK, as print software writes it
                    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
                        writer.setOutput(stream);
                        writer.write(null, new IIOImage(Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 64, 64,
                                4, null), null, null), null);
                    } finally {
                        writer.dispose();
                    }
                    byte[] jpeg = out.toByteArray();
                    byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
                    ByteArrayOutputStream marked = new ByteArrayOutputStream();
                    marked.write(jpeg, 0, 2); // after the start-of-image marker
                    marked.write(adobe);
                    marked.write(jpeg, 2, jpeg.length - 2);
                    yield marked.toByteArray();
                }
                default -> throw new IllegalArgumentException(kind);
            };
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BufferedImage paint(BufferedImage image) {
        var g = image.createGraphics();
        g.setColor(new Color(0x7a, 0x1f, 0x2b, 160));
        g.fillOval(0, 0, 64, 64);
        g.setColor(new Color(0x1d, 0x35, 0x57));
        g.fillRect(20, 20, 24, 24);
        g.dispose();
        return image;
    }

    private static byte[] write(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, format, out)) {
            throw new IllegalStateException("no ImageIO writer for " + format + " of type " + image.getType());
        }
        return out.toByteArray();
    }

    /** A 64 × 64 disc on a fully transparent background, with a half-transparent rim: PNG with an alpha channel. */
    private static byte[] translucentPng() {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        g.setColor(new Color(0x7a, 0x1f, 0x2b, 128));
        g.fillOval(0, 0, 64, 64);
        g.setColor(new Color(0x7a, 0x1f, 0x2b));
        g.fillOval(8, 8, 48, 48);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static List<String> fontNames(byte[] pdf) throws IOException {
        List<String> names = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    names.add(font.getName());
                }
            }
        }
        return names;
    }
}
