package org.rubrica.drafting.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.rubrica.drafting.ChangeTarget;
import org.rubrica.drafting.DraftContent;
import org.rubrica.drafting.internal.text.BodyDiff;
import org.rubrica.drafting.internal.text.BodyToken;
import org.rubrica.drafting.internal.text.BodyTokens;
import org.rubrica.drafting.internal.text.Hunk;

/**
 * What someone's save proposes, relative to the current base: their edits against the base they opened, carried
 * over to today's text. An edit the base also changed in the meantime is a conflict, never merged silently.
 */
public record Proposal(List<BodyEdit> body, List<ValueEdit> values) {

    public record BodyEdit(Hunk hunk, boolean conflict) {
    }

    /** A subject or field change; {@code oldValue} is today's value. */
    public record ValueEdit(ChangeTarget target, String fieldName, String oldValue, String newValue, boolean conflict) {
    }

    public static Proposal of(DraftContent opened, DraftContent saved, DraftContent current) {
        List<BodyToken> openedTokens = BodyTokens.tokenize(opened.bodyHtml());
        List<BodyToken> currentTokens = BodyTokens.tokenize(current.bodyHtml());
        List<Hunk> baseEdits = openedTokens.equals(currentTokens) ? List.of() : BodyDiff.diff(openedTokens, currentTokens);
        List<BodyEdit> body = new ArrayList<>();
        List<Hunk> edits = BodyDiff.diff(openedTokens, BodyTokens.tokenize(saved.bodyHtml()));
        for (BodyDiff.Rebased moved : BodyDiff.rebaseAll(edits, baseEdits, openedTokens)) {
            Hunk h = moved.hunk();
            if (!currentTokens.subList(h.start(), h.end()).equals(h.inserted())) { // else today's text already says it
                body.add(new BodyEdit(h, moved.conflict()));
            }
        }
        List<ValueEdit> values = new ArrayList<>();
        value(ChangeTarget.SUBJECT, null, opened.subject(), saved.subject(), current.subject(), values);
        var names = new TreeSet<>(saved.fields().keySet());
        names.addAll(opened.fields().keySet());
        for (String name : names) {
            value(ChangeTarget.FIELD, name, get(opened.fields(), name), get(saved.fields(), name),
                    get(current.fields(), name), values);
        }
        return new Proposal(body, values);
    }

    private static void value(ChangeTarget target, String name, String opened, String saved, String current,
                              List<ValueEdit> into) {
        if (!Objects.equals(opened, saved) && !Objects.equals(saved, current)) {
            into.add(new ValueEdit(target, name, current, saved, !Objects.equals(opened, current)));
        }
    }

    private static String get(Map<String, String> fields, String name) {
        return fields.getOrDefault(name, "");
    }

    public boolean isEmpty() {
        return body.isEmpty() && values.isEmpty();
    }

    public long conflicts() {
        return body.stream().filter(BodyEdit::conflict).count() + values.stream().filter(ValueEdit::conflict).count();
    }

    /** The clean edits applied to the current content; conflicts are left for someone to decide. */
    public DraftContent applyClean(DraftContent current, Long recipientUnitId) {
        List<Hunk> clean = body.stream().filter(e -> !e.conflict()).map(BodyEdit::hunk).toList();
        String bodyHtml = clean.isEmpty() ? current.bodyHtml()
                : BodyTokens.toHtml(BodyDiff.apply(BodyTokens.tokenize(current.bodyHtml()), clean));
        DraftContent next = new DraftContent(recipientUnitId, current.subject(), bodyHtml, current.fields());
        for (ValueEdit v : values) {
            if (!v.conflict()) {
                next = next.withValue(v.target(), v.fieldName(), v.newValue());
            }
        }
        return next;
    }
}
