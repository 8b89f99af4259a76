package org.rubrica.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

class RichTextTests {

    @Test
    void sanitize_drops_scripts_handlers_images_styles_and_javascript_links() {
        String dirty = """
                <p style="color:red" onclick="steal()">Hola <script>alert('x')</script>mundo</p>\
                <img src="x.png" onerror="alert(1)"/>\
                <a href="javascript:alert(1)">malo</a> <a href="data:text/html,hi">datos</a>\
                <iframe src="https://evil.example"></iframe><style>p{}</style>\
                <div class="x"><span>texto suelto</span></div>""";

        String clean = RichText.sanitize(dirty);

        assertThat(clean).doesNotContain("script", "alert", "onclick", "onerror", "style", "<img", "javascript",
                "data:", "iframe", "<div", "<span", "class=");
        assertThat(clean).contains("<p>Hola mundo</p>", "malo", "texto suelto");
        assertThat(parsesAsXml(clean)).isTrue();
    }

    @Test
    void sanitize_keeps_the_allowed_subset() {
        String rich = "<h1>T1</h1><h2>T2</h2><h3>T3</h3><h4>T4</h4><p><b>b</b><strong>s</strong><i>i</i>"
                + "<em>e</em><u>u</u><br/>línea</p><ul><li>uno</li></ul><ol><li>dos</li></ol>"
                + "<table><thead><tr><th>C</th></tr></thead><tbody><tr><td>V</td></tr></tbody></table>";

        String clean = RichText.sanitize(rich);

        assertThat(clean).isEqualTo(rich.replace("<br/>", "<br />"));
        assertThat(parsesAsXml(clean)).isTrue();
    }

    @Test
    void links_keep_only_web_and_mail_addresses_and_open_without_referrer() {
        String clean = RichText.sanitize("<p><a href=\"https://gob.example/tramite?a=1&b=2\" target=\"_blank\">sitio</a> "
                + "<a href=\"mailto:oficialia@gob.example\">correo</a> <a href=\"ftp://x\">ftp</a></p>");

        assertThat(clean).contains(
                "<a href=\"https://gob.example/tramite?a=1&amp;b=2\" rel=\"noopener noreferrer\">sitio</a>",
                "<a href=\"mailto:oficialia@gob.example\" rel=\"noopener noreferrer\">correo</a>",
                "<a rel=\"noopener noreferrer\">ftp</a>");
        assertThat(clean).doesNotContain("target");
        assertThat(parsesAsXml(clean)).isTrue();
    }

    @Test
    void sanitize_output_is_well_formed_xml_even_from_broken_html() {
        String clean = RichText.sanitize("<p>Uno & dos < tres<br>cuatro &nbsp; «cinco» <b>sin cerrar<p>otro");

        assertThat(parsesAsXml(clean)).isTrue();
        assertThat(clean).contains("Uno &amp; dos &lt; tres<br />cuatro", "«cinco»").doesNotContain("&nbsp;");
    }

    @Test
    void null_and_blank_become_empty() {
        assertThat(RichText.sanitize(null)).isEmpty();
        assertThat(RichText.sanitize("  ")).isEmpty();
        assertThat(RichText.fromPlainText(null)).isEmpty();
        assertThat(RichText.toPlainText(null)).isEmpty();
    }

    @Test
    void plain_text_becomes_escaped_paragraphs_with_line_breaks() {
        String html = RichText.fromPlainText("Señora:\r\n\r\nPrimera línea\nsegunda <b> & \"x\"\n\n\n  \nÚltimo");

        assertThat(html).isEqualTo("<p>Señora:</p><p>Primera línea<br/>segunda &lt;b&gt; &amp; \"x\"</p>"
                + "<p>Último</p>");
        assertThat(RichText.sanitize(html)).isEqualTo(html.replace("<br/>", "<br />"));
    }

    @Test
    void rich_text_becomes_plain_text_with_blank_lines_between_paragraphs() {
        String text = RichText.toPlainText("<h2>Antecedentes</h2><p>Uno &amp; <b>dos</b><br/>tres</p>"
                + "<ul><li>primero</li><li><p>segundo</p></li></ul><table><tr><th>A</th><th>B</th></tr>"
                + "<tr><td>1</td><td>2</td></tr></table><p>  fin  </p>");

        assertThat(text).isEqualTo("Antecedentes\n\nUno & dos\ntres\n\n- primero\n- segundo\n\nA | B\n1 | 2\n\nfin");
    }

    @Test
    void plain_text_survives_a_round_trip() {
        String text = "Señora Directora:\n\nPor medio del presente, ¿año?\n«cita» & <nada>\n\nAtentamente";

        assertThat(RichText.toPlainText(RichText.fromPlainText(text))).isEqualTo(text);
    }

    private static boolean parsesAsXml(String fragment) {
        try {
            DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader("<body>" + fragment + "</body>")));
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
