package org.rubrica.drafting.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.rubrica.drafting.DraftContent;
import org.rubrica.drafting.OficioStatus;
import org.rubrica.drafting.Priority;

/** An oficio as stored. */
public record OficioRow(UUID id, long templateVersionId, String kind, long senderUnitId, long authorId,
                        long recipientUnitId, String subject, String bodyHtml, Map<String, String> fields,
                        OficioStatus status, String number, Instant createdAt, Instant updatedAt, Instant sentAt,
                        int version, Priority priority, boolean confidential) {

    public DraftContent content() {
        return new DraftContent(recipientUnitId, subject, bodyHtml, fields);
    }
}
