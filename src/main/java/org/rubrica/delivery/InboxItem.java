package org.rubrica.delivery;

import java.time.Instant;
import java.util.UUID;

/** One oficio in a unit's inbox; {@code annulled} once its sender annulled it. */
public record InboxItem(long entryId, UUID oficioId, long unitId, String unitCode, String unitName, String kind, String subject,
                        String senderUnitName, String authorName, Instant deliveredAt, Instant readAt,
                        String readByName, boolean annulled) {

    public boolean unread() {
        return readAt == null;
    }
}
