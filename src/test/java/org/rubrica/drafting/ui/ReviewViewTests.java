package org.rubrica.drafting.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.KaribuTest;
import org.rubrica.directory.Directory;
import org.rubrica.directory.Person;
import org.rubrica.drafting.ChangeStatus;
import org.rubrica.drafting.DraftAccess;
import org.rubrica.drafting.DraftContent;
import org.rubrica.drafting.InvitationService;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.ReviewService;
import org.rubrica.notifications.Notifications;
import org.rubrica.templates.RichText;
import org.springframework.beans.factory.annotation.Autowired;

class ReviewViewTests extends KaribuTest {

    @Autowired OficioService oficios;
    @Autowired ReviewService review;
    @Autowired InvitationService invitations;
    @Autowired Notifications notifications;
    @Autowired Directory directory;

    private UUID draft() {
        loginAs(Acting.DRAFTER);
        return oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC/DGE"), "Informe de bacheo",
                "<p>Se solicita el informe mensual del programa.</p>", Map.of()));
    }

    private static void tab(int index) {
        _get(TabSheet.class).setSelectedIndex(index);
    }

    private void suggest(UUID id, String who, String body) {
        loginAs(who);
        var w = review.working(id);
        review.suggest(id, new DraftContent(w.content().recipientUnitId(), w.content().subject(), body,
                w.content().fields()), w.baseVersion(), null);
    }

    @Test
    void the_owner_invites_a_colleague_who_is_notified_and_can_then_suggest() {
        UUID id = draft();
        loginAs(Acting.OTHER_UNIT_DRAFTER);
        int unreadBefore = notifications.unreadCount(); // other tests share the database
        loginAs(Acting.DRAFTER);
        UI.getCurrent().navigate("oficios/" + id + "/revision");
        tab(3);
        @SuppressWarnings("unchecked")
        ComboBox<Person> person = _get(ComboBox.class, spec -> spec.withId("invite-person"));
        person.setValue(directory.people().stream().filter(p -> p.username().equals(Acting.OTHER_UNIT_DRAFTER)).findFirst().orElseThrow());
        @SuppressWarnings("unchecked")
        Select<DraftAccess> access = _get(Select.class, spec -> spec.withId("invite-access"));
        access.setValue(DraftAccess.EDITOR);
        _click(_get(Button.class, spec -> spec.withId("invite")));
        assertThat(invitations.invitations(id)).singleElement()
                .satisfies(i -> assertThat(i.access()).isEqualTo(DraftAccess.EDITOR));

        loginAs(Acting.OTHER_UNIT_DRAFTER);
        assertThat(notifications.unreadCount()).isEqualTo(unreadBefore + 1);
        assertThat(notifications.mine().getFirst().kind()).isEqualTo("INVITED_EDITOR");
        UI.getCurrent().navigate("avisos");
        assertThat(_find(Div.class, spec -> spec.withClasses("notification unread"))).hasSize(unreadBefore + 1);
        UI.getCurrent().navigate("oficios/compartidos");
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._size(_get(com.vaadin.flow.component.grid.Grid.class)))
                .isGreaterThanOrEqualTo(1);
        UI.getCurrent().navigate("oficios/" + id + "/revision");
        assertThat(_get(Button.class, spec -> spec.withId("review-edit")).getText()).isEqualTo("Sugerir cambios");
        tab(3);
        assertThat(_find(Button.class, spec -> spec.withId("invite"))).isEmpty(); // only the owner invites
    }

    @Test
    void the_owner_accepts_one_suggestion_and_rejects_another_from_the_list_beside_the_redline() {
        UUID id = draft();
        invitations.invite(id, acting.personId(Acting.OTHER_UNIT_DRAFTER), DraftAccess.EDITOR);
        suggest(id, Acting.OTHER_UNIT_DRAFTER, "<p>Se solicita el informe trimestral del programa de bacheo.</p>"
                + "<p><img src=x onerror=alert(1)>fin<script>alert(2)</script></p>");

        loginAs(Acting.DRAFTER);
        UI.getCurrent().navigate("oficios/" + id + "/revision");
        String redline = _find(Html.class).stream().map(Html::getInnerHtml).reduce("", String::concat);
        assertThat(redline).contains("trimestral", "rl-ins").doesNotContain("onerror", "<script", "<img");

        var pending = review.changes(id).pending();
        assertThat(pending).hasSizeGreaterThanOrEqualTo(2);
        var quarterly = pending.stream().filter(c -> c.added().contains("trimestral")).findFirst().orElseThrow();
        var other = pending.stream().filter(c -> c.id() != quarterly.id()).findFirst().orElseThrow();
        _click(_get(Button.class, spec -> spec.withId("accept-" + quarterly.id())));
        _click(_get(Button.class, spec -> spec.withId("reject-" + other.id())));

        assertThat(RichText.toPlainText(oficios.get(id).bodyHtml())).contains("trimestral");
        assertThat(review.changes(id).changes()).filteredOn(c -> c.id() == other.id())
                .singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(ChangeStatus.REJECTED));
        assertThat(_find(Button.class, spec -> spec.withId("accept-" + quarterly.id()))).isEmpty();

        tab(2);
        _click(_get(Button.class, spec -> spec.withId("revision-compare")));
        assertThat(_find(Html.class, spec -> spec.withClasses("redline")).stream().map(Html::getInnerHtml)
                .reduce("", String::concat)).contains("<del", "mensual", "<ins", "trimestral");
    }

    @Test
    void a_comment_with_a_mention_notifies_the_person_named() {
        UUID id = draft();
        invitations.invite(id, acting.personId(Acting.RECIPIENT), DraftAccess.READER);
        UI.getCurrent().navigate("oficios/" + id + "/revision");
        tab(1);
        _setValue(_get(TextArea.class, spec -> spec.withId("comment-quote")), "informe mensual");
        _setValue(_get(TextArea.class, spec -> spec.withId("comment-text")), "@gtorres ¿es el formato correcto?");
        _click(_get(Button.class, spec -> spec.withId("comment-send")));
        tab(1);
        assertThat(_find(Div.class, spec -> spec.withClasses("comment-thread"))).hasSize(1);

        loginAs(Acting.RECIPIENT);
        assertThat(notifications.mine()).filteredOn(n -> id.equals(n.oficioId())).extracting(n -> n.kind())
                .containsExactly("MENTIONED", "INVITED_READER");
    }
}
