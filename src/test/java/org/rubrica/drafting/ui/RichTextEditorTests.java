package org.rubrica.drafting.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import com.vaadin.flow.component.UI;

import org.junit.jupiter.api.Test;
import org.rubrica.KaribuTest;

/** The server side of the body editor; what happens in the browser is in OficioJourneyBrowserTest. */
class RichTextEditorTests extends KaribuTest {

    @Test
    void toolbar_texts_come_from_the_bundles_in_the_ui_language() {
        var editor = new RichTextEditor("Cuerpo");
        UI.getCurrent().add(editor);
        String spanish = editor.getElement().getPropertyRaw("i18n").toString();
        assertThat(spanish).contains("\"bold\":\"Negrita\"", "\"table\":\"Insertar tabla\"").doesNotContain("!editor.");

        UI.getCurrent().remove(editor);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().add(editor);
        String english = editor.getElement().getPropertyRaw("i18n").toString();
        assertThat(english).contains("\"bold\":\"Bold\"", "\"undo\":\"Undo\"").doesNotContain("!editor.");
    }

    @Test
    void the_value_is_html_and_null_means_empty() {
        var editor = new RichTextEditor();
        editor.setValue("<p>Texto <strong>firme</strong></p>");
        assertThat(editor.getElement().getProperty("value")).isEqualTo("<p>Texto <strong>firme</strong></p>");
        editor.setValue(null);
        assertThat(editor.getValue()).isEmpty();
        assertThat(editor.isEmpty()).isTrue();
    }

    @Test
    void a_restored_backup_is_the_value_and_counts_as_unsaved() {
        var editor = new RichTextEditor();
        editor.setStorageKey("oficio-body.1.new");
        UI.getCurrent().add(editor);
        editor.restore("<p>Recuperado</p>");
        assertThat(editor.getValue()).isEqualTo("<p>Recuperado</p>");
        assertThat(editor.isDirty()).isTrue();
        assertThat(editor.getElement().getAttribute("storage-key")).isEqualTo("oficio-body.1.new");
        editor.markSaved(); // the browser decides whether its text is the saved one
    }

    @Test
    void errors_show_at_the_field() {
        var editor = new RichTextEditor();
        editor.setErrorMessage("Este dato es obligatorio.");
        editor.setInvalid(true);
        assertThat(editor.isInvalid()).isTrue();
        assertThat(editor.getElement().getProperty("errorMessage")).isEqualTo("Este dato es obligatorio.");
        editor.setReadOnly(true);
        assertThat(editor.getElement().getProperty("readonly", false)).isTrue();
    }
}
