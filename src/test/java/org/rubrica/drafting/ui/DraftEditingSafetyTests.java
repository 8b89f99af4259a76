package org.rubrica.drafting.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;

import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.KaribuTest;
import org.rubrica.drafting.ChangeTarget;
import org.rubrica.drafting.DraftAccess;
import org.rubrica.drafting.DraftContent;
import org.rubrica.drafting.InvitationService;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.ReviewService;
import org.rubrica.templates.RichText;
import org.springframework.beans.factory.annotation.Autowired;

/** Editing never loses text: autosave, a question before leaving, merges that reload, and suggestion mode. */
class DraftEditingSafetyTests extends KaribuTest {

    @Autowired OficioService oficios;
    @Autowired ReviewService review;
    @Autowired InvitationService invitations;

    private UUID draft() {
        loginAs(Acting.DRAFTER);
        return oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC/DGE"), "Informe de bacheo",
                "<p>Se solicita el informe mensual.</p>", Map.of()));
    }

    private static TextField subject() {
        return _get(TextField.class, spec -> spec.withLabel("Asunto"));
    }

    private static void poll() {
        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
    }

    @Test
    void an_open_draft_with_unsaved_changes_saves_itself_on_the_next_poll() {
        UUID id = draft();
        int before = oficios.get(id).version();
        UI.getCurrent().navigate("oficios/" + id + "/editar");
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(DraftEditor.AUTOSAVE_MILLIS);
        poll(); // nothing changed: nothing saved
        assertThat(oficios.get(id).version()).isEqualTo(before);

        _setValue(subject(), "Informe de bacheo, octubre");
        poll();
        assertThat(oficios.get(id).subject()).isEqualTo("Informe de bacheo, octubre");
        assertThat(_get(Span.class, spec -> spec.withId("save-state")).getText()).startsWith("Guardado automáticamente");
        assertThat(_find(DraftEditorView.class)).hasSize(1); // still editing
    }

    @Test
    void leaving_with_unsaved_changes_asks_and_saving_there_keeps_them() {
        UUID id = draft();
        UI.getCurrent().navigate("oficios/" + id + "/editar");
        _setValue(subject(), "Asunto que no debe perderse");
        UI.getCurrent().navigate("oficios");
        assertThat(_find(DraftEditorView.class)).hasSize(1); // the navigation waits for an answer
        ConfirmDialog dialog = _get(ConfirmDialog.class);
        ComponentUtil.fireEvent(dialog, new ConfirmDialog.ConfirmEvent(dialog, false));
        assertThat(oficios.get(id).subject()).isEqualTo("Asunto que no debe perderse");
        assertThat(_find(DraftEditorView.class)).isEmpty();

        UI.getCurrent().navigate("oficios/" + id + "/editar");
        UI.getCurrent().navigate("oficios"); // nothing unsaved: no question
        assertThat(_find(ConfirmDialog.class)).isEmpty();
        assertThat(_find(DraftEditorView.class)).isEmpty();
    }

    @Test
    void an_autosave_over_a_text_that_changed_meanwhile_merges_and_offers_to_reload() {
        UUID id = draft();
        UI.getCurrent().navigate("oficios/" + id + "/editar");
        // the author's other tab saves a new body meanwhile
        var current = oficios.get(id);
        oficios.saveDraft(id, new DraftContent(current.recipientUnitId(), current.subject(),
                "<p>Se solicita el informe mensual y sus anexos.</p>", Map.of()), current.version());

        _setValue(subject(), "Informe de bacheo con anexos");
        poll();
        var saved = oficios.get(id);
        assertThat(saved.subject()).isEqualTo("Informe de bacheo con anexos");
        assertThat(RichText.toPlainText(saved.bodyHtml())).isEqualTo("Se solicita el informe mensual y sus anexos.");
        RichTextEditor body = _get(RichTextEditor.class, spec -> spec.withId("body"));
        assertThat(RichText.toPlainText(body.getValue())).isEqualTo("Se solicita el informe mensual."); // not replaced while typing

        _setValue(subject(), "Informe de bacheo con anexos, octubre"); // a later autosave still merges
        poll();
        assertThat(oficios.get(id).subject()).isEqualTo("Informe de bacheo con anexos, octubre");
        assertThat(RichText.toPlainText(oficios.get(id).bodyHtml())).isEqualTo("Se solicita el informe mensual y sus anexos.");

        _click(_get(Button.class, spec -> spec.withId("reload-merged")));
        assertThat(RichText.toPlainText(body.getValue())).isEqualTo("Se solicita el informe mensual y sus anexos.");
    }

    @Test
    void an_invited_editor_writes_over_the_text_and_the_save_becomes_their_suggestions() {
        UUID id = draft();
        invitations.invite(id, acting.personId(Acting.RECIPIENT), DraftAccess.EDITOR); // gtorres drafts in SEC/DGE
        loginAs(Acting.RECIPIENT);
        UI.getCurrent().navigate("oficios/" + id + "/sugerir");
        assertThat(_get(SuggestionEditorView.class)).isNotNull();
        _setValue(subject(), "Informe de bacheo 2026");
        _setValue(_get(RichTextEditor.class, spec -> spec.withId("body")), "<p>Se solicita el informe trimestral.</p>");
        _click(_get(Button.class, spec -> spec.withId("save-draft")));

        assertThat(_find(ReviewView.class)).hasSize(1); // on to the review page
        assertThat(oficios.get(id).subject()).isEqualTo("Informe de bacheo"); // the text itself is the author's
        loginAs(Acting.DRAFTER);
        var pending = review.changes(id).pending();
        assertThat(pending).extracting(c -> c.target()).containsExactlyInAnyOrder(ChangeTarget.BODY, ChangeTarget.SUBJECT);
        assertThat(pending).allSatisfy(c -> assertThat(c.authorName()).isEqualTo(acting.fullName(Acting.RECIPIENT)));

        loginAs(Acting.OTHER_UNIT_DRAFTER); // not invited
        UI.getCurrent().navigate("oficios/" + id + "/sugerir");
        assertThat(_find(SuggestionEditorView.class)).isEmpty();
    }
}
