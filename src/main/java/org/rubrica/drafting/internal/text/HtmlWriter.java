package org.rubrica.drafting.internal.text;

import java.util.Objects;

/**
 * Writes tokens as body HTML, regrouping blocks into lists and tables. With a {@link Mark} a token is shown as
 * inserted or deleted (a redline); a deleted block start is not a new block but a ¶ struck through.
 */
final class HtmlWriter {

    /** How a token is shown in a redline: {@code ins} or {@code del}, with a CSS class and a tooltip. */
    record Mark(String tag, String cssClass, String title, long changeId) {
    }

    private final StringBuilder html = new StringBuilder();
    private String container; // ul, ol or table
    private String block;     // the open block element
    private int openStyle;
    private String openHref;
    private Mark openMark;
    private boolean inlineOpen;

    void write(BodyToken token, Mark mark) {
        switch (token.kind()) {
            case BLOCK -> {
                if (mark != null && mark.tag().equals("del")) {
                    inline(0, null, mark);
                    html.append('¶');
                    return;
                }
                startBlock(token);
                if (mark != null) {
                    inline(0, null, mark);
                    html.append('¶');
                }
            }
            case BREAK -> {
                ensureBlock();
                inline(0, null, mark);
                html.append("<br />");
            }
            case WORD -> {
                ensureBlock();
                inline(token.flags(), token.href(), mark);
                escape(token.text());
            }
        }
    }

    String finish() {
        closeInline();
        closeBlock();
        closeContainer();
        return html.toString();
    }

    private void startBlock(BodyToken token) {
        closeInline();
        closeBlock();
        String kind = token.text();
        boolean fresh = (token.flags() & BodyToken.NEW_CONTAINER) != 0;
        switch (kind) {
            case "ul", "ol" -> {
                if (fresh || !kind.equals(container)) {
                    closeContainer();
                    html.append('<').append(kind).append('>');
                    container = kind;
                }
                open("li");
            }
            case "td", "th" -> {
                if (fresh || !"table".equals(container)) {
                    closeContainer();
                    html.append("<table><tbody><tr>");
                    container = "table";
                } else if ((token.flags() & BodyToken.NEW_ROW) != 0) {
                    html.append("</tr><tr>");
                }
                open(kind);
            }
            default -> {
                closeContainer();
                open(switch (kind) { // tag names come only from this list, whatever the tokens say
                    case "h1", "h2", "h3", "h4" -> kind;
                    default -> "p";
                });
            }
        }
    }

    private void open(String tag) {
        html.append('<').append(tag).append('>');
        block = tag;
    }

    private void ensureBlock() {
        if (block == null) {
            closeContainer();
            open("p");
        }
    }

    private void inline(int style, String rawHref, Mark mark) {
        String href = Links.safe(rawHref);
        if (inlineOpen && style == openStyle && Objects.equals(href, openHref) && Objects.equals(mark, openMark)) {
            return;
        }
        closeInline();
        if (mark != null) {
            html.append('<').append(mark.tag()).append(" class=\"").append(mark.cssClass()).append("\" title=\"");
            escape(mark.title());
            html.append("\" data-change=\"").append(mark.changeId()).append("\">");
        }
        if (href != null) {
            html.append("<a href=\"");
            escape(href);
            html.append("\" rel=\"noopener noreferrer\">");
        }
        if ((style & BodyToken.BOLD) != 0) {
            html.append("<b>");
        }
        if ((style & BodyToken.ITALIC) != 0) {
            html.append("<i>");
        }
        if ((style & BodyToken.UNDERLINE) != 0) {
            html.append("<u>");
        }
        openStyle = style;
        openHref = href;
        openMark = mark;
        inlineOpen = true;
    }

    private void closeInline() {
        if (!inlineOpen) {
            return;
        }
        if ((openStyle & BodyToken.UNDERLINE) != 0) {
            html.append("</u>");
        }
        if ((openStyle & BodyToken.ITALIC) != 0) {
            html.append("</i>");
        }
        if ((openStyle & BodyToken.BOLD) != 0) {
            html.append("</b>");
        }
        if (openHref != null) {
            html.append("</a>");
        }
        if (openMark != null) {
            html.append("</").append(openMark.tag()).append('>');
        }
        inlineOpen = false;
    }

    private void closeBlock() {
        closeInline();
        if (block != null) {
            html.append("</").append(block).append('>');
            block = null;
        }
    }

    private void closeContainer() {
        closeBlock();
        if (container != null) {
            html.append(container.equals("table") ? "</tr></tbody></table>" : "</" + container + ">");
            container = null;
        }
    }

    private void escape(String text) {
        XmlText.append(html, text);
    }
}
