package org.rubrica.delivery.internal;

import org.rubrica.delivery.Assignment;
import org.rubrica.delivery.DeliveryEvents;
import org.rubrica.drafting.OficioEvents;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An annulled oficio is marked so in the inboxes it reached, and its open assignments close (reason ANNULLED): no
 * one is left waited for, reminded or escalated about a void oficio. Runs in the annulment's own transaction.
 */
@Component
class AnnulledInInboxes {

    private final InboxRepository inbox;
    private final AssignmentRepository assignments;
    private final ApplicationEventPublisher events;

    AnnulledInInboxes(InboxRepository inbox, AssignmentRepository assignments, ApplicationEventPublisher events) {
        this.inbox = inbox;
        this.assignments = assignments;
        this.events = events;
    }

    @EventListener
    void on(OficioEvents.Annulled e) {
        inbox.markAnnulled(e.oficioId(), e.at());
        for (Assignment a : assignments.of(e.oficioId())) {
            if (a.open() && assignments.close(e.oficioId(), a.unitId(), a.assigneeId(), e.actorId(), "ANNULLED", e.at())) {
                events.publishEvent(new DeliveryEvents.AssignmentClosed(e.oficioId(), a.unitId(), a.assigneeId(),
                        e.actorId(), "ANNULLED", false, e.at()));
            }
        }
    }
}
