package org.rubrica.directory.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;

import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.KaribuTest;
import org.rubrica.directory.Delegations;
import org.rubrica.directory.Person;
import org.springframework.beans.factory.annotation.Autowired;

class DelegationsViewTests extends KaribuTest {

    @Autowired Delegations delegations;


    @Test
    @SuppressWarnings("unchecked")
    void a_head_names_a_substitute_for_some_days_and_a_drafter_has_no_such_page() {
        Person head = acting.person("Lic. Fernando Ibáñez Cordero"); // SAY/DJ, signer
        loginAs(head.username());
        UI.getCurrent().navigate("suplencias");
        ComboBox<Person> substitute = _get(ComboBox.class, spec -> spec.withId("delegation-substitute"));
        substitute.setValue(acting.person("Lic. Rosa María Gutiérrez Salinas"));
        _get(DatePicker.class, spec -> spec.withId("delegation-from")).setValue(LocalDate.now().plusDays(40));
        _get(DatePicker.class, spec -> spec.withId("delegation-to")).setValue(LocalDate.now().plusDays(45));
        _click(_get(Button.class, spec -> spec.withId("delegation-grant")));
        var mine = delegations.mine();
        assertThat(mine).anySatisfy(d -> {
            assertThat(d.substituteName()).isEqualTo("Lic. Rosa María Gutiérrez Salinas");
            assertThat(d.startsOn()).isEqualTo(LocalDate.now().plusDays(40));
        });
        mine.stream().filter(d -> !d.revoked()).forEach(d -> delegations.revoke(d.id()));

        loginAs(Acting.OTHER_UNIT_DRAFTER);
        UI.getCurrent().navigate("suplencias");
        assertThat(_find(DelegationsView.class)).isEmpty();
    }
}
