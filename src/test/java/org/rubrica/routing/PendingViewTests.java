package org.rubrica.routing;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.KaribuTest;
import org.rubrica.directory.Person;
import org.rubrica.drafting.DraftContent;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.OficioStatus;
import org.rubrica.drafting.Priority;
import org.rubrica.routing.RouteModels.PendingItem;
import org.rubrica.routing.RouteModels.StepKind;
import org.rubrica.routing.RouteModels.StepMode;
import org.rubrica.routing.RouteModels.StepPlan;
import org.springframework.beans.factory.annotation.Autowired;

/** Pendientes: filtered by words (without accents), urgency, lateness and step, sorted by priority, approved in a batch. */
class PendingViewTests extends KaribuTest {

    @Autowired OficioService oficios;
    @Autowired RoutingService routing;


    private UUID waitingForTheDirector(String subject, Priority priority, Instant dueAt) {
        acting.as(Acting.DRAFTER);
        UUID id = oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC/DGE"), subject, "<p>Texto.</p>", Map.of()));
        oficios.setPriority(id, priority);
        routing.setRoute(id, List.of(new StepPlan(StepKind.SIGN, StepMode.ALL,
                List.of(acting.person("Arq. Beatriz Elena Campos Rangel").id()), dueAt)));
        routing.submit(id);
        return id;
    }

    @SuppressWarnings("unchecked")
    private static Grid<PendingItem> grid() {
        return _get(Grid.class, spec -> spec.withId("pending"));
    }

    private static List<UUID> shown() {
        return GridKt._findAll(grid()).stream().map(PendingItem::oficioId).toList();
    }

    @Test
    void the_director_narrows_her_pile_sorts_urgent_first_and_approves_two_at_once() {
        Instant now = Instant.now();
        UUID school = waitingForTheDirector("Educación básica: becas PV7", Priority.NORMAL, now.plus(3, ChronoUnit.DAYS));
        UUID urgent = waitingForTheDirector("Educación especial: rampas PV7", Priority.URGENT, null);
        UUID late = waitingForTheDirector("Obras de drenaje PV7", Priority.NORMAL, now.minus(1, ChronoUnit.DAYS));

        loginAs("bcampos");
        UI.getCurrent().navigate("pendientes");
        assertThat(shown()).contains(school, urgent, late);

        _setValue(_get(TextField.class, spec -> spec.withId("pending-text")), "EDUCACION PV7");
        assertThat(shown()).containsExactlyInAnyOrder(school, urgent);
        var priority = grid().getColumns().getFirst();
        grid().sort(GridSortOrder.asc(priority).build());
        assertThat(shown()).containsExactly(urgent, school);
        _setValue(_get(Checkbox.class, spec -> spec.withId("pending-urgent")), true);
        assertThat(shown()).containsExactly(urgent);
        _setValue(_get(Checkbox.class, spec -> spec.withId("pending-urgent")), false);

        _setValue(_get(TextField.class, spec -> spec.withId("pending-text")), "pv7");
        _setValue(_get(Checkbox.class, spec -> spec.withId("pending-overdue")), true);
        assertThat(shown()).containsExactly(late);
        _setValue(_get(Checkbox.class, spec -> spec.withId("pending-overdue")), false);
        @SuppressWarnings("unchecked")
        Select<RouteModels.Work> step = _get(Select.class, spec -> spec.withId("pending-work"));
        _setValue(step, RouteModels.Work.REVIEW);
        assertThat(shown()).isEmpty();
        _setValue(step, null);
        assertThat(shown()).hasSize(3);

        GridKt._findAll(grid()).stream().filter(p -> !p.oficioId().equals(late)).forEach(grid()::select);
        _click(_get(Button.class, spec -> spec.withId("approve-selected")));
        // approved: what waits now is her signature on those two, and her approval of the third
        assertThat(GridKt._findAll(grid())).extracting(p -> p.oficioId() + " " + p.work())
                .containsExactlyInAnyOrder(late + " SIGN", school + " TO_SIGN", urgent + " TO_SIGN");
        acting.as(Acting.DRAFTER);
        assertThat(oficios.get(school).status()).isEqualTo(OficioStatus.APPROVED);
        assertThat(oficios.get(urgent).status()).isEqualTo(OficioStatus.APPROVED);
        assertThat(oficios.get(late).status()).isEqualTo(OficioStatus.IN_REVIEW);
    }
}
