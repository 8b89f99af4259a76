package org.rubrica.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The administrator's settings of the single format reach every page of the PDF. */
class BaseFormatSettingsRenderTests {

    private static final BaseFormatSettings CUSTOM = new BaseFormatSettings(PageSize.A4, 25, 20, 22, 28,
            Typeface.SERIF, new BigDecimal("11"), "#7a1f2b", "#c9a227", "escudo",
            "2026, Año de la Transparencia Municipal", "Palacio Municipal s/n, Centro · Tel. 555 010 2030", 25, true);

    @Test
    void page_size_type_logo_header_and_footer_texts_follow_the_settings() throws IOException {
        byte[] logo = png(240, 240, new Color(0x7a, 0x1f, 0x2b));
        DocumentRenderer renderer = InMemoryTemplates.builtins().withFormat(CUSTOM)
                .withAssets(name -> name.equals("escudo") ? Optional.of(logo) : Optional.empty()).renderer();

        byte[] pdf = renderer.toPdf(InMemoryTemplates.OFICIO, InMemoryTemplates.sampleOficio(false));
        save(renderer, pdf, "formato-personalizado");

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage first = doc.getPage(0);
            assertThat(first.getMediaBox().getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
            assertThat(first.getMediaBox().getHeight()).isCloseTo(841.9f, org.assertj.core.data.Offset.offset(1f));
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("2026, Año de la Transparencia Municipal",
                    "Palacio Municipal s/n, Centro · Tel. 555 010 2030",
                    "Código de verificación y QR: se asignan al firmar.");
            assertThat(text).doesNotContain(" MSM "); // the logo replaces the initials emblem
            assertThat(images(first)).isEqualTo(1);
            assertThat(fonts(first)).anyMatch(f -> f.contains("LiberationSerif"));
        }
    }

    @Test
    void the_shipped_defaults_print_the_initials_emblem_on_letter_paper_and_a_signed_code_replaces_the_notice()
            throws IOException {
        DocumentRenderer renderer = InMemoryTemplates.builtins().renderer();
        DocumentData s = InMemoryTemplates.sampleOficio(false);
        DocumentData signed = s.signed("7KQ2-M9XD-4TPA", png(64, 64, Color.BLACK), java.util.List.of());

        byte[] pdf = renderer.toPdf(InMemoryTemplates.OFICIO, signed);
        save(renderer, pdf, "formato-predeterminado");

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isCloseTo(612f, org.assertj.core.data.Offset.offset(1f));
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("MSM", "Código de verificación: 7KQ2-M9XD-4TPA")
                    .doesNotContain("se asignan al firmar");
            assertThat(images(doc.getPage(0))).isEqualTo(1); // the QR
        }
    }

    @Test
    void without_the_verification_place_the_signature_stands_alone() throws IOException {
        BaseFormatSettings d = BaseFormatSettings.DEFAULTS;
        BaseFormatSettings none = new BaseFormatSettings(d.pageSize(), d.marginTopMm(), d.marginRightMm(),
                d.marginBottomMm(), d.marginLeftMm(), d.typeface(), d.fontSizePt(), d.primaryColor(), d.accentColor(),
                null, "", "", d.signatureSpaceMm(), false);
        byte[] pdf = InMemoryTemplates.builtins().withFormat(none).renderer()
                .toPdf(InMemoryTemplates.OFICIO, InMemoryTemplates.sampleOficio(false));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).doesNotContain("Código de verificación");
        }
    }

    private static int images(PDPage page) throws IOException {
        int count = 0;
        for (COSName name : page.getResources().getXObjectNames()) {
            if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                count++;
            }
        }
        return count;
    }

    private static List<String> fonts(PDPage page) throws IOException {
        Set<String> names = new HashSet<>();
        for (COSName name : page.getResources().getFontNames()) {
            PDFont font = page.getResources().getFont(name);
            names.add(font.getName());
        }
        return List.copyOf(names);
    }

    static byte[] png(int width, int height, Color colour) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** For people, not assertions: the first page as a picture under target/screenshots. */
    private static void save(DocumentRenderer renderer, byte[] pdf, String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), renderer.toPngPages(pdf, 80).getFirst());
    }
}
