package org.rubrica.exchange.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.KaribuTest;
import org.rubrica.directory.Directory;
import org.rubrica.directory.UnitKind;
import org.rubrica.exchange.KnownNode;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The administrator sees this installation's node certificate, registers another installation with its units
 * (which become addressable units of kind EXTERNAL), and others do not get the page.
 */
class InstallationsViewTests extends KaribuTest {

    @Autowired Directory directory;

    @Test
    @SuppressWarnings("unchecked")
    void the_administrator_registers_another_installation_and_its_units_become_addressable() {
        loginAs(Acting.ADMIN);
        UI.getCurrent().navigate("instalaciones");
        String own = _get(TextArea.class, spec -> spec.withId("installation-own-certificate")).getValue();
        assertThat(own).startsWith("-----BEGIN CERTIFICATE-----");

        _click(_get(Button.class, spec -> spec.withId("installation-register")));
        _setValue(_get(TextField.class, spec -> spec.withId("installation-code")), "CONGRESO");
        _setValue(_get(TextField.class, spec -> spec.withId("installation-name")), "Congreso del Estado");
        _setValue(_get(TextField.class, spec -> spec.withId("installation-url")), "https://rubrica.congreso.gob.example");
        _setValue(_get(TextArea.class, spec -> spec.withId("installation-certificate")), own);
        _setValue(_get(TextArea.class, spec -> spec.withId("installation-units")),
                "OM · Oficialía Mayor\nCOM/EDU · Comisión de Educación");
        _click(_get(Button.class, spec -> spec.withId("installation-save")));

        Grid<KnownNode> grid = _get(Grid.class, spec -> spec.withId("installations"));
        KnownNode node = grid.getListDataView().getItems().filter(n -> n.code().equals("CONGRESO")).findFirst()
                .orElseThrow();
        assertThat(node.units()).extracting(KnownNode.RemoteUnit::code).containsExactly("COM/EDU", "OM");
        assertThat(directory.unitByCode("CONGRESO/COM/EDU")).hasValueSatisfying(u -> {
            assertThat(u.kind()).isEqualTo(UnitKind.EXTERNAL);
            assertThat(u.name()).isEqualTo("Comisión de Educación");
        });
        assertThat(directory.agencies()).noneMatch(u -> u.code().equals("CONGRESO"));

        loginAs(Acting.DRAFTER);
        UI.getCurrent().navigate("instalaciones");
        assertThat(_find(InstallationsView.class)).isEmpty();
    }
}
