package org.rubrica.drafting.internal.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Emits tokens from blocks, text and breaks with the rules every source shares (HTML, Word documents): runs of
 * spaces collapse, a block's leading space is layout, text outside a block opens a paragraph. Each token can
 * carry an origin (who wrote it, in a Word document with tracked changes).
 */
public final class TokenBuilder {

    private static final Pattern PIECES = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+|[ \\t\\n\\r\\f]+|.");

    private final List<BodyToken> tokens = new ArrayList<>();
    private final List<Object> origins = new ArrayList<>();
    private Object origin;
    private String pendingBlock;
    private int pendingFlags;
    private boolean blockOpen;
    private boolean blockHasContent;

    /** The origin of the tokens emitted from now on. */
    public void origin(Object origin) {
        this.origin = origin;
    }

    /** A block starts; it is emitted with its first content, or empty when it ends without any. */
    public void startBlock(String kind, int flags) {
        pendingBlock = kind;
        pendingFlags = flags;
    }

    public void endBlock() {
        if (pendingBlock != null) {
            openPending();
        }
        blockOpen = false;
    }

    /** Whether the open block already has something in it (a pending one has not). */
    public boolean blockHasContent() {
        return pendingBlock == null && blockHasContent;
    }

    public void text(String text, int style, String href) {
        if (pendingBlock == null && !blockOpen && text.isBlank()) {
            return; // whitespace between blocks is layout, not content
        }
        Matcher m = PIECES.matcher(text);
        while (m.find()) {
            String piece = m.group();
            if (Character.isWhitespace(piece.charAt(0))) { // a non-breaking space is kept as a character
                boolean afterSpace = !tokens.isEmpty() && tokens.getLast().isSpace();
                if (blockOpen && pendingBlock == null && blockHasContent && !afterSpace) {
                    emit(BodyToken.word(" ", style, href));
                }
            } else {
                emit(BodyToken.word(piece, style, href));
            }
        }
    }

    public void lineBreak() {
        emit(BodyToken.LINE_BREAK);
    }

    public List<BodyToken> tokens() {
        return tokens;
    }

    /** One per token, in step with {@link #tokens()}. */
    public List<Object> origins() {
        return origins;
    }

    private void openPending() {
        tokens.add(BodyToken.block(pendingBlock, pendingFlags));
        origins.add(origin);
        pendingBlock = null;
        blockOpen = true;
        blockHasContent = false;
    }

    private void emit(BodyToken token) {
        if (pendingBlock != null) {
            openPending();
        } else if (!blockOpen) {
            startBlock("p", 0); // text outside any block reads as a paragraph
            openPending();
        }
        tokens.add(token);
        origins.add(origin);
        blockHasContent = true;
    }
}
