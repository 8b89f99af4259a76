package org.rubrica.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;

import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.KaribuTest;
import org.rubrica.directory.Person;
import org.rubrica.drafting.DraftContent;
import org.rubrica.drafting.OficioService;
import org.rubrica.notifications.Notifications;
import org.rubrica.routing.RouteModels.Decision;
import org.rubrica.routing.RouteModels.StepKind;
import org.rubrica.routing.RouteModels.StepMode;
import org.rubrica.routing.RouteModels.StepPlan;
import org.rubrica.routing.RoutingService;
import org.springframework.beans.factory.annotation.Autowired;

/** The bell of a page left open changes when someone else's action notifies its person, without navigating. */
class LiveBellTests extends KaribuTest {

    @Autowired OficioService oficios;
    @Autowired RoutingService routing;
    @Autowired Notifications notifications;


    /** Runs what other threads pushed to the UI until the condition holds (push is asynchronous), or fails. */
    private static void awaitPushed(Supplier<Boolean> condition) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            MockVaadin.clientRoundtrip(false);
            if (condition.get()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the open page was not updated");
    }

    @Test
    void a_decision_by_someone_else_lights_the_open_bell_and_reading_everything_clears_it() throws Exception {
        Person reviewer = acting.person("Ing. Sergio Ramírez Treviño");
        loginAs(Acting.DRAFTER);
        UUID id = oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC/DGE"), "Campana en vivo",
                "<p>Texto.</p>", Map.of()));
        routing.setRoute(id, List.of(new StepPlan(StepKind.REVIEW, StepMode.ALL, List.of(reviewer.id()), null),
                new StepPlan(StepKind.SIGN, StepMode.ALL, List.of(acting.person("Arq. Beatriz Elena Campos Rangel").id()), null)));
        routing.submit(id);
        notifications.markAllRead();
        UI.getCurrent().navigate("pendientes");
        Button bell = _get(Button.class, spec -> spec.withId("notifications-bell"));
        awaitPushed(() -> bell.getText().isEmpty());

        acting.as(reviewer.username()); // another person, in another request
        routing.decide(id, Decision.CHANGES_REQUESTED, "Precise las fechas.");
        acting.as(Acting.DRAFTER);
        awaitPushed(() -> bell.getText().equals("1"));
        assertThat(bell.hasClassName("has-unread")).isTrue();
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("pendientes");

        notifications.markAllRead(); // read in another tab
        awaitPushed(() -> bell.getText().isEmpty());
        assertThat(bell.hasClassName("has-unread")).isFalse();
    }
}
