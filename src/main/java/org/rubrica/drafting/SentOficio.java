package org.rubrica.drafting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The envelope facts of an oficio at the moment it was sent; {@code recipients} start with the addressee. */
public record SentOficio(UUID id, String kind, String number, String subject, long senderUnitId,
                         String senderUnitName, long authorId, String authorName, List<Recipient> recipients,
                         boolean confidential, Instant sentAt) {

    public SentOficio {
        recipients = List.copyOf(recipients);
    }
}
