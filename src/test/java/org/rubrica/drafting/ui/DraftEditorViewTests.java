package org.rubrica.drafting.ui;

import java.time.LocalDate;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.KaribuTest;
import org.rubrica.directory.Directory;
import org.rubrica.directory.Unit;
import org.rubrica.templates.TemplateSummary;
import org.springframework.beans.factory.annotation.Autowired;

class DraftEditorViewTests extends KaribuTest {

    @Autowired Directory directory;

    private void openEditor() {
        loginAs(Acting.DRAFTER);
        UI.getCurrent().navigate(DraftEditorView.class);
    }

    @SuppressWarnings("unchecked")
    private void chooseRecipient(String code) {
        ComboBox<Unit> recipient = _get(ComboBox.class, spec -> spec.withLabel("Destinatario (unidad)"));
        _setValue(recipient, directory.unitByCode(code).orElseThrow());
    }

    @Test
    void a_missing_subject_is_reported_at_the_field_in_spanish() {
        openEditor();
        chooseRecipient("SEC/DGE");
        _click(_get(Button.class, spec -> spec.withText("Guardar borrador")));
        TextField subject = _get(TextField.class, spec -> spec.withLabel("Asunto"));
        assertThat(subject.isInvalid()).isTrue();
        assertThat(subject.getErrorMessage()).isEqualTo("Este dato es obligatorio.");
        assertThat(_find(DraftEditorView.class)).hasSize(1); // nothing was lost: still editing
    }

    @Test
    void the_preview_shows_the_pdf_pages_and_saving_opens_the_oficio() {
        openEditor();
        chooseRecipient("SEC/DGE");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Asunto")), "Solicitud de apoyo logístico");
        _setValue(_get(RichTextEditor.class, spec -> spec.withLabel("Cuerpo del oficio")),
                "<p>Solicito su apoyo para la jornada de <strong>educación vial</strong>.</p><p>Sin otro particular.</p>");
        _click(_get(Button.class, spec -> spec.withText("Vista previa")));
        assertThat(_find(Image.class, spec -> spec.withClasses("pdf-page"))).isNotEmpty();

        _click(_get(Button.class, spec -> spec.withText("Guardar borrador")));
        assertThat(_get(H2.class, spec -> spec.withText("Solicitud de apoyo logístico"))).isNotNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void choosing_another_kind_brings_its_fields_and_their_rules() {
        openEditor();
        Select<TemplateSummary> kind = _get(Select.class, spec -> spec.withId("template"));
        _setValue(kind, kind.getListDataView().getItems().filter(t -> t.code().equals("respuesta")).findFirst().orElseThrow());
        chooseRecipient("SEC/DGE");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Asunto")), "Respuesta a su solicitud");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Número del oficio que se responde")), "SEC/DGE/0042/2026");
        DatePicker date = _get(DatePicker.class, spec -> spec.withLabel("Fecha del oficio que se responde"));
        _click(_get(Button.class, spec -> spec.withText("Guardar borrador")));
        assertThat(date.isInvalid()).isTrue(); // a required date left empty
        assertThat(date.getErrorMessage()).isEqualTo("Este dato es obligatorio.");

        _setValue(date, LocalDate.of(2026, 11, 3));
        _click(_get(Button.class, spec -> spec.withText("Vista previa")));
        assertThat(_find(Image.class, spec -> spec.withClasses("pdf-page"))).isNotEmpty();
        _click(_get(Button.class, spec -> spec.withText("Guardar borrador")));
        assertThat(_get(H2.class, spec -> spec.withText("Respuesta a su solicitud"))).isNotNull();
    }

    @Test
    void people_who_do_not_draft_cannot_open_the_editor() {
        loginAs(Acting.RECIPIENT_HEAD);
        UI.getCurrent().navigate("oficios/nuevo");
        assertThat(_find(DraftEditorView.class)).isEmpty();
    }
}
