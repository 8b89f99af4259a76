package org.rubrica.drafting;

import java.time.Instant;
import java.util.UUID;

/** One line of a list of oficios. */
public record OficioSummary(UUID id, String kind, OficioStatus status, String subject, String recipientUnitName,
                            String number, Instant updatedAt, Priority priority) {
}
