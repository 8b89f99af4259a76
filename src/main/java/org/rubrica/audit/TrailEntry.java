package org.rubrica.audit;

import java.time.Instant;

/** One event of an oficio's trail; {@code type} names an i18n key {@code trail.<type>} taking {@code detail}. */
public record TrailEntry(long id, String type, String actorName, Instant at, String detail) {

    public String messageKey() {
        return "trail." + type;
    }
}
