package org.rubrica.drafting.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.rubrica.drafting.ChangeStatus;
import org.rubrica.drafting.ChangeTarget;
import org.rubrica.drafting.internal.text.BodyToken;
import org.rubrica.drafting.internal.text.Hunk;

/**
 * A tracked change as stored. Body changes hold a token range of the current base and what replaces it (and,
 * for the record, what it removed); subject and field changes hold the old and new value.
 */
public record ChangeRow(long id, UUID oficioId, long authorId, ChangeTarget target, String fieldName, int start,
                        int end, List<BodyToken> inserted, List<BodyToken> deleted, String oldValue, String newValue,
                        ChangeStatus status, boolean conflict, String originNote, Instant createdAt, Long decidedBy,
                        Instant decidedAt) {

    public Hunk hunk() {
        return new Hunk(start, end, inserted);
    }

    public static ChangeRow body(UUID oficioId, long authorId, Hunk hunk, List<BodyToken> deleted, boolean conflict,
                                 String originNote, Instant at) {
        return new ChangeRow(0, oficioId, authorId, ChangeTarget.BODY, null, hunk.start(), hunk.end(), hunk.inserted(),
                deleted, null, null, ChangeStatus.PENDING, conflict, originNote, at, null, null);
    }

    public static ChangeRow value(UUID oficioId, long authorId, ChangeTarget target, String fieldName, String oldValue,
                                  String newValue, boolean conflict, String originNote, Instant at) {
        return new ChangeRow(0, oficioId, authorId, target, fieldName, 0, 0, List.of(), List.of(), oldValue, newValue,
                ChangeStatus.PENDING, conflict, originNote, at, null, null);
    }
}
