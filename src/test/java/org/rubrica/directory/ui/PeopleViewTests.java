package org.rubrica.directory.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;

import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.KaribuTest;
import org.rubrica.directory.Directory;
import org.rubrica.directory.Unit;
import org.springframework.beans.factory.annotation.Autowired;

class PeopleViewTests extends KaribuTest {

    @Autowired Directory directory;

    @Test
    @SuppressWarnings("unchecked")
    void an_administrator_adds_a_person_and_a_bad_email_is_reported_at_its_field() {
        loginAs(Acting.ADMIN);
        UI.getCurrent().navigate(PeopleView.class);
        _click(_get(Button.class, spec -> spec.withText("Nueva persona")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Usuario")), "pnueva");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Nombre completo")), "Pilar Nueva Rivas");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Cargo")), "Analista");
        _setValue(_get(EmailField.class, spec -> spec.withLabel("Correo electrónico")), "no-es-correo");
        _setValue(_get(ComboBox.class, spec -> spec.withLabel("Unidad")), directory.unitByCode("SDS").orElseThrow());
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Contraseña")), "clave-suficiente");
        _click(_get(Button.class, spec -> spec.withText("Guardar")));
        EmailField email = _get(EmailField.class, spec -> spec.withLabel("Correo electrónico"));
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo("Escriba un correo electrónico válido.");

        _setValue(email, "pnueva@sanandres.gob.example");
        _click(_get(Button.class, spec -> spec.withText("Guardar")));
        assertThat(directory.actor("pnueva")).isPresent();
    }

    @Test
    void drafters_cannot_open_people_administration() {
        loginAs(Acting.DRAFTER);
        UI.getCurrent().navigate("admin/personas");
        assertThat(_find(PeopleView.class)).isEmpty();
    }

    private static java.util.List<String> menu() {
        return _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }

    @Test
    void the_menu_shows_administration_only_to_administrators() {
        loginAs(Acting.DRAFTER);
        UI.getCurrent().navigate("");
        assertThat(menu()).contains("Mis oficios", "Nuevo oficio").doesNotContain("Personas", "Unidades");
        loginAs(Acting.ADMIN);
        UI.getCurrent().navigate("");
        assertThat(menu()).contains("Personas", "Unidades");
    }
}
