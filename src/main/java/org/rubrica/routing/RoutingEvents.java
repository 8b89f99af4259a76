package org.rubrica.routing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.rubrica.routing.RouteModels.Work;

/** What happened on a route; the trail and notifications listen. */
public final class RoutingEvents {

    private RoutingEvents() {
    }

    public record RouteSubmitted(UUID oficioId, long actorId, int round, Instant at) {
    }

    /** A step is waiting for these people. */
    public record StepReached(UUID oficioId, int position, RouteModels.StepKind kind, List<Long> personIds,
                              String subject, Instant at) {
    }

    /** The steps not reached yet were changed after submission; {@code route} describes the whole new route. */
    public record RouteChanged(UUID oficioId, long actorId, String route, Instant at) {
    }

    /** {@code actedById} differs from {@code personId} when a substitute acted for the person. */
    public record Decided(UUID oficioId, long personId, long actedById, RouteModels.StepKind kind,
                          RouteModels.Decision decision, String comment, long authorId, String subject, Instant at) {
    }

    /** The last step approved: the oficio is ready to sign. */
    public record RouteCompleted(UUID oficioId, long authorId, String subject, Instant at) {
    }

    /**
     * A due date is near ({@code DUE_SOON}) or past ({@code OVERDUE}) for a person still waited for (on a route
     * step, or by an assignment of the receiving unit {@code scopeUnitId}), or ({@code ESCALATED}) their head is
     * told that it is overdue.
     */
    public record DeadlineNotice(UUID oficioId, String kind, long personId, Long aboutPersonId, String subject,
                                 Instant dueAt, Instant at, Work work, Long scopeUnitId) {
    }
}
