package org.rubrica.templates;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.rubrica.templates.internal.XmlChars;

/**
 * The rich-text subset a document body may hold (paragraphs, headings h1–h4, bold, italic, underline,
 * lists, tables, line breaks and http/https/mailto links), and conversions to and from plain text for
 * editing in a text area. Everything else is dropped, not escaped: a body is content, not a place for
 * markup experiments.
 */
public final class RichText {

    private static final Safelist BODY_SUBSET = new Safelist()
            .addTags("p", "h1", "h2", "h3", "h4", "b", "strong", "i", "em", "u", "ul", "ol", "li",
                    "table", "thead", "tbody", "tr", "th", "td", "br", "a")
            .addAttributes("a", "href")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "noopener noreferrer");

    /** Well-formed XML, so openpdf-html's XML parser accepts it; UTF-8 keeps accents as characters. */
    private static final Document.OutputSettings XHTML = new Document.OutputSettings()
            .syntax(Document.OutputSettings.Syntax.xml)
            .escapeMode(Entities.EscapeMode.xhtml)
            .charset(StandardCharsets.UTF_8)
            .prettyPrint(false);

    private static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "div",
            "blockquote", "pre", "ul", "ol", "table");

    private RichText() {
    }

    /** Keeps only the body subset; {@code null} or blank gives {@code ""}. */
    public static String sanitize(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return Jsoup.clean(XmlChars.strip(html), "", BODY_SUBSET, XHTML.clone()); // settings are mutable
    }

    /**
     * Plain text to paragraphs: blank lines separate paragraphs, a single newline becomes {@code <br/>}.
     * All text is escaped.
     */
    public static String fromPlainText(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        StringBuilder html = new StringBuilder(text.length() + 32);
        List<String> paragraph = new ArrayList<>();
        for (String line : XmlChars.strip(text).replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            if (line.isBlank()) {
                appendParagraph(html, paragraph);
            } else {
                paragraph.add(line.stripTrailing());
            }
        }
        appendParagraph(html, paragraph);
        return html.toString();
    }

    private static void appendParagraph(StringBuilder html, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        html.append("<p>");
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                html.append("<br/>");
            }
            escape(html, lines.get(i));
        }
        html.append("</p>");
        lines.clear();
    }

    private static void escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
    }

    /**
     * Rich text to plain text for a text area: paragraphs, headings and lists separated by blank lines,
     * {@code <br>} as a newline, list items as "- " lines, table rows as lines with cells joined by " | ".
     * {@code toPlainText(fromPlainText(t))} gives {@code t} back, up to surrounding whitespace.
     */
    public static String toPlainText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        PlainTextWriter writer = new PlainTextWriter();
        NodeTraversor.traverse(writer, Jsoup.parseBodyFragment(html).body());
        return writer.result();
    }

    /** Collects blocks of lines; a block ends at a block element's end, lines end at br, li and tr. */
    private static final class PlainTextWriter implements NodeVisitor {

        private final List<String> blocks = new ArrayList<>();
        private final List<String> lines = new ArrayList<>();
        private final StringBuilder line = new StringBuilder();
        private int listDepth;
        private boolean firstCell;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                appendText(text.getWholeText());
            } else if (node instanceof Element e) {
                String tag = e.normalName();
                switch (tag) {
                    case "br" -> breakLine();
                    case "li" -> {
                        endLine();
                        line.append("- ");
                    }
                    case "tr" -> {
                        endLine();
                        firstCell = true;
                    }
                    case "td", "th" -> {
                        if (!firstCell) {
                            line.append(" | ");
                        }
                        firstCell = false;
                    }
                    default -> {
                        if (BLOCKS.contains(tag) && listDepth == 0) {
                            endBlock(); // inside lists and tables, li and tr decide the lines
                        }
                    }
                }
                if (tag.equals("ul") || tag.equals("ol") || tag.equals("table")) {
                    listDepth++;
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e) {
                String tag = e.normalName();
                if (tag.equals("ul") || tag.equals("ol") || tag.equals("table")) {
                    listDepth--;
                }
                if (BLOCKS.contains(tag) && listDepth == 0) {
                    endBlock();
                } else if (tag.equals("li") || tag.equals("tr")) {
                    endLine();
                }
            }
        }

        private void appendText(String text) {
            String collapsed = text.replaceAll("[ \\t\\n\\r\\f]+", " ");
            if (line.isEmpty() || line.charAt(line.length() - 1) == ' ') {
                collapsed = collapsed.stripLeading();
            }
            line.append(collapsed);
        }

        /** Ends the current line if it has text. */
        private void endLine() {
            String text = line.toString().strip();
            line.setLength(0);
            if (!text.isEmpty() && !text.equals("-")) {
                lines.add(text);
            }
        }

        /** A {@code <br>}: ends the line even when empty, so {@code <br/><br/>} keeps its blank line. */
        private void breakLine() {
            String text = line.toString().strip();
            line.setLength(0);
            if (!text.isEmpty() || !lines.isEmpty()) {
                lines.add(text);
            }
        }

        private void endBlock() {
            endLine();
            while (!lines.isEmpty() && lines.getLast().isEmpty()) {
                lines.removeLast();
            }
            if (!lines.isEmpty()) {
                blocks.add(String.join("\n", lines));
            }
            lines.clear();
        }

        String result() {
            endBlock();
            return String.join("\n\n", blocks);
        }
    }
}
