package org.rubrica.delivery;

import java.time.Instant;
import java.util.List;

import org.rubrica.drafting.Recipient;

/** How far a sent oficio got with one recipient unit, as its sending side follows it. */
public record RecipientStatus(long unitId, String unitLabel, Recipient.Addressing addressing, List<String> attention,
                              Instant deliveredAt, Instant readAt, String readByName, String entryNumber,
                              Instant receivedAt, boolean acknowledged, Stage stage) {

    /** The recipient's side of the lifecycle, furthest step reached. */
    public enum Stage {
        DELIVERED, READ, RECEIVED, ASSIGNED, ANSWERED, ARCHIVED;

        public String messageKey() {
            return "delivery.stage." + name();
        }
    }
}
