package org.rubrica.drafting;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An oficio as shown to someone allowed to see it; {@code annulment} is {@code null} unless it was annulled;
 * {@code confidential} when only the people named on it see it.
 */
public record OficioDetails(UUID id, String templateCode, long templateVersionId, String kind, OficioStatus status,
                            long senderUnitId, String senderUnitName, long authorId, String authorName,
                            long recipientUnitId, String recipientUnitName, String subject, String bodyHtml,
                            Map<String, String> fields, String number, Instant createdAt, Instant updatedAt,
                            Instant sentAt, int version, Priority priority, boolean confidential,
                            Annulment annulment, OficioAffordances can) {

    public DraftContent content() {
        return new DraftContent(recipientUnitId, subject, bodyHtml, fields);
    }
}
