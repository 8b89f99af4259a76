package org.rubrica.delivery;

import java.time.Instant;
import java.util.UUID;

/** One oficio in a unit's inbox. */
public record InboxItem(long entryId, UUID oficioId, long unitId, String unitCode, String unitName, String kind, String subject,
                        String senderUnitName, String authorName, Instant deliveredAt, Instant readAt,
                        String readByName) {

    public boolean unread() {
        return readAt == null;
    }
}
