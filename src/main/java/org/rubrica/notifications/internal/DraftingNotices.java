package org.rubrica.notifications.internal;

import org.rubrica.drafting.OficioEvents;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Turns drafting events into notifications, in the same transaction: no mention is recorded without its comment. */
@Component
class DraftingNotices {

    private final Notifier repository;

    DraftingNotices(Notifier repository) {
        this.repository = repository;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(OficioEvents.PersonMentioned e) {
        repository.notify(e.personId(), "MENTIONED", e.oficioId(), e.byId(), e.subject(), e.at());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(OficioEvents.CollaboratorInvited e) {
        repository.notify(e.personId(), "INVITED_" + e.access().name(), e.oficioId(), e.actorId(), e.subject(), e.at());
    }
}
