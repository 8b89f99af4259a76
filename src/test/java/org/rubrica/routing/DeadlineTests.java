package org.rubrica.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.rubrica.audit.Trail;
import org.rubrica.audit.TrailEntry;
import org.rubrica.directory.Person;
import org.rubrica.drafting.DraftContent;
import org.rubrica.drafting.OficioService;
import org.rubrica.notifications.Notification;
import org.rubrica.notifications.Notifications;
import org.rubrica.routing.RouteModels.StepKind;
import org.rubrica.routing.RouteModels.StepMode;
import org.rubrica.routing.RouteModels.StepPlan;
import org.rubrica.routing.internal.DeadlineReminders;
import org.springframework.beans.factory.annotation.Autowired;

/** Due dates on route steps: a reminder before, then overdue and escalation to the head, each sent once. */
@RubricaTest
class DeadlineTests {

    @Autowired Acting acting;
    @Autowired OficioService oficios;
    @Autowired RoutingService routing;
    @Autowired DeadlineReminders reminders;
    @Autowired Notifications notifications;
    @Autowired Trail trail;

    @AfterEach
    void logout() {
        acting.nobody();
    }


    private List<String> kinds(String username, UUID oficioId) {
        acting.as(username);
        return notifications.mine().stream().filter(n -> oficioId.equals(n.oficioId())).map(Notification::kind).toList();
    }

    @Test
    void a_reminder_comes_a_day_before_then_overdue_and_the_head_hears_of_it_each_once() {
        Person reviewer = acting.person("Arq. Beatriz Elena Campos Rangel"); // head of SOP/DOP: her superior is SOP's head
        Person superior = acting.person("Ing. Sergio Ramírez Treviño");
        Instant due = Instant.now().plus(Duration.ofDays(3)); // the real scheduler, if it ran, would see nothing due
        acting.as(Acting.DRAFTER);
        UUID id = oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC/DGE"), "Con plazo",
                "<p>Texto.</p>", Map.of()));
        routing.setRoute(id, List.of(new StepPlan(StepKind.REVIEW, StepMode.ALL, List.of(reviewer.id()), due),
                new StepPlan(StepKind.SIGN, StepMode.ALL, List.of(superior.id()), null)));
        routing.submit(id);
        acting.nobody();

        // the job looks at every oficio in the (shared) test database: what it did is read off this one's notices
        reminders.remind(due.minus(Duration.ofDays(2))); // too early
        assertThat(kinds(reviewer.username(), id)).containsExactly("REVIEW_WAITING");
        acting.nobody();
        assertThat(reminders.remind(due.minus(Duration.ofHours(12)))).isPositive();
        assertThat(kinds(reviewer.username(), id)).containsExactly("DUE_SOON", "REVIEW_WAITING");
        acting.nobody();
        reminders.remind(due.minus(Duration.ofHours(6))); // once only
        assertThat(kinds(reviewer.username(), id)).containsExactly("DUE_SOON", "REVIEW_WAITING");
        acting.nobody();

        reminders.remind(due.plus(Duration.ofHours(1)));
        assertThat(kinds(reviewer.username(), id)).containsExactly("OVERDUE", "DUE_SOON", "REVIEW_WAITING");
        assertThat(kinds(superior.username(), id)).containsExactly("ESCALATED");
        acting.nobody();
        reminders.remind(due.plus(Duration.ofHours(5)));
        assertThat(kinds(reviewer.username(), id)).hasSize(3);
        assertThat(kinds(superior.username(), id)).containsExactly("ESCALATED");
        acting.nobody();

        acting.as(Acting.DRAFTER);
        assertThat(trail.of(id)).extracting(TrailEntry::type).contains("ESCALATED");
    }
}
