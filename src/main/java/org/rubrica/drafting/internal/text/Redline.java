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
        ordered.sort(Comparator.comparingInt((Shown c) -> c.hunk().start()).thenComparingLong(Shown::id));
        HtmlWriter writer = new HtmlWriter();
        int next = 0; // index into ordered of the first change not yet started
        List<Shown> active = new ArrayList<>();
        for (int p = 0; p <= base.size(); p++) {
            int position = p;
            active.removeIf(c -> c.hunk().end() <= position);
            while (next < ordered.size() && ordered.get(next).hunk().start() == p) {
                Shown c = ordered.get(next++);
                HtmlWriter.Mark ins = mark("ins", c);
                c.hunk().inserted().forEach(t -> writer.write(t, ins));
                if (!c.hunk().isInsertion()) {
                    active.add(c);
                }
            }
            if (p < base.size()) {
                writer.write(base.get(p), active.isEmpty() ? null : mark("del", active.getFirst()));
            }
        }
        return writer.finish();
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
