package org.rubrica.search;

import java.time.Instant;
import java.util.UUID;

import org.rubrica.drafting.OficioStatus;

/**
 * One oficio found: enough to list it and open it; {@code at} is when it was sent (or created, for a draft). Due
 * dates stay out: they are a recipient unit's own (its assignments).
 */
public record SearchHit(UUID oficioId, String kind, OficioStatus status, String number, String subject,
                        String senderLabel, Instant at) {
}
