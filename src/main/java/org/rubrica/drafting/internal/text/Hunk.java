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

    /** Whether the two cannot be applied together: they overlap, or insert at the same place. */
    public boolean clashes(Hunk other) {
        if (isInsertion() && other.isInsertion()) {
            return start == other.start;
        }
        if (isInsertion()) {
            return other.start < start && start < other.end;
        }
        if (other.isInsertion()) {
            return start < other.start && other.start < end;
        }
        return start < other.end && other.start < end;
    }

    /** Tokens added minus tokens removed. */
    int growth() {
        return inserted.size() - (end - start);
    }
}
