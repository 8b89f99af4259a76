package org.rubrica.drafting.internal.text;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * One unit of a body as changes see it: a word, a space or a punctuation mark with its formatting; a line
 * break; or the start of a block (paragraph, heading, list item, table cell). A body is a flat list of these,
 * so a change is "replace tokens [start, end) with these", the way Word tracks runs.
 *
 * @param text  the characters of a {@code WORD}, or the block's kind: p, h1–h4, ul, ol (an item of that
 *              list), td, th
 * @param flags formatting bits for words; for blocks, whether it opens a new list or table, or a new row
 * @param href  the link a word belongs to, if any
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
public record BodyToken(Kind kind, String text, int flags, String href) {

    public enum Kind { WORD, BREAK, BLOCK }

    public static final int BOLD = 1;
    public static final int ITALIC = 2;
    public static final int UNDERLINE = 4;
    public static final int NEW_CONTAINER = 8;
    public static final int NEW_ROW = 16;

    static final BodyToken LINE_BREAK = new BodyToken(Kind.BREAK, "", 0, null);

    static BodyToken word(String text, int style, String href) {
        return new BodyToken(Kind.WORD, text, style, href);
    }

    static BodyToken block(String kind, int flags) {
        return new BodyToken(Kind.BLOCK, kind, flags, null);
    }

    public boolean isSpace() {
        return kind == Kind.WORD && text.equals(" ");
    }

    /** How the token reads as plain text, for change lists and Word documents. */
    public String plainText() {
        return switch (kind) {
            case WORD -> text;
            case BREAK -> "\n";
            case BLOCK -> "\n";
        };
    }
}
