package org.rubrica.templates.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.KaribuTest;

class TemplatesViewTests extends KaribuTest {

    @Test
    void a_new_template_is_named_in_a_dialog_and_opens_in_the_editor() {
        loginAs("plantillas");
        UI.getCurrent().navigate("admin/plantillas");
        _click(_get(Button.class, spec -> spec.withId("template-new")));
        TextField code = _get(TextField.class, spec -> spec.withLabel("Clave"));
        _setValue(code, "Circular Interna");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Tipo de documento")), "CIRCULAR");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Nombre (español)")), "Circular interna");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Nombre (inglés)")), "Internal circular");
        _click(_get(Button.class, spec -> spec.withId("template-create")));
        assertThat(code.isInvalid()).isTrue();
        assertThat(code.getErrorMessage()).startsWith("La clave debe empezar con minúscula");

        _setValue(code, "circular-interna");
        _click(_get(Button.class, spec -> spec.withId("template-create")));
        assertThat(_find(TemplateEditorView.class)).hasSize(1);
        assertThat(_get(TextArea.class, spec -> spec.withId("template-source")).getValue()).contains("base.documento");
    }

    @Test
    void drafters_cannot_open_the_template_list() {
        loginAs(Acting.DRAFTER);
        UI.getCurrent().navigate("admin/plantillas");
        assertThat(_find(TemplatesView.class)).isEmpty();
    }
}
