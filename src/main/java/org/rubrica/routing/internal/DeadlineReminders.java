package org.rubrica.routing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.rubrica.directory.Directory;
import org.rubrica.directory.Person;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.OficioStatus;
import org.rubrica.drafting.OficioSummary;
import org.rubrica.routing.RoutingEvents;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deadlines of route steps: a day before, the people who have not decided are reminded; once past, they are told
 * it is overdue and their unit's head is told too (escalation). Each notice goes once per step, round and
 * person, however often the job runs.
 */
@Component
@EnableScheduling
public class DeadlineReminders {

    static final Duration AHEAD = Duration.ofHours(24);

    private final RouteRepository routes;
    private final OficioService oficios;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeadlineReminders(RouteRepository routes, OficioService oficios, Directory directory,
                      ApplicationEventPublisher events, Clock clock) {
        this.routes = routes;
        this.oficios = oficios;
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
        var due = routes.dueBefore(now.plus(AHEAD));
        Map<UUID, OficioSummary> summaries = oficios.summaries(due.stream().map(RouteRepository.DueStep::oficioId).toList());
        int sent = 0;
        for (RouteRepository.DueStep step : due) {
            OficioSummary oficio = summaries.get(step.oficioId());
            if (oficio == null || oficio.status() != OficioStatus.IN_REVIEW) {
                continue;
            }
            boolean overdue = !step.dueAt().isAfter(now);
            for (long person : step.undecided()) {
                String kind = overdue ? "OVERDUE" : "DUE_SOON";
                if (routes.remember(step, kind, person, now)) {
                    events.publishEvent(new RoutingEvents.DeadlineNotice(step.oficioId(), kind, person, null,
                            oficio.subject(), step.dueAt(), now));
                    sent++;
                }
                if (overdue) {
                    var head = superiorOf(person);
                    if (head.isPresent() && routes.remember(step, "ESCALATED", head.get().id(), now)) {
                        events.publishEvent(new RoutingEvents.DeadlineNotice(step.oficioId(), "ESCALATED",
                                head.get().id(), person, oficio.subject(), step.dueAt(), now));
                        sent++;
                    }
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
