package org.rubrica.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.rubrica.delivery.internal.InboxRepository;
import org.rubrica.directory.Actor;
import org.rubrica.directory.CurrentActor;
import org.rubrica.directory.Directory;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.SentOficio;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends oficios to their recipient units and serves the inboxes. Sending is one transaction: the status,
 * the inbox entries and the trail events (written by synchronous listeners) commit together or not at all.
 */
@Service
@Transactional
public class DeliveryService {

    private static final int INBOX_LIMIT = 500;

    private final InboxRepository inbox;
    private final OficioService oficios;
    private final Directory directory;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeliveryService(InboxRepository inbox, OficioService oficios, Directory directory, CurrentActor currentActor,
                    ApplicationEventPublisher events, Clock clock) {
        this.inbox = inbox;
        this.oficios = oficios;
        this.directory = directory;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
    }

    public void send(UUID oficioId) {
        SentOficio sent = oficios.markSent(oficioId); // checks the actor and the lifecycle
        Instant now = clock.instant();
        inbox.insert(sent, sent.recipientUnitId(), now);
        events.publishEvent(new DeliveryEvents.OficioDelivered(oficioId, sent.recipientUnitId(), now));
    }

    /** The inboxes of every unit the current person receives for (as receiving office or head). */
    @Transactional(readOnly = true)
    public List<InboxItem> myInbox() {
        Actor actor = currentActor.require();
        return inbox.forUnits(directory.unitsReceivedBy(actor), INBOX_LIMIT);
    }

    /**
     * Called when someone opens a delivered oficio: the first reading by a person of a recipient unit is
     * recorded as that unit's read receipt.
     */
    public void recordOpened(UUID oficioId) {
        Actor actor = currentActor.require();
        Instant now = clock.instant();
        Set<Long> mine = directory.unitsReceivedBy(actor);
        for (long unitId : inbox.recipientUnits(oficioId)) {
            if (mine.contains(unitId) && inbox.markRead(oficioId, unitId, actor.personId(), now)) {
                events.publishEvent(new DeliveryEvents.OficioRead(oficioId, unitId, actor.personId(), now));
            }
        }
    }
}
