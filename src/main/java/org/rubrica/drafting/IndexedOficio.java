package org.rubrica.drafting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the search index holds of an oficio: its searchable text and the facts that decide who may find it.
 * {@code recipientUnitIds} start with the addressee; {@code namedPeople} are those it is addressed to for their
 * attention and those its author invited.
 */
public record IndexedOficio(UUID id, String kind, OficioStatus status, String number, String subject, String bodyText,
                            long senderUnitId, String senderUnitLabel, long authorId, String authorName,
                            List<Long> recipientUnitIds, List<String> recipientLabels, List<Long> namedPeople,
                            List<String> annexNames, boolean confidential, Instant createdAt, Instant sentAt) {
}
