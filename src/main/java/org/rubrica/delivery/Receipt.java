package org.rubrica.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * A recipient unit's registered receipt of an oficio: its entry number (folio de entrada) and who registered it
 * when; {@code acknowledged} once the sealed acknowledgement (acuse de recibo) is made.
 */
public record Receipt(UUID oficioId, long unitId, String unitName, String entryNumber, Instant receivedAt,
                      String receivedByName, boolean acknowledged) {
}
