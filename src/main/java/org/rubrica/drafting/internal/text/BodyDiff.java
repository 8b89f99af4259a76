package org.rubrica.drafting.internal.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;

/**
 * Differences between bodies as hunks, applying hunks, and carrying a pending change over to a newer base
 * (the way a suggestion made against yesterday's text lands on today's).
 */
public final class BodyDiff {

    private BodyDiff() {
    }

    /** The hunks that turn {@code base} into {@code changed}, in order, not overlapping. */
    public static List<Hunk> diff(List<BodyToken> base, List<BodyToken> changed) {
        List<Hunk> raw = new ArrayList<>();
        for (AbstractDelta<BodyToken> d : DiffUtils.diff(base, changed).getDeltas()) {
            int start = d.getSource().getPosition();
            raw.add(new Hunk(start, start + d.getSource().size(), d.getTarget().getLines()));
        }
        return joinAcrossSpaces(raw, base);
    }

    /**
     * "the red car" → "a blue car" is one change, not two joined by an unchanged space: people review
     * phrases, not words.
     */
    private static List<Hunk> joinAcrossSpaces(List<Hunk> hunks, List<BodyToken> base) {
        List<Hunk> joined = new ArrayList<>();
        for (Hunk h : hunks) {
            if (!joined.isEmpty()) {
                Hunk last = joined.getLast();
                if (h.start() == last.end() + 1 && base.get(last.end()).isSpace()
                        && !(last.isInsertion() && h.isInsertion())) {
                    List<BodyToken> inserted = new ArrayList<>(last.inserted());
                    inserted.add(base.get(last.end()));
                    inserted.addAll(h.inserted());
                    joined.set(joined.size() - 1, new Hunk(last.start(), h.end(), inserted));
                    continue;
                }
            }
            joined.add(h);
        }
        return joined;
    }

    /** Applies non-overlapping hunks (any order) to {@code base}. */
    public static List<BodyToken> apply(List<BodyToken> base, List<Hunk> hunks) {
        List<Hunk> descending = new ArrayList<>(hunks);
        descending.sort(Comparator.comparingInt(Hunk::start).thenComparingInt(Hunk::end).reversed());
        List<BodyToken> result = new ArrayList<>(base);
        int limit = Integer.MAX_VALUE;
        for (Hunk h : descending) {
            if (h.end() > limit || h.end() > result.size()) {
                throw new IllegalArgumentException("overlapping or out-of-range hunks");
            }
            result.subList(h.start(), h.end()).clear();
            result.addAll(h.start(), h.inserted());
            limit = h.start();
        }
        return result;
    }

    /** A change carried to a newer base; {@code conflict} when the base changed inside it. */
    public record Rebased(Hunk hunk, boolean conflict) {
    }

    /**
     * Carries {@code change}, made against {@code oldBase}, over the edits that turned {@code oldBase} into a
     * newer base. Where those edits touch the change, it is widened to cover them: it then replaces today's
     * passage with the author's version of it, flagged as a conflict, so nothing they wrote is lost and
     * nothing is merged silently.
     */
    public static Rebased rebase(Hunk change, List<Hunk> baseEdits, List<BodyToken> oldBase) {
        int s = change.start();
        int e = change.end();
        int from = s;
        int to = e;
        boolean conflict = false;
        for (Hunk h : baseEdits) {
            if (overlaps(h, s, e)) {
                conflict = true;
                from = Math.min(from, h.start());
                to = Math.max(to, h.end());
            }
        }
        if (!conflict) {
            int start = mapStart(s, baseEdits);
            int end = change.isInsertion() ? start : mapEnd(e, baseEdits);
            return new Rebased(new Hunk(start, end, change.inserted()), false);
        }
        List<BodyToken> inserted = new ArrayList<>(oldBase.subList(from, s));
        inserted.addAll(change.inserted());
        inserted.addAll(oldBase.subList(e, to));
        int start = mapStart(from, baseEdits);
        int end = Math.max(start, mapEnd(to, baseEdits));
        return new Rebased(new Hunk(start, end, inserted), true);
    }

    /** Maps a position of the old base to the new one; an insertion exactly there comes first. */
    public static int mapStart(int position, List<Hunk> edits) {
        int shift = 0;
        for (Hunk h : edits) {
            if (h.end() <= position) {
                shift += h.growth();
            }
        }
        return position + shift;
    }

    /** Maps the end of a range: an insertion exactly there comes after it. */
    public static int mapEnd(int position, List<Hunk> edits) {
        int shift = 0;
        for (Hunk h : edits) {
            if (h.end() < position || (h.end() == position && !h.isInsertion())) {
                shift += h.growth();
            }
        }
        return position + shift;
    }

    /** Whether a base edit touches the range [s, e): a shared edge is not a touch. */
    private static boolean overlaps(Hunk h, int s, int e) {
        if (s == e) {
            return h.start() < s && s < h.end();
        }
        if (h.isInsertion()) {
            return s < h.start() && h.start() < e;
        }
        return h.start() < e && s < h.end();
    }
}
