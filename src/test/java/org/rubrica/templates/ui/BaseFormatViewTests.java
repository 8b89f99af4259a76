package org.rubrica.templates.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.textfield.TextField;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.KaribuTest;
import org.rubrica.templates.BaseFormatAdministration;
import org.rubrica.templates.BaseFormatSettings;
import org.springframework.beans.factory.annotation.Autowired;

class BaseFormatViewTests extends KaribuTest {

    @Autowired BaseFormatAdministration format;

    @AfterEach
    void backToTheDefaults() {
        acting.as("plantillas");
        if (!format.current().settings().equals(BaseFormatSettings.DEFAULTS)) {
            format.save(BaseFormatSettings.DEFAULTS);
        }
        acting.nobody();
    }

    @Test
    void the_sample_follows_the_settings_a_bad_colour_is_shown_at_its_field_and_saving_publishes_them() {
        loginAs("plantillas");
        UI.getCurrent().navigate("admin/formato");
        assertThat(_find(Image.class, spec -> spec.withClasses("pdf-page"))).isNotEmpty();

        TextField colour = _get(TextField.class, spec -> spec.withLabel("Color principal"));
        _setValue(colour, "azul marino");
        assertThat(colour.isInvalid()).isTrue();
        assertThat(colour.getErrorMessage()).startsWith("Escriba el color en hexadecimal");

        _setValue(colour, "#7a1f2b");
        assertThat(colour.isInvalid()).isFalse();
        _setValue(_get(TextField.class, spec -> spec.withLabel("Leyenda del membrete")), "2026, Año de la Mujer Indígena");
        _click(_get(Button.class, spec -> spec.withId("format-save")));
        ConfirmDialog dialog = _get(ConfirmDialog.class);
        ComponentUtil.fireEvent(dialog, new ConfirmDialog.ConfirmEvent(dialog, false));

        acting.as("plantillas");
        assertThat(format.current().settings().headerText()).isEqualTo("2026, Año de la Mujer Indígena");
        assertThat(format.current().settings().primaryColor()).isEqualTo("#7a1f2b");
    }

    @Test
    void drafters_cannot_open_the_single_format() {
        loginAs(Acting.DRAFTER);
        UI.getCurrent().navigate("admin/formato");
        assertThat(_find(BaseFormatView.class)).isEmpty();
    }
}
