package org.rubrica.exchange;

import java.time.Instant;
import java.util.UUID;

/** What the exchange tells other modules. */
public final class ExchangeEvents {

    private ExchangeEvents() {
    }

    /**
     * Another installation registered an oficio sent there: its unit {@code unitCode} gave it {@code entryNumber};
     * {@code sha256} is the SHA-256 of its sealed acknowledgement.
     */
    public record AcknowledgedElsewhere(UUID oficioId, String node, String unitCode, String entryNumber,
                                        String sha256, Instant at) {
    }
}
