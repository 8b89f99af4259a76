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
        return rebaseAll(List.of(change), baseEdits, oldBase).getFirst();
    }

    /**
     * Carries one person's changes (non-overlapping, from one diff) over to a newer base. Changes whose passage
     * the base also changed are widened as in {@link #rebase}; widened passages that meet become one change
     * holding all of the person's edits to it, so accepting it loses none of them.
     */
    public static List<Rebased> rebaseAll(List<Hunk> changes, List<Hunk> baseEdits, List<BodyToken> oldBase) {
        List<Hunk> sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparingInt(Hunk::start).thenComparingInt(Hunk::end));
        List<Rebased> result = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            Hunk first = sorted.get(i);
            if (baseEdits.stream().noneMatch(first::clashes)) {
                int start = mapStart(first.start(), baseEdits);
                int end = first.isInsertion() ? start : mapEnd(first.end(), baseEdits);
                result.add(new Rebased(new Hunk(start, end, first.inserted()), false));
                i++;
                continue;
            }
            // a conflict: grow the passage over the base edits it meets and the person's other changes in it
            int from = first.start();
            int to = first.end();
            List<Hunk> members = new ArrayList<>(List.of(first));
            boolean grew = true;
            while (grew) {
                grew = false;
                for (Hunk h : baseEdits) {
                    Hunk passage = new Hunk(from, to, List.of());
                    if ((h.clashes(passage) || members.stream().anyMatch(h::clashes)) && (h.start() < from || h.end() > to)) {
                        from = Math.min(from, h.start());
                        to = Math.max(to, h.end());
                        grew = true;
                    }
                }
                while (i + members.size() < sorted.size() && sorted.get(i + members.size()).start() <= to) {
                    Hunk next = sorted.get(i + members.size());
                    members.add(next);
                    to = Math.max(to, next.end());
                    grew = true;
                }
            }
            int passageStart = from;
            List<Hunk> shifted = members.stream()
                    .map(m -> new Hunk(m.start() - passageStart, m.end() - passageStart, m.inserted())).toList();
            List<BodyToken> inserted = apply(oldBase.subList(from, to), shifted);
            // an insertion where the base inserted too covers the base's insertion, so equal ones are seen as one
            int f = from;
            int t = to;
            boolean sharedStart = members.stream().anyMatch(m -> m.isInsertion() && m.start() == f)
                    && baseEdits.stream().anyMatch(h -> h.isInsertion() && h.start() == f);
            boolean sharedEnd = members.stream().anyMatch(m -> m.isInsertion() && m.start() == t)
                    && baseEdits.stream().anyMatch(h -> h.isInsertion() && h.start() == t);
            int start = sharedStart ? mapEnd(from, baseEdits) : mapStart(from, baseEdits);
            int end = Math.max(start, sharedEnd ? mapStart(to, baseEdits) : mapEnd(to, baseEdits));
            result.add(new Rebased(new Hunk(start, end, inserted), true));
            i += members.size();
        }
        return result;
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
}
