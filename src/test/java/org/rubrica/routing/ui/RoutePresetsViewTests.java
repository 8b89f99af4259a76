package org.rubrica.routing.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;

import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.KaribuTest;
import org.rubrica.directory.Person;
import org.rubrica.routing.RouteModels.StepKind;
import org.rubrica.routing.RoutingService;
import org.rubrica.templates.TemplateSummary;
import org.springframework.beans.factory.annotation.Autowired;

/** A head sets their unit's usual route for one template on its own page; drafters do not reach it. */
class RoutePresetsViewTests extends KaribuTest {

    @Autowired RoutingService routing;


    @SuppressWarnings("unchecked")
    private void addStep(StepKind kind, Person who) {
        _get(Select.class, spec -> spec.withId("route-step-kind")).setValue(kind);
        _get(MultiSelectComboBox.class, spec -> spec.withId("route-step-people")).setValue(Set.of(who));
        _click(_get(Button.class, spec -> spec.withId("route-add-step")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_head_keeps_a_usual_route_for_memorandums_and_a_drafter_cannot_open_the_page() {
        Person head = acting.person("Arq. Tomás Villarreal Ochoa"); // Director de Planeación Urbana
        Person reviewer = acting.person("Ing. Sergio Ramírez Treviño");
        loginAs(head.username());
        UI.getCurrent().navigate("rutas-habituales");
        Select<Optional<TemplateSummary>> template = _get(Select.class, spec -> spec.withId("preset-template"));
        template.setValue(template.getListDataView().getItems()
                .filter(t -> t.isPresent() && t.get().code().equals("memorandum")).findFirst().orElseThrow());
        assertThat(_get(Paragraph.class, spec -> spec.withId("route-plan")).getText()).isEqualTo("Aún no hay pasos.");
        addStep(StepKind.REVIEW, reviewer);
        addStep(StepKind.SIGN, reviewer);
        _click(_get(Button.class, spec -> spec.withId("route-remove-last")));
        addStep(StepKind.SIGN, head);
        _click(_get(Button.class, spec -> spec.withId("preset-save")));

        assertThat(routing.unitPreset("memorandum")).extracting(p -> p.kind() + " " + p.personIds())
                .containsExactly("REVIEW [" + reviewer.id() + "]", "SIGN [" + head.id() + "]");
        assertThat(routing.unitPreset(null)).isEmpty(); // the unit's general route is another one

        template.setValue(Optional.empty()); // and coming back shows the saved one
        template.setValue(template.getListDataView().getItems()
                .filter(t -> t.isPresent() && t.get().code().equals("memorandum")).findFirst().orElseThrow());
        assertThat(_get(Paragraph.class, spec -> spec.withId("route-plan")).getText())
                .contains(reviewer.fullName(), head.fullName());

        loginAs(Acting.DRAFTER);
        UI.getCurrent().navigate("rutas-habituales");
        _assertNone(RoutePresetsView.class);
    }
}
