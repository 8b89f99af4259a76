package org.rubrica.routing;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;

import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.KaribuTest;
import org.rubrica.directory.Person;
import org.rubrica.drafting.DraftContent;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.OficioStatus;
import org.rubrica.routing.RouteModels.StepKind;
import org.rubrica.routing.ui.RoutePanel;
import org.springframework.beans.factory.annotation.Autowired;

/** The route on the oficio page: the owner plans and submits it, the reviewer finds it pending and decides. */
class RoutePanelTests extends KaribuTest {

    @Autowired OficioService oficios;


    @SuppressWarnings("unchecked")
    private void addStep(StepKind kind, Person who) {
        _get(Select.class, spec -> spec.withId("route-step-kind")).setValue(kind);
        MultiSelectComboBox<Person> people = _get(MultiSelectComboBox.class, spec -> spec.withId("route-step-people"));
        people.setValue(Set.of(who));
        _click(_get(Button.class, spec -> spec.withId("route-add-step")));
    }

    @Test
    void the_owner_plans_and_submits_and_the_reviewer_decides_from_pendientes() {
        loginAs(Acting.DRAFTER);
        UUID id = oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC/DGE"), "Ruta en pantalla",
                "<p>Texto.</p>", Map.of()));
        Person reviewer = acting.person("Ing. Sergio Ramírez Treviño");
        Person signer = acting.person("Arq. Beatriz Elena Campos Rangel");
        UI.getCurrent().navigate("oficios/" + id);
        addStep(StepKind.REVIEW, reviewer);
        addStep(StepKind.SIGN, signer);
        _click(_get(Button.class, spec -> spec.withId("route-submit")));
        assertThat(oficios.get(id).status()).isEqualTo(OficioStatus.IN_REVIEW);

        loginAs(reviewer.username());
        UI.getCurrent().navigate("pendientes");
        @SuppressWarnings("unchecked")
        Grid<RouteModels.PendingItem> grid = _get(Grid.class, spec -> spec.withId("pending"));
        assertThat(GridKt._findAll(grid)).extracting(RouteModels.PendingItem::oficioId).contains(id);
        UI.getCurrent().navigate("oficios/" + id);
        _setValue(_get(TextArea.class, spec -> spec.withId("route-comment")), "Precise el periodo.");
        _click(_get(Button.class, spec -> spec.withId("route-changes-requested")));
        loginAs(Acting.DRAFTER);
        assertThat(oficios.get(id).status()).isEqualTo(OficioStatus.CHANGES_REQUESTED);

        loginAs(Acting.RECIPIENT); // not on the route: no route shown (nor the oficio, which is still a draft)
        assertThat(_find(RoutePanel.class).stream().filter(RoutePanel::isVisible)).isEmpty();
    }
}
