package org.rubrica.drafting.internal.text;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns a sanitised body into tokens and back. {@code tokenize(toHtml(t))} gives {@code t} back for every list
 * {@code tokenize} produced, so positions in the tokens of a stored body stay meaningful.
 */
public final class BodyTokens {

    private BodyTokens() {
    }

    public static List<BodyToken> tokenize(String html) {
        Tokenizer tokenizer = new Tokenizer();
        if (html != null && !html.isBlank()) {
            NodeTraversor.traverse(tokenizer, Jsoup.parseBodyFragment(html).body());
        }
        return tokenizer.out.tokens();
    }

    public static String toHtml(List<BodyToken> tokens) {
        HtmlWriter writer = new HtmlWriter();
        tokens.forEach(t -> writer.write(t, null));
        return writer.finish();
    }

    /** Tokens as plain text: blocks separated by a blank line, breaks as newlines. */
    public static String plainText(List<BodyToken> tokens) {
        StringBuilder text = new StringBuilder();
        for (BodyToken t : tokens) {
            if (t.kind() == BodyToken.Kind.BLOCK) {
                if (!text.isEmpty()) {
                    text.append("\n\n");
                }
            } else {
                text.append(t.plainText());
            }
        }
        return text.toString().strip();
    }

    private static final class Tokenizer implements NodeVisitor {

        private final TokenBuilder out = new TokenBuilder();
        private final Deque<String> lists = new ArrayDeque<>();
        private final Deque<String> links = new ArrayDeque<>();
        private int bold;
        private int italic;
        private int underline;
        private int cells; // inside li, td or th: inner paragraphs become line breaks
        private boolean newList;
        private boolean newTable;
        private boolean newRow;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                out.text(text.getWholeText(), style(), links.peek());
                return;
            }
            if (!(node instanceof Element e)) {
                return;
            }
            switch (e.normalName()) {
                case "p", "h1", "h2", "h3", "h4" -> {
                    if (cells > 0) {
                        if (out.blockHasContent()) {
                            out.lineBreak();
                        }
                    } else {
                        out.startBlock(e.normalName(), 0);
                    }
                }
                case "ul", "ol" -> {
                    lists.push(e.normalName());
                    newList = true;
                }
                case "li" -> {
                    out.startBlock(lists.isEmpty() ? "ul" : lists.peek(), newList ? BodyToken.NEW_CONTAINER : 0);
                    newList = false;
                    cells++;
                }
                case "table" -> newTable = true;
                case "tr" -> newRow = true;
                case "td", "th" -> {
                    out.startBlock(e.normalName(),
                            (newTable ? BodyToken.NEW_CONTAINER : 0) | (newRow ? BodyToken.NEW_ROW : 0));
                    newTable = false;
                    newRow = false;
                    cells++;
                }
                case "b", "strong" -> bold++;
                case "i", "em" -> italic++;
                case "u" -> underline++;
                case "a" -> links.push(e.attr("href"));
                case "br" -> out.lineBreak();
                default -> {
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element e)) {
                return;
            }
            switch (e.normalName()) {
                case "p", "h1", "h2", "h3", "h4" -> {
                    if (cells == 0) {
                        out.endBlock();
                    }
                }
                case "li", "td", "th" -> {
                    out.endBlock();
                    cells--;
                }
                case "ul", "ol" -> lists.pop();
                case "b", "strong" -> bold--;
                case "i", "em" -> italic--;
                case "u" -> underline--;
                case "a" -> links.pop();
                default -> {
                }
            }
        }

        private int style() {
            return (bold > 0 ? BodyToken.BOLD : 0) | (italic > 0 ? BodyToken.ITALIC : 0)
                    | (underline > 0 ? BodyToken.UNDERLINE : 0);
        }
    }
}
