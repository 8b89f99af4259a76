package org.rubrica.routing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.rubrica.directory.Directory;
import org.rubrica.directory.Person;
import org.rubrica.routing.RoutingEvents;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deadlines of route steps and of received oficios turned to people: a day before, whoever is still waited for
 * is reminded; once past, they are told it is overdue and their unit's head is told too (escalation). Each notice
 * goes once per step, round (or assignment) and person, however often the job runs.
 */
@Component
@EnableScheduling
public class DeadlineReminders {

    static final Duration AHEAD = Duration.ofHours(24);

    private final RouteRepository routes;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeadlineReminders(RouteRepository routes, Directory directory, ApplicationEventPublisher events, Clock clock) {
        this.routes = routes;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${rubrica.routing.reminders.interval:PT15M}",
            initialDelayString = "${rubrica.routing.reminders.interval:PT15M}")
    void scheduled() {
        remind(clock.instant());
    }

    /** @return how many notices were sent at {@code now} (tests pass the time they want) */
    @Transactional
    public int remind(Instant now) {
        int sent = 0;
        for (RouteRepository.DueWork due : routes.dueBefore(now.plus(AHEAD))) {
            boolean overdue = !due.dueAt().isAfter(now);
            String kind = overdue ? "OVERDUE" : "DUE_SOON";
            if (routes.remember(due, kind, due.personId(), now)) {
                events.publishEvent(new RoutingEvents.DeadlineNotice(due.oficioId(), kind, due.personId(), null,
                        due.subject(), due.dueAt(), now, due.work(), due.scopeUnitId()));
                sent++;
            }
            if (overdue) {
                var head = superiorOf(due.personId());
                if (head.isPresent() && routes.remember(due, "ESCALATED", head.get().id(), now)) {
                    events.publishEvent(new RoutingEvents.DeadlineNotice(due.oficioId(), "ESCALATED", head.get().id(),
                            due.personId(), due.subject(), due.dueAt(), now, due.work(), due.scopeUnitId()));
                    sent++;
                }
            }
        }
        return sent;
    }

    /** The head of the person's unit; for a head, the head of the unit above. */
    private java.util.Optional<Person> superiorOf(long personId) {
        Long unitId = directory.person(personId).unitId();
        while (unitId != null) {
            var head = directory.head(unitId).filter(h -> h.id() != personId);
            if (head.isPresent()) {
                return head;
            }
            unitId = directory.unit(unitId).parentId();
        }
        return java.util.Optional.empty();
    }
}
