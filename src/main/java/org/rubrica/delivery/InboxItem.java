package org.rubrica.delivery;

import java.time.Instant;
import java.util.UUID;

import org.rubrica.drafting.Recipient;

/**
 * One oficio in a unit's inbox: addressed to the unit or a copy, possibly for someone's attention, or forwarded by
 * another unit (its code); its entry number once the receiving office registered it; whether the unit answered or
 * archived it, and its tags; {@code annulled} once its sender annulled it.
 */
public record InboxItem(long entryId, UUID oficioId, long unitId, String unitCode, String unitName, String kind, String subject,
                        String senderUnitName, String authorName, Instant deliveredAt, Instant readAt,
                        String readByName, boolean annulled, Recipient.Addressing addressing, boolean forMe,
                        String entryNumber, boolean answered, boolean archived, String forwardedFrom,
                        java.util.List<String> tags) {

    public boolean unread() {
        return readAt == null;
    }
}
