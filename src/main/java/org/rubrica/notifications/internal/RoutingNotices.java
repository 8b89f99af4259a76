package org.rubrica.notifications.internal;

import org.rubrica.directory.Delegations;
import org.rubrica.routing.RouteModels.StepKind;
import org.rubrica.routing.RouteModels.Work;
import org.rubrica.routing.RoutingEvents;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Route events as notifications: a step waiting for people (and for whoever stands in for an absent one today),
 * a decision for the author (and for the absent head a substitute acted for), the route's end for the author.
 */
@Component
class RoutingNotices {

    private final Notifier repository;
    private final Delegations delegations;

    RoutingNotices(Notifier repository, Delegations delegations) {
        this.repository = repository;
        this.delegations = delegations;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(RoutingEvents.StepReached e) {
        Delegations.Duty duty = e.kind() == StepKind.SIGN ? Delegations.Duty.SIGN : Delegations.Duty.REVIEW;
        for (long person : e.personIds()) {
            repository.notify(person, e.kind().name() + "_WAITING", e.oficioId(), null, e.subject(), e.at());
            delegations.substituteOf(person, duty).ifPresent(substitute -> repository.notify(substitute,
                    e.kind().name() + "_WAITING_FOR", e.oficioId(), person, e.subject(), e.at()));
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(RoutingEvents.Decided e) {
        if (e.actedById() != e.authorId()) {
            repository.notify(e.authorId(), "DECIDED_" + e.decision().name(), e.oficioId(), e.actedById(), e.subject(),
                    e.at());
        }
        if (e.actedById() != e.personId()) { // the head hears what was decided in their name
            repository.notify(e.personId(), "ACTED_FOR_" + e.decision().name(), e.oficioId(), e.actedById(),
                    e.subject(), e.at());
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(RoutingEvents.RouteCompleted e) {
        repository.notify(e.authorId(), "ROUTE_COMPLETED", e.oficioId(), null, e.subject(), e.at());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(RoutingEvents.DeadlineNotice e) {
        String kind = e.work() == Work.ASSIGNED ? "ASSIGNED_" + e.kind() : e.kind(); // a turno is attended, not decided
        repository.notify(e.personId(), kind, e.oficioId(), e.aboutPersonId(), e.subject(), e.at());
    }
}
