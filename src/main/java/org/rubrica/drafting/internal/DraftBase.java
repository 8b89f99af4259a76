package org.rubrica.drafting.internal;

import java.time.Instant;
import java.util.List;

import org.rubrica.drafting.ChangeStatus;
import org.rubrica.drafting.ChangeTarget;
import org.rubrica.drafting.DraftContent;
import org.rubrica.drafting.StaleDraftException;
import org.rubrica.drafting.internal.text.BodyDiff;
import org.rubrica.drafting.internal.text.BodyToken;
import org.rubrica.drafting.internal.text.BodyTokens;
import org.rubrica.drafting.internal.text.Hunk;
import org.springframework.stereotype.Component;

/**
 * The one way the base text of a draft changes (the owner's save, an accepted change): it records the revision
 * and carries every pending change and comment anchor over to the new text. Callers hold the oficio's row lock
 * and mark the changes they apply as decided first, so only the others are carried.
 */
@Component
public class DraftBase {

    private final OficioRepository oficios;
    private final RevisionRepository revisions;
    private final ChangeRepository changes;
    private final CommentRepository comments;

    DraftBase(OficioRepository oficios, RevisionRepository revisions, ChangeRepository changes,
              CommentRepository comments) {
        this.oficios = oficios;
        this.revisions = revisions;
        this.changes = changes;
        this.comments = comments;
    }

    /** @return the oficio's new version */
    public int replace(OficioRow locked, DraftContent content, RevisionRow.Kind kind, long authorId, String note,
                       Instant now) {
        if (!oficios.updateContent(locked.id(), locked.version(), content.recipientUnitId(), content.subject(),
                content.bodyHtml(), content.fields(), now)) {
            throw new StaleDraftException(); // cannot happen under the row lock; refuse rather than overwrite
        }
        int version = locked.version() + 1;
        revisions.insert(new RevisionRow(locked.id(), 0, kind, version, authorId, note, content.recipientUnitId(),
                content.subject(), content.bodyHtml(), content.fields(), now));
        List<BodyToken> before = BodyTokens.tokenize(locked.bodyHtml());
        List<BodyToken> after = BodyTokens.tokenize(content.bodyHtml());
        if (!before.equals(after)) {
            carryOver(locked, before, after, now);
        }
        checkValues(locked, content, now);
        return version;
    }

    /** A pending subject or field change: superseded when the text now says it, a conflict when its old value went. */
    private void checkValues(OficioRow locked, DraftContent content, Instant now) {
        for (ChangeRow change : changes.pending(locked.id())) {
            if (change.target() == ChangeTarget.BODY) {
                continue;
            }
            String value = change.target() == ChangeTarget.SUBJECT ? content.subject()
                    : content.fields().getOrDefault(change.fieldName(), "");
            if (value.equals(change.newValue())) {
                changes.decide(change.id(), ChangeStatus.SUPERSEDED, null, now);
            } else if (!value.equals(change.oldValue()) && !change.conflict()) {
                changes.flagConflict(change.id());
            }
        }
    }

    private void carryOver(OficioRow locked, List<BodyToken> before, List<BodyToken> after, Instant now) {
        List<Hunk> edits = BodyDiff.diff(before, after);
        for (ChangeRow change : changes.pending(locked.id())) {
            if (change.target() != ChangeTarget.BODY) {
                continue;
            }
            BodyDiff.Rebased moved = BodyDiff.rebase(change.hunk(), edits, before);
            Hunk h = moved.hunk();
            List<BodyToken> replaced = after.subList(h.start(), h.end());
            if (replaced.equals(h.inserted())) {
                changes.decide(change.id(), ChangeStatus.SUPERSEDED, null, now); // the text already says it
            } else {
                changes.move(change.id(), h.start(), h.end(), h.inserted(), List.copyOf(replaced), moved.conflict());
            }
        }
        for (CommentRow comment : comments.anchored(locked.id())) {
            Hunk anchor = new Hunk(comment.anchorStart(), comment.anchorEnd(), List.of());
            Hunk moved = BodyDiff.rebase(anchor, edits, before).hunk();
            comments.moveAnchor(comment.id(), moved.start(), moved.end());
        }
    }

    /** The base an editor opened at {@code version} showed, or the current one when that is it. */
    public DraftContent baseAt(OficioRow current, int version) {
        if (version == current.version()) {
            return current.content();
        }
        if (version > current.version() || version < 0) {
            throw new StaleDraftException(); // not a version this draft ever had
        }
        return revisions.baseAt(current.id(), version)
                .map(r -> new DraftContent(r.recipientUnitId(), r.subject(), r.bodyHtml(), r.fields()))
                .orElseThrow(StaleDraftException::new);
    }
}
