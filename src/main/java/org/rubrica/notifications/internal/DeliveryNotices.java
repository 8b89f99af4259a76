package org.rubrica.notifications.internal;

import org.rubrica.delivery.DeliveryEvents;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** A received oficio turned to a person: they are told, with who turned it and what it is about. */
@Component
class DeliveryNotices {

    private final Notifier notifier;

    DeliveryNotices(Notifier notifier) {
        this.notifier = notifier;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(DeliveryEvents.Assigned e) {
        notifier.notify(e.assigneeId(), "ASSIGNED", e.oficioId(), e.assignedById(), e.subject(), e.at());
    }
}
