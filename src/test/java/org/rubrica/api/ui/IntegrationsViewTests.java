package org.rubrica.api.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.KaribuTest;
import org.rubrica.api.ApiPermission;
import org.rubrica.api.IntegrationToken;
import org.rubrica.directory.Person;
import org.rubrica.directory.Unit;

/** The administrator makes a token (shown once) and sees it listed by its first characters; others get no page. */
class IntegrationsViewTests extends KaribuTest {

    @Test
    @SuppressWarnings("unchecked")
    void the_administrator_makes_a_token_sees_it_once_and_a_drafter_does_not_get_the_page() {
        loginAs(Acting.ADMIN);
        UI.getCurrent().navigate("integraciones");
        _click(_get(Button.class, spec -> spec.withId("integration-new")));
        _setValue(_get(TextField.class, spec -> spec.withId("integration-name")), "Portal ciudadano");
        ComboBox<Unit> unit = _get(ComboBox.class, spec -> spec.withId("integration-unit"));
        _setValue(unit, unit.getListDataView().getItems().filter(u -> u.code().equals("SEC/DGE")).findFirst()
                .orElseThrow());
        ComboBox<Person> person = _get(ComboBox.class, spec -> spec.withId("integration-person"));
        assertThat(person.getListDataView().getItems().map(Person::username)).contains(Acting.RECIPIENT)
                .doesNotContain(Acting.DRAFTER);
        _setValue(person, person.getListDataView().getItems().filter(p -> p.username().equals(Acting.RECIPIENT))
                .findFirst().orElseThrow());
        _setValue(_get(CheckboxGroup.class, spec -> spec.withId("integration-permissions")),
                EnumSet.of(ApiPermission.READ, ApiPermission.RECEIVE));
        _click(_get(Button.class, spec -> spec.withId("integration-create")));

        String token = _get(TextField.class, spec -> spec.withId("integration-token")).getValue();
        assertThat(token).startsWith("rbi_");
        Grid<IntegrationToken> grid = _get(Grid.class, spec -> spec.withId("integrations"));
        IntegrationToken listed = grid.getListDataView().getItems().filter(t -> t.name().equals("Portal ciudadano"))
                .findFirst().orElseThrow();
        assertThat(listed.hint()).isEqualTo(token.substring(0, 10) + "…");
        assertThat(listed.permissions()).containsExactlyInAnyOrder(ApiPermission.READ, ApiPermission.RECEIVE);
        assertThat(listed.revokedAt()).isNull();

        loginAs(Acting.DRAFTER);
        UI.getCurrent().navigate("integraciones");
        assertThat(_find(IntegrationsView.class)).isEmpty();
    }
}
