package org.rubrica.delivery.internal;

import org.rubrica.delivery.DeliveryEvents;
import org.rubrica.directory.Directory;
import org.rubrica.drafting.OficioEvents;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A reply sent from a unit that received the original (or from one below it) marks the original answered in that
 * unit's inbox, in the reply's sending transaction; the original's trail says so.
 */
@Component
class AnsweredEntries {

    private final InboxRepository inbox;
    private final Directory directory;
    private final ApplicationEventPublisher events;

    AnsweredEntries(InboxRepository inbox, Directory directory, ApplicationEventPublisher events) {
        this.inbox = inbox;
        this.directory = directory;
        this.events = events;
    }

    @EventListener
    void on(OficioEvents.OficioSent e) {
        if (e.inReplyTo() == null) {
            return;
        }
        for (long unit : inbox.markAnswered(e.inReplyTo(), directory.unitPath(e.senderUnitId()), e.oficioId(), e.at())) {
            events.publishEvent(new DeliveryEvents.Answered(e.inReplyTo(), unit, e.oficioId(), e.number(), e.at()));
        }
    }
}
