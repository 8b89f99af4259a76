package org.rubrica.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/** The shipped oficio rendered without a database: text, fonts, metadata, escaping and page images. */
class DocumentRendererTests {

    private final DocumentRenderer renderer = InMemoryTemplates.builtins().renderer();

    @Test
    void accented_text_survives_into_the_pdf() throws IOException {
        DocumentData data = withBody(InMemoryTemplates.sampleOficio(false),
                "<p>Señora Directora: ¿Año? Le escribo sobre la «cita» del día 3; el costo es de 250 €.</p>");

        String text = text(renderer.toPdf(InMemoryTemplates.OFICIO, data));

        assertThat(text).contains("Dirección General de Educación", "Señora", "¿Año?", "«cita»", "€",
                "Ing. José Luis Ramírez Peña", "Municipio de San Martín");
    }

    @Test
    void every_font_in_the_pdf_is_embedded() throws IOException {
        byte[] pdf = renderer.toPdf(InMemoryTemplates.OFICIO, InMemoryTemplates.sampleOficio(true));

        List<PDFont> fonts = fonts(pdf);

        assertThat(fonts).isNotEmpty();
        assertThat(fonts).allSatisfy(font -> {
            assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            assertThat(font).isInstanceOf(PDType0Font.class);
            var descriptor = ((PDType0Font) font).getDescendantFont().getFontDescriptor();
            assertThat(descriptor.getFontFile2()).as(font.getName() + " FontFile2").isNotNull();
        });
        assertThat(fonts).extracting(PDFont::getName)
                .anyMatch(name -> name.endsWith("+LiberationSans"))
                .anyMatch(name -> name.endsWith("+LiberationSerif-Bold"));
    }

    @Test
    void the_pdf_is_titled_with_the_subject_and_signed_by_the_author() throws IOException {
        DocumentData data = InMemoryTemplates.sampleOficio(false);

        try (PDDocument pdf = Loader.loadPDF(renderer.toPdf(InMemoryTemplates.OFICIO, data))) {
            var info = pdf.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo(data.subject());
            assertThat(info.getAuthor()).isEqualTo("Ing. José Luis Ramírez Peña");
            assertThat(info.getCreator()).isEqualTo("Rubrica");
        }
    }

    @Test
    void the_oficio_prints_place_date_number_subject_recipient_and_signature() throws IOException {
        String text = text(renderer.toPdf(InMemoryTemplates.OFICIO, InMemoryTemplates.sampleOficio(false)));

        assertThat(text).contains("San Martín, 22 de noviembre de 2026", "Oficio núm. SOP/DOP/0042/2026",
                "Asunto: Solicitud de información", "Mtra. Ana Cervantes Núñez", "Directora General de Educación",
                "PRESENTE", "Atentamente,", "Director de Obras Públicas",
                "Referencia: Programa municipal de", "Anexos:", "Página 1 de 1");
        assertThat(text).doesNotContain("BORRADOR", "Sin número");
    }

    @Test
    void a_draft_has_no_number_yet_and_is_marked_on_every_page() throws IOException {
        byte[] pdf = renderer.toPdf(InMemoryTemplates.OFICIO, InMemoryTemplates.sampleOficio(true));

        assertThat(text(pdf)).contains("Oficio núm. Sin número (se asigna al firmar)", "BORRADOR",
                "sin validez oficial");
    }

    @Test
    void a_subject_with_markup_characters_prints_literally() throws Exception {
        String subject = "Revisión de <b>&\"' y 5 > 3";
        DocumentData data = withSubject(InMemoryTemplates.sampleOficio(false), subject);

        String xhtml = renderer.toXhtml(InMemoryTemplates.OFICIO, data);

        assertThat(xhtml).contains("Revisión de &lt;b&gt;&amp;&quot;&apos; y 5 &gt; 3").doesNotContain("<b>&");
        assertThat(parsesAsXml(xhtml)).isTrue();
        byte[] pdf = renderer.toPdf(InMemoryTemplates.OFICIO, data);
        assertThat(text(pdf)).contains("Asunto: " + subject);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo(subject);
        }
    }

    @Test
    void missing_values_print_nothing_instead_of_failing() throws IOException {
        DocumentData empty = new DocumentData(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, false);

        String text = text(renderer.toPdf(InMemoryTemplates.OFICIO, empty));

        assertThat(text).contains("Sin número (se asigna al firmar)", "Atentamente,").doesNotContain("null");
    }

    @Test
    void the_body_is_cleaned_again_before_it_is_printed() {
        DocumentData data = withBody(InMemoryTemplates.sampleOficio(false),
                "<p onclick=\"x()\">Texto <script>alert(1)</script><img src=\"file:///etc/passwd\"/></p>");

        String xhtml = renderer.toXhtml(InMemoryTemplates.OFICIO, data);

        assertThat(xhtml).contains("<p>Texto </p>").doesNotContain("script", "onclick", "<img", "passwd");
    }

    @Test
    void characters_xml_forbids_are_dropped_rather_than_breaking_the_pdf() throws IOException {
        DocumentData data = withSubject(InMemoryTemplates.sampleOficio(false), "Asunto\u0001 con control\u0000");

        assertThat(text(renderer.toPdf(InMemoryTemplates.OFICIO, data))).contains("Asunto con control");
    }

    @Test
    void fields_print_literally_even_when_they_look_like_template_code() {
        Map<String, String> fields = new HashMap<>(InMemoryTemplates.sampleOficio(false).fields());
        fields.put("referencia", "${7*7} <#include \"/etc/passwd\">");
        DocumentData sample = InMemoryTemplates.sampleOficio(false);
        DocumentData data = new DocumentData(sample.institutionName(), sample.agencyName(), sample.unitName(),
                sample.unitCode(), sample.place(), sample.date(), sample.number(), sample.recipientName(),
                sample.recipientCargo(), sample.recipientUnitName(), "${7*7}", sample.bodyHtml(),
                sample.authorName(), sample.authorCargo(), fields, false);

        String xhtml = renderer.toXhtml(InMemoryTemplates.OFICIO, data);

        assertThat(xhtml).contains("Asunto:</span> ${7*7}", "${7*7} &lt;#include &quot;/etc/passwd&quot;&gt;")
                .doesNotContain("49");
    }

    @Test
    void pages_become_png_images_at_the_requested_resolution() throws IOException {
        byte[] pdf = renderer.toPdf(InMemoryTemplates.OFICIO, InMemoryTemplates.sampleOficio(true));

        List<byte[]> pages = renderer.toPngPages(pdf, 96);

        assertThat(pages).hasSize(1);
        var image = ImageIO.read(new ByteArrayInputStream(pages.getFirst()));
        assertThat(image.getWidth()).isEqualTo(816); // 8.5 in × 96 dpi
        assertThat(image.getHeight()).isEqualTo(1056); // 11 in × 96 dpi
    }

    @Test
    void an_unknown_version_is_not_found() {
        assertThatThrownBy(() -> renderer.toXhtml(999, InMemoryTemplates.sampleOficio(false)))
                .isInstanceOf(TemplateNotFoundException.class);
    }

    @Test
    void spanish_dates_use_lower_case_month_names() {
        DocumentData data = withDate(InMemoryTemplates.sampleOficio(false), LocalDate.of(2027, 1, 5));

        assertThat(renderer.toXhtml(InMemoryTemplates.OFICIO, data)).contains("San Martín, 5 de enero de 2027");
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true); // page counters are drawn after the words around them
            return stripper.getText(document);
        }
    }

    private static List<PDFont> fonts(byte[] pdf) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    fonts.add(resources.getFont(name));
                }
            }
        }
        return fonts;
    }

    private static boolean parsesAsXml(String xhtml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));
        return true;
    }

    private static DocumentData withBody(DocumentData d, String bodyHtml) {
        return new DocumentData(d.institutionName(), d.agencyName(), d.unitName(), d.unitCode(), d.place(),
                d.date(), d.number(), d.recipientName(), d.recipientCargo(), d.recipientUnitName(), d.subject(),
                bodyHtml, d.authorName(), d.authorCargo(), d.fields(), d.draft());
    }

    private static DocumentData withSubject(DocumentData d, String subject) {
        return new DocumentData(d.institutionName(), d.agencyName(), d.unitName(), d.unitCode(), d.place(),
                d.date(), d.number(), d.recipientName(), d.recipientCargo(), d.recipientUnitName(), subject,
                d.bodyHtml(), d.authorName(), d.authorCargo(), d.fields(), d.draft());
    }

    private static DocumentData withDate(DocumentData d, LocalDate date) {
        return new DocumentData(d.institutionName(), d.agencyName(), d.unitName(), d.unitCode(), d.place(),
                date, d.number(), d.recipientName(), d.recipientCargo(), d.recipientUnitName(), d.subject(),
                d.bodyHtml(), d.authorName(), d.authorCargo(), d.fields(), d.draft());
    }
}
