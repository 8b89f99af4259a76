package org.rubrica.drafting.internal.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern PIECES = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+|[ \\t\\n\\r\\f]+|.");

    private BodyTokens() {
    }

    public static List<BodyToken> tokenize(String html) {
        Tokenizer tokenizer = new Tokenizer();
        if (html != null && !html.isBlank()) {
            NodeTraversor.traverse(tokenizer, Jsoup.parseBodyFragment(html).body());
        }
        return tokenizer.tokens;
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

    /** Re-reads tokens the way a stored body would be, so spliced lists become canonical. */
    public static List<BodyToken> canonical(List<BodyToken> tokens) {
        return tokenize(toHtml(tokens));
    }

    private static final class Tokenizer implements NodeVisitor {

        private final List<BodyToken> tokens = new ArrayList<>();
        private final Deque<String> lists = new ArrayDeque<>();
        private final Deque<String> links = new ArrayDeque<>();
        private int bold;
        private int italic;
        private int underline;
        private int cells; // inside li, td or th: inner paragraphs become line breaks
        private boolean newList;
        private boolean newTable;
        private boolean newRow;
        private String pendingBlock;
        private int pendingFlags;
        private boolean blockOpen;
        private boolean blockHasContent;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                text(text.getWholeText());
                return;
            }
            if (!(node instanceof Element e)) {
                return;
            }
            switch (e.normalName()) {
                case "p", "h1", "h2", "h3", "h4" -> {
                    if (cells > 0) {
                        if (pendingBlock == null && blockHasContent) {
                            emit(BodyToken.LINE_BREAK);
                        }
                    } else {
                        pend(e.normalName(), 0);
                    }
                }
                case "ul", "ol" -> {
                    lists.push(e.normalName());
                    newList = true;
                }
                case "li" -> {
                    pend(lists.isEmpty() ? "ul" : lists.peek(), newList ? BodyToken.NEW_CONTAINER : 0);
                    newList = false;
                    cells++;
                }
                case "table" -> newTable = true;
                case "tr" -> newRow = true;
                case "td", "th" -> {
                    pend(e.normalName(), (newTable ? BodyToken.NEW_CONTAINER : 0) | (newRow ? BodyToken.NEW_ROW : 0));
                    newTable = false;
                    newRow = false;
                    cells++;
                }
                case "b", "strong" -> bold++;
                case "i", "em" -> italic++;
                case "u" -> underline++;
                case "a" -> links.push(e.attr("href"));
                case "br" -> emit(BodyToken.LINE_BREAK);
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
                        closeBlock();
                    }
                }
                case "li", "td", "th" -> {
                    closeBlock();
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

        private void pend(String kind, int flags) {
            pendingBlock = kind;
            pendingFlags = flags;
        }

        /** An element ends: an empty block still counts (a blank paragraph is something the drafter typed). */
        private void closeBlock() {
            if (pendingBlock != null) {
                openPending();
            }
            blockOpen = false;
        }

        private void openPending() {
            tokens.add(BodyToken.block(pendingBlock, pendingFlags));
            pendingBlock = null;
            blockOpen = true;
            blockHasContent = false;
        }

        private void text(String text) {
            if (pendingBlock == null && !blockOpen && text.isBlank()) {
                return; // whitespace between blocks is layout, not content
            }
            Matcher m = PIECES.matcher(text);
            while (m.find()) {
                String piece = m.group();
                if (Character.isWhitespace(piece.charAt(0))) { // a non-breaking space is kept as a character
                    boolean afterSpace = !tokens.isEmpty() && tokens.getLast().isSpace();
                    if (blockOpen && pendingBlock == null && blockHasContent && !afterSpace) {
                        emit(BodyToken.word(" ", style(), links.peek()));
                    }
                } else {
                    emit(BodyToken.word(piece, style(), links.peek()));
                }
            }
        }

        private void emit(BodyToken token) {
            if (pendingBlock != null) {
                openPending();
            } else if (!blockOpen) {
                pend("p", 0); // text outside any block reads as a paragraph
                openPending();
            }
            tokens.add(token);
            blockHasContent = true;
        }

        private int style() {
            return (bold > 0 ? BodyToken.BOLD : 0) | (italic > 0 ? BodyToken.ITALIC : 0)
                    | (underline > 0 ? BodyToken.UNDERLINE : 0);
        }
    }
}
