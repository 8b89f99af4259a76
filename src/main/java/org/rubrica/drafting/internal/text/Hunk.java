package org.rubrica.drafting.internal.text;

import java.util.List;

/** Replace the tokens {@code [start, end)} of a base with {@code inserted}: one tracked change to a body. */
public record Hunk(int start, int end, List<BodyToken> inserted) {

    public Hunk {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range " + start + ".." + end);
        }
        inserted = List.copyOf(inserted);
    }

    public boolean isInsertion() {
        return start == end;
    }

    /** Tokens added minus tokens removed. */
    int growth() {
        return inserted.size() - (end - start);
    }
}
