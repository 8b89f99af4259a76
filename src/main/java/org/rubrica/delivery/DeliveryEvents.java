package org.rubrica.delivery;

import java.time.Instant;
import java.util.UUID;

/** What happened on the receiving side. */
public final class DeliveryEvents {

    private DeliveryEvents() {
    }

    public record OficioDelivered(UUID oficioId, long unitId, Instant at) {
    }

    /** The first time someone of the recipient unit opened it: the read receipt. */
    public record OficioRead(UUID oficioId, long unitId, long readerId, Instant at) {
    }
}
