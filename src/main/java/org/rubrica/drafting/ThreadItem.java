package org.rubrica.drafting;

import java.time.Instant;
import java.util.UUID;

/** One oficio of a conversation, as its thread view lists it; {@code inReplyTo} is null for the first. */
public record ThreadItem(UUID id, String kind, String number, String subject, String senderUnitName,
                         String recipientUnitName, OficioStatus status, Instant createdAt, Instant sentAt,
                         UUID inReplyTo) {
}
