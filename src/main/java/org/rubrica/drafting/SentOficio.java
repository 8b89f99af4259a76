package org.rubrica.drafting;

import java.time.Instant;
import java.util.UUID;

/** The envelope facts of an oficio at the moment it was sent. */
public record SentOficio(UUID id, String kind, String subject, long senderUnitId, String senderUnitName,
                         String authorName, long recipientUnitId, Instant sentAt) {
}
