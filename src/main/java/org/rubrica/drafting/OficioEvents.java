package org.rubrica.drafting;

import java.time.Instant;
import java.util.UUID;

/** What happened to an oficio in drafting; listeners (the trail, later search) react to these. */
public final class OficioEvents {

    private OficioEvents() {
    }

    public record DraftCreated(UUID oficioId, long actorId, String templateCode, int templateVersionNo,
                               Instant at) {
    }

    public record DraftSaved(UUID oficioId, long actorId, int version, Instant at) {
    }

    public record OficioSent(UUID oficioId, long actorId, long senderUnitId, long recipientUnitId, Instant at) {
    }
}
