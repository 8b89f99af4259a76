package org.rubrica.notifications.internal;

import org.rubrica.routing.RoutingEvents;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Route events as notifications: a step waiting for people, a decision or the route's end for the author. */
@Component
class RoutingNotices {

    private final Notifier repository;

    RoutingNotices(Notifier repository) {
        this.repository = repository;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(RoutingEvents.StepReached e) {
        for (long person : e.personIds()) {
            repository.notify(person, e.kind().name() + "_WAITING", e.oficioId(), null, e.subject(), e.at());
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(RoutingEvents.Decided e) {
        if (e.actedById() != e.authorId()) {
            repository.notify(e.authorId(), "DECIDED_" + e.decision().name(), e.oficioId(), e.actedById(), e.subject(),
                    e.at());
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(RoutingEvents.RouteCompleted e) {
        repository.notify(e.authorId(), "ROUTE_COMPLETED", e.oficioId(), null, e.subject(), e.at());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(RoutingEvents.DeadlineNotice e) {
        repository.notify(e.personId(), e.kind(), e.oficioId(), e.aboutPersonId(), e.subject(), e.at());
    }
}
