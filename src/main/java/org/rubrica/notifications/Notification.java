package org.rubrica.notifications;

import java.time.Instant;
import java.util.UUID;

/** One thing a person should know: {@code kind} picks the message, {@code detail} fills it (an oficio's subject). */
public record Notification(long id, String kind, UUID oficioId, String actorName, String detail, Instant at,
                           boolean read) {

    public String messageKey() {
        return "notification." + kind;
    }
}
