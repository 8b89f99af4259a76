package org.rubrica.notifications.internal;

import java.util.List;

import org.rubrica.delivery.DeliveryEvents;
import org.rubrica.drafting.OficioService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** A received oficio turned to a person: they are told, with who turned it and what it is about. */
@Component
class DeliveryNotices {

    private final Notifier notifier;
    private final OficioService oficios;

    DeliveryNotices(Notifier notifier, OficioService oficios) {
        this.notifier = notifier;
        this.oficios = oficios;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(DeliveryEvents.Assigned e) {
        String subject = oficios.summaries(List.of(e.oficioId())).get(e.oficioId()).subject();
        notifier.notify(e.assigneeId(), "ASSIGNED", e.oficioId(), e.assignedById(), subject, e.at());
    }
}
