package org.rubrica.delivery.internal;

import org.rubrica.drafting.OficioEvents;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** An annulled oficio is marked so in the inboxes it reached, in the annulment's own transaction. */
@Component
class AnnulledInInboxes {

    private final InboxRepository inbox;

    AnnulledInInboxes(InboxRepository inbox) {
        this.inbox = inbox;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(OficioEvents.Annulled e) {
        inbox.markAnnulled(e.oficioId(), e.at());
    }
}
