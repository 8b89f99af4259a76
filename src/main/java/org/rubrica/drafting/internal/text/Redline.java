package org.rubrica.drafting.internal.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A body with pending changes shown in place: insertions underlined and deletions struck through in their
 * author's colour, each carrying its change id so the list beside it can point at it. All text is escaped.
 */
public final class Redline {

    /** A change to show: {@code authorSlot} picks the colour (rl-a0, rl-a1, …), {@code authorName} the tooltip. */
    public record Shown(long id, Hunk hunk, int authorSlot, String authorName) {
    }

    private Redline() {
    }

    public static String render(List<BodyToken> base, List<Shown> changes) {
        List<Shown> ordered = new ArrayList<>(changes);
        // a replacement reads as Word shows it: the old words struck through, then the new ones
        ordered.sort(Comparator.comparingInt((Shown c) -> insertAt(c.hunk())).thenComparing(c -> c.hunk().isInsertion())
                .thenComparingLong(Shown::id));
        Shown[] deleter = new Shown[base.size()]; // who deletes each token; the first change made wins
        ordered.stream().sorted(Comparator.comparingLong(Shown::id)).forEach(c -> {
            for (int i = c.hunk().start(); i < c.hunk().end(); i++) {
                deleter[i] = deleter[i] == null ? c : deleter[i];
            }
        });
        HtmlWriter writer = new HtmlWriter();
        int next = 0;
        for (int p = 0; p <= base.size(); p++) {
            while (next < ordered.size() && insertAt(ordered.get(next).hunk()) == p) {
                Shown c = ordered.get(next++);
                HtmlWriter.Mark ins = mark("ins", c);
                c.hunk().inserted().forEach(t -> writer.write(t, ins));
            }
            if (p < base.size()) {
                writer.write(base.get(p), deleter[p] == null ? null : mark("del", deleter[p]));
            }
        }
        return writer.finish();
    }

    /** Where a change's new text goes: at its place for an insertion, after the words it replaces otherwise. */
    static int insertAt(Hunk h) {
        return h.isInsertion() ? h.start() : h.end();
    }

    /** Two versions of a body compared: what {@code before} lost struck through, what {@code after} gained underlined. */
    public static String compare(List<BodyToken> before, List<BodyToken> after, String authorName) {
        List<Shown> shown = new ArrayList<>();
        long id = 0;
        for (Hunk h : BodyDiff.diff(before, after)) {
            shown.add(new Shown(++id, h, 0, authorName));
        }
        return render(before, shown);
    }

    private static HtmlWriter.Mark mark(String tag, Shown c) {
        return new HtmlWriter.Mark(tag, "rl-" + tag + " rl-a" + c.authorSlot(), c.authorName(), c.id());
    }
}
