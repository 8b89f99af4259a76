package org.rubrica.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.rubrica.audit.Trail;
import org.rubrica.audit.TrailEntry;
import org.rubrica.drafting.DraftContent;
import org.rubrica.drafting.IllegalTransitionException;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.OficioStatus;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The slice through the services: draft, save, send, inbox, read; with the rules that guard each step. */
@RubricaTest
class OficioJourneyTests {

    @Autowired Acting acting;
    @Autowired OficioService oficios;
    @Autowired DeliveryService delivery;
    @Autowired Trail trail;
    @Autowired org.rubrica.drafting.ReviewService review;
    @Autowired org.rubrica.SignedOficios signedOficios;

    @AfterEach
    void logout() {
        acting.nobody();
    }

    private UUID draft(String subject) {
        acting.as(Acting.DRAFTER);
        return oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC/DGE"), subject,
                "<p>Solicito información sobre la matrícula de educación básica.</p><script>alert(1)</script>",
                Map.of()));
    }

    @Test
    void a_signed_oficio_sent_to_another_unit_reaches_its_inbox_unread_and_is_read_once_opened() {
        UUID id = draft("Matrícula escolar 2026");
        assertThat(oficios.get(id).bodyHtml()).doesNotContain("script").contains("matrícula");

        signedOficios.signAndSend(id);
        assertThat(oficios.get(id).status()).isEqualTo(OficioStatus.SENT);

        acting.as(Acting.RECIPIENT);
        InboxItem item = delivery.myInbox().stream().filter(i -> i.oficioId().equals(id)).findFirst().orElseThrow();
        assertThat(item.unread()).isTrue();
        assertThat(item.subject()).isEqualTo("Matrícula escolar 2026");
        assertThat(item.senderUnitName()).isEqualTo("Dirección de Obras Públicas");
        assertThat(oficios.pdf(id)).startsWith("%PDF".getBytes());

        delivery.recordOpened(id);
        delivery.recordOpened(id); // a second opening keeps the first receipt
        InboxItem read = delivery.myInbox().stream().filter(i -> i.oficioId().equals(id)).findFirst().orElseThrow();
        assertThat(read.unread()).isFalse();
        assertThat(read.readByName()).isEqualTo("Gabriela Torres Espinoza");

        assertThat(trail.of(id)).extracting(TrailEntry::type)
                .containsSubsequence("CREATED", "NUMBERED", "SIGNED", "SENT", "DELIVERED", "READ");
    }

    @Test
    void the_head_of_the_recipient_unit_also_sees_its_inbox() {
        UUID id = draft("Para el director");
        signedOficios.signAndSend(id);
        acting.as(Acting.RECIPIENT_HEAD);
        assertThat(delivery.myInbox()).extracting(InboxItem::oficioId).contains(id);
    }

    @Test
    void a_person_of_another_unit_cannot_see_a_draft_and_learns_nothing_about_it() {
        UUID id = draft("Borrador reservado");
        acting.as(Acting.OTHER_UNIT_DRAFTER);
        assertThatThrownBy(() -> oficios.get(id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> oficios.pdf(id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> trail.of(id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> delivery.send(id)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void the_recipient_does_not_see_a_draft_before_it_is_sent() {
        UUID id = draft("Todavía no enviado");
        acting.as(Acting.RECIPIENT);
        assertThatThrownBy(() -> oficios.get(id)).isInstanceOf(NotFoundException.class);
        assertThat(delivery.myInbox()).extracting(InboxItem::oficioId).doesNotContain(id);
    }

    @Test
    void an_unsigned_draft_cannot_be_sent() {
        UUID id = draft("Sin firma");
        assertThatThrownBy(() -> delivery.send(id)).isInstanceOf(IllegalTransitionException.class);
        assertThat(oficios.get(id).status()).isEqualTo(OficioStatus.DRAFT);
        acting.as(Acting.RECIPIENT);
        assertThat(delivery.myInbox()).extracting(InboxItem::oficioId).doesNotContain(id);
    }

    @Test
    void an_oficio_is_sent_only_once_and_cannot_be_edited_afterwards() {
        UUID id = draft("Una sola vez");
        signedOficios.signAndSend(id);
        assertThatThrownBy(() -> delivery.send(id)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> oficios.saveDraft(id, oficios.get(id).content(), oficios.get(id).version()))
                .isInstanceOf(AccessDeniedException.class);
        acting.as(Acting.RECIPIENT);
        assertThat(delivery.myInbox().stream().filter(i -> i.oficioId().equals(id))).hasSize(1);
    }

    @Test
    void a_save_against_an_outdated_version_never_overwrites_and_keeps_the_clash_as_a_pending_change() {
        UUID id = draft("Versión inicial");
        var loaded = oficios.get(id);
        var first = new DraftContent(loaded.recipientUnitId(), "Primera edición", loaded.bodyHtml(), Map.of());
        var second = new DraftContent(loaded.recipientUnitId(), "Segunda edición", loaded.bodyHtml(), Map.of());
        oficios.saveDraft(id, first, loaded.version());
        assertThat(oficios.saveDraft(id, second, loaded.version()).conflicts()).isEqualTo(1);
        assertThat(oficios.get(id).subject()).isEqualTo("Primera edición");
        assertThat(review.changes(id).pending()).singleElement()
                .satisfies(c -> assertThat(c.added()).isEqualTo("Segunda edición"))
                .satisfies(c -> assertThat(c.conflict()).isTrue());
    }

    @Test
    void drafts_need_a_recipient_a_subject_and_a_body() {
        acting.as(Acting.DRAFTER);
        long sec = acting.unitId("SEC/DGE");
        assertThatThrownBy(() -> oficios.startDraft("oficio", new DraftContent(null, "Asunto", "<p>Texto</p>", Map.of())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("recipient"));
        assertThatThrownBy(() -> oficios.startDraft("oficio", new DraftContent(sec, "  ", "<p>Texto</p>", Map.of())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("subject"));
        assertThatThrownBy(() -> oficios.startDraft("oficio", new DraftContent(sec, "Asunto", "<p> </p>", Map.of())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("body"));
        assertThatThrownBy(() -> oficios.startDraft("oficio",
                new DraftContent(acting.unitId("SOP/DOP"), "Asunto", "<p>Texto</p>", Map.of())))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("oficio.recipient.same-unit"));
    }

    @Test
    void only_drafters_start_oficios() {
        acting.as(Acting.RECIPIENT_HEAD); // a signer and reviewer, not a drafter
        assertThatThrownBy(() -> oficios.startDraft("oficio",
                new DraftContent(acting.unitId("SOP/DOP"), "Asunto", "<p>Texto</p>", Map.of())))
                .isInstanceOf(AccessDeniedException.class);
    }
}
