package org.rubrica.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rubrica.templates.internal.BuiltinTemplates;
import org.rubrica.templates.internal.BuiltinTemplates.BuiltinTemplate;
import org.rubrica.templates.internal.SampleDocument;

/**
 * Every shipped template (oficio, memorándum, circular, respuesta, acuse de recibo) rendered to PDF with
 * sample values: each shows what makes it that kind of document. The PDFs are also written to
 * {@code target/builtin-templates/} for a look (for example {@code pdftoppm -png -r 80}).
 */
class BuiltinLayoutsTests {

    private static final InMemoryTemplates.AllBuiltins BUILTINS = InMemoryTemplates.allBuiltins();
    private static final DocumentRenderer RENDERER = BUILTINS.templates().renderer();
    private static final Map<String, BuiltinTemplate> SHIPPED = BuiltinTemplates.fromClasspath().templates().stream()
            .collect(Collectors.toMap(t -> t.manifest().code(), Function.identity()));

    @Test
    void five_templates_ship_each_of_its_own_kind() {
        assertThat(SHIPPED.values()).extracting(t -> t.manifest().code(), t -> t.manifest().kind(),
                        t -> t.manifest().name().es(), t -> t.manifest().name().en())
                .contains(
                        Tuple.tuple("oficio", "OFICIO", "Oficio", "Official letter"),
                        Tuple.tuple("memorandum", "MEMORANDUM", "Memorándum", "Memo"),
                        Tuple.tuple("circular", "CIRCULAR", "Circular", "Circular"),
                        Tuple.tuple("respuesta", "RESPUESTA", "Respuesta", "Reply"),
                        Tuple.tuple("acuse", "ACUSE", "Acuse de recibo",
                                "Acknowledgement of receipt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"oficio", "memorandum", "circular", "respuesta", "acuse"})
    void each_template_extends_the_base_format_and_has_labels_in_both_languages(String code) {
        BuiltinTemplate t = SHIPPED.get(code);

        assertThat(t.source()).contains("<#import \"base.ftlx\" as base>", "<@base.documento", "<@base.firma");
        assertThat(t.manifest().fieldDefinitions()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.labelEs()).isNotBlank();
            assertThat(f.labelEn()).isNotBlank().isNotEqualTo(f.labelEs());
        });
        assertThat(t.defaultBodyHtml()).startsWith("<p>").isEqualTo(RichText.sanitize(t.defaultBodyHtml()));
    }

    @Test
    void the_reply_requires_the_original_oficios_number_and_date() {
        Map<String, FieldDefinition> fields = fieldsOf("respuesta");

        assertThat(fields.get("oficio_referido_numero")).satisfies(f -> {
            assertThat(f.type()).isEqualTo(FieldType.TEXT);
            assertThat(f.required()).isTrue();
            assertThat(f.maxLength()).isEqualTo(60);
        });
        assertThat(fields.get("oficio_referido_fecha")).satisfies(f -> {
            assertThat(f.type()).isEqualTo(FieldType.DATE);
            assertThat(f.required()).isTrue();
        });
        assertThat(fields).containsKeys("referencia", "anexos", "copias");
    }

    @Test
    void the_acknowledgement_asks_for_entry_number_time_received_oficio_and_office() {
        Map<String, FieldDefinition> fields = fieldsOf("acuse");

        assertThat(fields).containsKeys("folio_entrada", "fecha_recepcion", "hora_recepcion", "oficio_recibido_numero",
                "oficio_recibido_asunto", "oficina_receptora");
        assertThat(fields.get("fecha_recepcion").type()).isEqualTo(FieldType.DATE);
        assertThat(fields.get("hora_recepcion").pattern()).isNotBlank();
        assertThat("10:35").matches(fields.get("hora_recepcion").pattern());
        assertThat("25:00").doesNotMatch(fields.get("hora_recepcion").pattern());
        assertThat(fields.get("folio_entrada").required()).isTrue();
    }

    @Test
    void the_circular_is_addressed_from_a_required_field() {
        assertThat(fieldsOf("circular").get("titulares_de")).satisfies(f -> {
            assertThat(f.required()).isTrue();
            assertThat(f.labelEs()).isEqualTo("Dirigida a los titulares de");
        });
    }

    @Test
    void the_oficio_prints_its_address_block_and_notes() throws IOException {
        String text = render("oficio", sample(Map.of("referencia", "Programa de mantenimiento 2027",
                "anexos", "Relación de planteles (1 hoja)", "copias", "Archivo.")), false);

        assertThat(text).contains("Oficio núm. SOP/DOP/0042/2026", "Asunto: Solicitud de información",
                "San Martín, 22 de noviembre de 2026", "Mtra. Ana Cervantes Núñez", "PRESENTE",
                "Referencia: Programa de mantenimiento 2027", "Anexos: Relación de planteles (1 hoja)",
                "C.c.p. Archivo.", "Ing. José Luis Ramírez Peña", "Página 1 de 1");
    }

    @Test
    void the_memorandum_prints_para_de_asunto_fecha() throws IOException {
        String text = render("memorandum", sample(Map.of("referencia", "Circular SOP/0007/2026",
                "copias", "Lic. Marta Íñiguez, Secretaria de Obras Públicas.")), false);

        assertThat(text).contains("MEMORÁNDUM", "Núm. SOP/DOP/0042/2026",
                "PARA: Mtra. Ana Cervantes Núñez Directora General de Educación",
                "DE: Ing. José Luis Ramírez Peña Director de Obras Públicas Dirección de Obras Públicas",
                "ASUNTO: Solicitud de información sobre el programa «Escuelas Dignas»",
                "FECHA: San Martín, 22 de noviembre de 2026", "REFERENCIA: Circular SOP/0007/2026",
                "C.c.p. Lic. Marta Íñiguez", "Atentamente,");
        assertThat(text).doesNotContain("PRESENTE");
    }

    @Test
    void the_circular_prints_its_number_and_its_addressees() throws IOException {
        String text = render("circular", sample(Map.of("titulares_de",
                "las direcciones y coordinaciones de la Secretaría de Obras Públicas")), false);

        assertThat(text).contains("CIRCULAR núm. SOP/DOP/0042/2026",
                "A LOS TITULARES DE LAS DIRECCIONES Y COORDINACIONES DE LA SECRETARÍA DE OBRAS PÚBLICAS", "PRESENTES",
                "Asunto: Solicitud de información", "San Martín, 22 de noviembre de 2026",
                "Ing. José Luis Ramírez Peña");
        assertThat(text).doesNotContain("Mtra. Ana Cervantes Núñez");
    }

    @Test
    void a_draft_circular_says_its_number_comes_with_the_signature() throws IOException {
        String text = render("circular", sample(Map.of("titulares_de", "las unidades")), true);

        assertThat(text).contains("CIRCULAR núm. (se asigna al firmar)", "BORRADOR · sin validez oficial");
    }

    @Test
    void the_reply_cites_the_original_oficios_number_and_date() throws IOException {
        String text = render("respuesta", sample(Map.of("oficio_referido_numero", "DGE/0311/2026",
                "oficio_referido_fecha", "2026-11-03", "oficio_referido_asunto", "la relación de planteles escolares")),
                false);

        assertThat(text).contains("Oficio núm. SOP/DOP/0042/2026",
                "En respuesta a: oficio núm. DGE/0311/2026 del 3 de noviembre de 2026",
                "En atención a su oficio núm. DGE/0311/2026 de fecha 3 de noviembre de 2026, relativo a la relación "
                        + "de planteles escolares, me permito dar respuesta en los términos siguientes:",
                "Mtra. Ana Cervantes Núñez", "PRESENTE", "Ing. José Luis Ramírez Peña");
    }

    @Test
    void the_acknowledgement_prints_entry_number_time_and_the_received_oficio() throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("folio_entrada", "SOP-E-2026-01234");
        fields.put("fecha_recepcion", "2026-11-21");
        fields.put("hora_recepcion", "10:35");
        fields.put("oficio_recibido_numero", "DGE/0311/2026");
        fields.put("oficio_recibido_fecha", "2026-11-18");
        fields.put("oficio_recibido_asunto", "Relación de planteles escolares que requieren mantenimiento");
        fields.put("oficina_receptora", "Oficialía de Partes de la Secretaría de Obras Públicas");
        fields.put("anexos_recibidos", "Relación de planteles (12 hojas)\nDisco compacto (1)");

        DocumentData s = sample(fields);
        String text = render("acuse", new DocumentData(s.institutionName(), s.agencyName(), s.unitName(),
                s.unitCode(), s.place(), s.date(), s.number(), s.recipientName(), s.recipientCargo(),
                s.recipientUnitName(), s.subject(), SHIPPED.get("acuse").defaultBodyHtml(), s.authorName(),
                s.authorCargo(), fields, false), false);

        assertThat(text).contains("FOLIO DE ENTRADA", "SOP-E-2026-01234", "ACUSE DE RECIBO",
                "Se hace constar que en Oficialía de Partes de la Secretaría de Obras Públicas se recibió el oficio "
                        + "núm. DGE/0311/2026, que se describe a continuación, y que se le asignó el folio de entrada "
                        + "SOP-E-2026-01234.",
                "Recibido el 21 de noviembre de 2026, 10:35 h",
                "Asunto Relación de planteles escolares que requieren mantenimiento", "Oficio recibido Núm. DGE/0311/2026, del 18 de noviembre de 2026",
                "Anexos recibidos Relación de planteles (12 hojas) Disco compacto (1)",
                "Oficina receptora Oficialía de Partes", "El presente acuse hace constar únicamente la recepción",
                "Recibió,", "Ing. José Luis Ramírez Peña", "Página 1 de 1");
    }

    @Test
    void the_acknowledgement_names_the_issuing_unit_when_no_receiving_office_is_given() throws IOException {
        String text = render("acuse", sample(Map.of("folio_entrada", "E-1", "fecha_recepcion", "2026-11-21",
                "hora_recepcion", "09:05", "oficio_recibido_numero", "X/1", "oficio_recibido_asunto", "Prueba")), true);

        assertThat(text).contains("Se hace constar que en Dirección de Obras Públicas se recibió el oficio núm. X/1,",
                "Recibido el 21 de noviembre de 2026, 09:05 h", "Oficina receptora Dirección de Obras Públicas");
    }

    @ParameterizedTest
    @ValueSource(strings = {"oficio", "memorandum", "circular", "respuesta", "acuse"})
    void each_template_renders_with_the_administrators_sample_values_and_its_default_body(String code)
            throws IOException {
        BuiltinTemplate t = SHIPPED.get(code);
        DocumentData s = SampleDocument.of(t.manifest().fieldDefinitions());
        DocumentData withDefaultBody = new DocumentData(s.institutionName(), s.agencyName(), s.unitName(),
                s.unitCode(), s.place(), s.date(), s.number(), s.recipientName(), s.recipientCargo(),
                s.recipientUnitName(), s.subject(), t.defaultBodyHtml(), s.authorName(), s.authorCargo(), s.fields(),
                s.draft());

        byte[] pdf = RENDERER.toPdf(BUILTINS.id(code), withDefaultBody);
        Files.createDirectories(Path.of("target", "builtin-templates"));
        Files.write(Path.of("target", "builtin-templates", code + "-ejemplo.pdf"), pdf);

        assertThat(pageCount(pdf)).as("pages").isBetween(1, 2);
        assertThat(normalised(DocumentRendererTests.text(pdf))).contains("Municipio de Ejemplo", "Nombre del Autor",
                "BORRADOR");
    }

    @Test
    void an_approved_oficio_prints_each_signer_under_a_marked_room_for_their_signature() throws IOException {
        DocumentData d = InMemoryTemplates.sampleOficio(false);
        DocumentData signed = d.signed("K7QM-2XD9-PZAH", null, List.of(
                new DocumentData.SignerLine("Ing. Laura Méndez", "Directora"),
                new DocumentData.SignerLine("Lic. Omar Ruiz", "Secretario")));

        byte[] pdf = RENDERER.toPdf(BUILTINS.id("oficio"), signed);
        Files.createDirectories(Path.of("target", "builtin-templates"));
        Files.write(Path.of("target", "builtin-templates", "oficio-aprobado.pdf"), pdf);

        assertThat(normalised(DocumentRendererTests.text(pdf))).contains("Ing. Laura Méndez", "Directora",
                "Lic. Omar Ruiz", "Secretario", "K7QM-2XD9-PZAH").doesNotContain(d.authorName());
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String areas = doc.getDocumentInformation().getCustomMetadataValue("RubricaSignatureAreas");
            String[] first = areas.split(";")[0].split(" ");
            String[] second = areas.split(";")[1].split(" ");
            assertThat(first[0]).isEqualTo("firma-1");
            assertThat(second[0]).isEqualTo("firma-2");
            assertThat(first[1]).isEqualTo("1");
            assertThat(Float.parseFloat(second[2])).as("side by side").isGreaterThan(
                    Float.parseFloat(first[2]) + Float.parseFloat(first[4]));
            assertThat(Float.parseFloat(first[3])).as("above the bottom margin").isGreaterThan(72);
        }
    }

    @Test
    void with_no_values_at_all_every_template_still_renders() {
        DocumentData empty = new DocumentData(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, false);

        BUILTINS.versionIds().values().forEach(id -> assertThat(RENDERER.toPdf(id, empty)).isNotEmpty());
    }

    private static Map<String, FieldDefinition> fieldsOf(String code) {
        return SHIPPED.get(code).manifest().fieldDefinitions().stream()
                .collect(Collectors.toMap(FieldDefinition::name, Function.identity()));
    }

    private static DocumentData sample(Map<String, String> fields) {
        DocumentData d = InMemoryTemplates.sampleOficio(false);
        return new DocumentData(d.institutionName(), d.agencyName(), d.unitName(), d.unitCode(), d.place(), d.date(),
                d.number(), d.recipientName(), d.recipientCargo(), d.recipientUnitName(), d.subject(), d.bodyHtml(),
                d.authorName(), d.authorCargo(), fields, false);
    }

    /** Renders, keeps the PDF under target/builtin-templates/, and returns its text with spaces normalised. */
    private static String render(String code, DocumentData data, boolean draft) throws IOException {
        DocumentData d = !draft ? data : new DocumentData(data.institutionName(), data.agencyName(), data.unitName(),
                data.unitCode(), data.place(), data.date(), null, data.recipientName(), data.recipientCargo(),
                data.recipientUnitName(), data.subject(), data.bodyHtml(), data.authorName(), data.authorCargo(),
                data.fields(), true);
        byte[] pdf = RENDERER.toPdf(BUILTINS.id(code), d);
        Path dir = Path.of("target", "builtin-templates");
        Files.createDirectories(dir);
        Files.write(dir.resolve(code + (draft ? "-borrador" : "") + ".pdf"), pdf);
        return normalised(DocumentRendererTests.text(pdf));
    }

    private static String normalised(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static int pageCount(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }
}
