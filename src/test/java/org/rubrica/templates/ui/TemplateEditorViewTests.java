package org.rubrica.templates.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.textfield.TextArea;

import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.KaribuTest;

class TemplateEditorViewTests extends KaribuTest {

    @Test
    void a_layout_error_is_shown_at_the_source_with_its_line_and_a_good_one_is_previewed() {
        loginAs("plantillas");
        UI.getCurrent().navigate("admin/plantillas/oficio");
        TextArea source = _get(TextArea.class, spec -> spec.withId("template-source"));
        String good = source.getValue();

        _setValue(source, "<#import \"base.ftlx\" as base>\n<p>${data.fields.no_existe}</p>");
        _click(_get(Button.class, spec -> spec.withId("template-try")));
        assertThat(source.isInvalid()).isTrue();
        assertThat(source.getErrorMessage()).startsWith("La plantilla tiene un error en la línea 2, columna");
        assertThat(source.getValue()).contains("no_existe"); // the administrator's text is kept

        _setValue(source, good);
        _click(_get(Button.class, spec -> spec.withId("template-try")));
        assertThat(_find(Image.class, spec -> spec.withClasses("pdf-page"))).isNotEmpty();
        assertThat(_get(Button.class, spec -> spec.withId("template-publish")).isEnabled()).isTrue();
    }

    @Test
    void drafters_cannot_open_template_administration() {
        loginAs(Acting.DRAFTER);
        UI.getCurrent().navigate("admin/plantillas/oficio");
        assertThat(_find(TemplateEditorView.class)).isEmpty();
    }
}
