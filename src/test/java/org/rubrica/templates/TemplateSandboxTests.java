package org.rubrica.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a template may and may not do inside the FreeMarker sandbox. */
class TemplateSandboxTests {

    private static final long OWN = 10;
    private static final long OTHER = 11;

    private final InMemoryTemplates templates = InMemoryTemplates.builtins();

    private DocumentRenderer rendererFor(String source) {
        return templates.add(OWN, source, List.of("campo"))
                .add(OTHER, "<p>otra versión</p>", List.of())
                .renderer();
    }

    private static DocumentData withField(String value) {
        return new DocumentData("Institución", null, null, null, null, null, null, null, null, null, "Asunto", null,
                null, null, Map.of("campo", value), false);
    }

    private String render(String source) {
        return rendererFor(source).toXhtml(OWN, withField("valor"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}",
            "<#assign oc = \"freemarker.template.utility.ObjectConstructor\"?new()>${oc(\"java.io.File\", \"/\")}",
            "${\"java.lang.ProcessBuilder\"?new()}",
            "<#assign m = data?api>${m}",
            "${data.fields?api.get(\"campo\")}",
            "<#include \"/etc/passwd\">",
            "<#include \"../../../etc/passwd\">",
            "<#import \"file:///etc/passwd\" as x>",
            "<#include \"../v11/template.ftlx\">",
            "<#include \"/v11/template.ftlx\">",
            "<#include \"template.ftlx\"/><#-- itself: allowed name, but recursion stops at the stack limit -->",
            "${\"<#include '/etc/passwd'>\"?interpret}",
            "<@\"${data.subject}\"?interpret/>",
            "${data.fields.campo?eval}",
            "${data.fields.campo?<#---->eval}",
            "${\"<#--\"}<@data.subject?interpret/>${\"-->\"}",
            "<#assign t=data.subject?[#-- x --]interpret><@t/>",
    })
    void a_template_cannot_reach_java_files_or_other_versions(String source) {
        assertThatThrownBy(() -> render(source)).isInstanceOf(TemplateRenderException.class);
    }

    /**
     * The published FreeMarker server-side template-injection payloads (PayloadsAllTheThings, PortSwigger,
     * HackTricks), each pointed at a marker file: every one is refused with a message saying what was refused,
     * and the file never appears, so nothing ran.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            <#assign ex = "freemarker.template.utility.Execute"?new()>${ex("touch MARKER")}                | not allowed in the template for security reasons
            ${"freemarker.template.utility.Execute"?new()("touch MARKER")}                                 | not allowed in the template for security reasons
            <#assign oc = "freemarker.template.utility.ObjectConstructor"?new()>${oc("java.lang.ProcessBuilder", ["touch", "MARKER"]).start()} | not allowed in the template for security reasons
            <#assign jy = "freemarker.template.utility.JythonRuntime"?new()><@jy>import os; os.system("touch MARKER")</@jy> | not allowed in the template for security reasons
            <#assign c = "freemarker.template.utility.ClassUtil"?new()>${c}                                | not allowed in the template for security reasons
            <#assign x = "java.lang.ProcessBuilder"?new(["touch", "MARKER"])>${x.start()}                  | not allowed in the template for security reasons
            ${data?api.class.protectionDomain.codeSource.location}                                         | ?api
            <#assign cl = data.fields?api.class.protectionDomain.classLoader><#assign ec = cl.loadClass("freemarker.template.utility.Execute")>${ec.newInstance()("touch MARKER")} | ?api
            <#assign ow = .data_model?api.getClass().getClassLoader().loadClass("freemarker.template.ObjectWrapper")>${ow.getField("DEFAULT_WRAPPER").get(null).newInstance("freemarker.template.utility.Execute", null)("touch MARKER")} | ?api
            ${data.class.protectionDomain.classLoader.loadClass("freemarker.template.utility.Execute")}     | data.class
            ${data.fields.getClass().forName("java.lang.Runtime").getRuntime().exec("touch MARKER")}        | data.fields.getClass
            ${"".getClass().forName("java.lang.Runtime").getRuntime().exec("touch MARKER")}                 | Expecting: hash
            ${"<#assign ex='freemarker.template.utility.Execute'?new()>${ex('touch MARKER')}"?interpret}   | ?interpret
            <@"<#assign ex='freemarker.template.utility.Execute'?new()>${ex('touch MARKER')}"?interpret/>  | ?interpret
            ${"'freemarker.template.utility.Execute'?new()('touch MARKER')"?eval}                          | ?eval
            ${"\\"freemarker.template.utility.Execute\\"?new()(\\"touch MARKER\\")"?eval_json}          | JSON
            <#setting new_builtin_class_resolver="unrestricted"><#assign ex = "freemarker.template.utility.Execute"?new()>${ex("touch MARKER")} | changing this setting from inside a template isn't supported
            <#setting api_builtin_enabled=true>${data?api.class}                                          | changing this setting from inside a template isn't supported
            <#include "/etc/passwd" parse=false>                                                           | not found
            <#include "file:///etc/passwd">                                                                | not found
            <#include "classpath:application.properties">                                                 | not found
            <#include "http://169.254.169.254/latest/meta-data/">                                          | not found
            <#include "*/etc/passwd">                                                                      | not found
            <#include "v10/../../../../etc/passwd">                                                        | not found
            <#include "v10/../v11/template.ftlx">                                                          | not found
            <#import "v11/base.ftlx" as other>                                                             | not found
            ${.get_optional_template("/etc/passwd").exists?c}${.get_optional_template("/etc/passwd").include} | include
            """)
    void the_well_known_injection_payloads_are_refused_and_run_nothing(String payload, String why,
                                                                       @TempDir Path dir) {
        Path marker = dir.resolve("marker");
        String source = payload.replace("MARKER", marker.toString());

        assertThatThrownBy(() -> render(source))
                .isInstanceOf(TemplateRenderException.class)
                .satisfies(e -> assertThat(e.getMessage()).as("message").isNotBlank().containsIgnoringCase(why));
        assertThat(marker).doesNotExist();
    }

    @Test
    void eval_json_only_ever_yields_data() {
        String xhtml = render("<#assign d = \"{\\\"cmd\\\": \\\"freemarker.template.utility.Execute\\\"}\"?eval_json>"
                + "<p>${d.cmd}</p>");

        assertThat(xhtml).isEqualTo("<p>freemarker.template.utility.Execute</p>");
    }

    @Test
    void a_template_may_import_its_own_base_format() {
        String xhtml = render("<#import \"base.ftlx\" as base><p>${base.iniciales(\"Municipio de San Martín\")}</p>");

        assertThat(xhtml).isEqualTo("<p>MSM</p>");
    }

    @Test
    void user_text_that_looks_like_template_code_prints_literally() {
        String xhtml = rendererFor("<p>${data.fields.campo}</p>").toXhtml(OWN, withField("${7*7} <#if true>x</#if>"));

        assertThat(xhtml).isEqualTo("<p>${7*7} &lt;#if true&gt;x&lt;/#if&gt;</p>");
    }

    @Test
    void a_syntax_error_reports_its_line_and_column() {
        assertThatThrownBy(() -> render("<p>uno</p>\n<p>${data.subject</p>"))
                .isInstanceOfSatisfying(TemplateRenderException.class, e -> {
                    assertThat(e.templateName()).isEqualTo("v10/template.ftlx");
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isNotNull().isPositive();
                });
    }

    @Test
    void a_missing_variable_reports_where_it_is_used() {
        assertThatThrownBy(() -> render("<p>\n  ${noExiste}</p>"))
                .isInstanceOfSatisfying(TemplateRenderException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(5);
                    assertThat(e.getMessage()).contains("noExiste");
                });
    }

    @Test
    void a_forbidden_builtin_reports_its_position() {
        assertThatThrownBy(() -> render("<p/>\n<p>${data.subject?interpret}</p>"))
                .isInstanceOfSatisfying(TemplateRenderException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(18);
                });
    }

    @Test
    void output_is_escaped_as_xhtml_unless_the_template_says_otherwise() {
        String xhtml = rendererFor("<p>${data.fields.campo}</p>").toXhtml(OWN, withField("<script>&'\"</script>"));

        assertThat(xhtml).isEqualTo("<p>&lt;script&gt;&amp;&apos;&quot;&lt;/script&gt;</p>");
    }

    @Test
    void a_doctype_with_external_entities_is_refused() {
        String source = "<!DOCTYPE html [<!ENTITY secreto SYSTEM \"file:///etc/hostname\">]>"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>&secreto;</p></body></html>";

        assertThatThrownBy(() -> rendererFor(source).toPdf(OWN, withField("x")))
                .isInstanceOf(TemplateRenderException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void the_pdf_engine_fetches_no_files_or_urls_but_embedded_images_work(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("sello.png");
        BufferedImage pixel = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(pixel, "png", png.toFile());
        String dataUri = "data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(png));
        String page = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head>"
                + "<link rel=\"stylesheet\" type=\"text/css\" href=\"" + dir.toUri() + "estilo.css\"/></head>"
                + "<body><p>texto</p><img src=\"%s\" width=\"20\" height=\"20\"/></body></html>";

        byte[] fromFile = rendererFor(page.formatted(png.toUri())).toPdf(OWN, withField("x"));
        byte[] embedded = templates.add(OWN + 1, page.formatted(dataUri), List.of()).renderer()
                .toPdf(OWN + 1, withField("x"));

        assertThat(imageCount(fromFile)).isZero();
        assertThat(imageCount(embedded)).isEqualTo(1);
    }

    private static int imageCount(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int images = 0;
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                        images++;
                    }
                }
            }
            return images;
        }
    }

    @Test
    void every_schema_field_is_present_even_without_a_value() {
        DocumentData noFields = new DocumentData(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, false);

        assertThat(rendererFor("<p>[${data.fields.campo}]</p>").toXhtml(OWN, noFields)).isEqualTo("<p>[]</p>");
    }
}
