package org.rubrica.search.internal;

import java.util.List;
import java.util.UUID;

import org.rubrica.delivery.DeliveryEvents;
import org.rubrica.drafting.OficioEvents;
import org.rubrica.drafting.OficioIndexSource;
import org.rubrica.routing.RoutingEvents;
import org.rubrica.signing.SigningEvents;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the search index in step with the oficios, in the transaction of each change (just before it commits): a
 * change and its index row commit together or not at all. Text and status are read afresh from drafting; the
 * people and units other modules name are added from their events.
 */
@Component
class IndexListener {

    private final SearchIndex index;
    private final OficioIndexSource source;

    IndexListener(SearchIndex index, OficioIndexSource source) {
        this.index = index;
        this.source = source;
    }

    private void refresh(UUID oficioId) {
        source.read(oficioId).ifPresent(index::put);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(OficioEvents.DraftCreated e) {
        refresh(e.oficioId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(OficioEvents.DraftSaved e) {
        refresh(e.oficioId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(OficioEvents.ChangeDecided e) {
        refresh(e.oficioId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(OficioEvents.DocxImported e) {
        refresh(e.oficioId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(OficioEvents.RecipientsChanged e) {
        refresh(e.oficioId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(OficioEvents.ConfidentialityChanged e) {
        refresh(e.oficioId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(OficioEvents.CollaboratorInvited e) {
        refresh(e.oficioId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(OficioEvents.AnnexAdded e) {
        refresh(e.oficioId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(OficioEvents.AnnexRemoved e) {
        refresh(e.oficioId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(OficioEvents.Numbered e) {
        refresh(e.oficioId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(OficioEvents.OficioSent e) {
        refresh(e.oficioId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(OficioEvents.Annulled e) {
        refresh(e.oficioId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(RoutingEvents.RouteSubmitted e) {
        refresh(e.oficioId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(RoutingEvents.StepReached e) {
        index.addPeople(e.oficioId(), e.personIds());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(RoutingEvents.Decided e) {
        refresh(e.oficioId());
        index.addPeople(e.oficioId(), List.of(e.personId(), e.actedById()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(SigningEvents.OficioSigned e) {
        refresh(e.oficioId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(DeliveryEvents.Assigned e) {
        index.addPeople(e.oficioId(), List.of(e.assigneeId()));
        if (e.dueAt() != null) {
            index.due(e.oficioId(), e.unitId(), e.assigneeId(), e.dueAt());
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(DeliveryEvents.Forwarded e) {
        index.addUnit(e.oficioId(), e.toUnitId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(DeliveryEvents.AssignmentClosed e) {
        index.notDue(e.oficioId(), e.unitId(), e.assigneeId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(DeliveryEvents.Answered e) {
        index.settled(e.oficioId(), e.unitId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(DeliveryEvents.Archived e) {
        index.settled(e.oficioId(), e.unitId());
    }
}
