package org.rubrica.delivery.internal;

import java.util.Set;
import java.util.UUID;

import org.rubrica.directory.Actor;
import org.rubrica.directory.Directory;
import org.rubrica.drafting.OficioAudience;
import org.springframework.stereotype.Component;

/**
 * Whoever receives for a unit that has the oficio in its inbox sees it, a unit it was forwarded to included; the
 * unit's head sees it even when it is confidential.
 */
@Component
class InboxAudience implements OficioAudience {

    private final InboxRepository inbox;
    private final Directory directory;

    InboxAudience(InboxRepository inbox, Directory directory) {
        this.inbox = inbox;
        this.directory = directory;
    }

    /** The head of a unit holding it (one it was forwarded to included) is named on it, as its titular. */
    @Override
    public boolean names(Actor actor, UUID oficioId) {
        Set<Long> headed = directory.unitsHeadedBy(actor.personId());
        return !headed.isEmpty() && inbox.recipientUnits(oficioId).stream().anyMatch(headed::contains);
    }

    @Override
    public boolean includes(Actor actor, UUID oficioId) {
        Set<Long> mine = directory.unitsReceivedBy(actor);
        return !mine.isEmpty() && inbox.recipientUnits(oficioId).stream().anyMatch(mine::contains);
    }
}
