package org.rubrica.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.rubrica.SignedOficios;
import org.rubrica.audit.Trail;
import org.rubrica.audit.TrailEntry;
import org.rubrica.directory.Person;
import org.rubrica.drafting.OficioDetails;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.RecipientLine;
import org.rubrica.drafting.RecipientService;
import org.rubrica.drafting.ReplyService;
import org.rubrica.drafting.ThreadItem;
import org.rubrica.routing.RouteModels;
import org.rubrica.routing.RoutingService;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Issue 7's story through the services: an oficio signed in Obras Públicas reaches Educación, whose receiving
 * office registers it (entry number and sealed acknowledgement) and turns it; the person it was turned to answers
 * with a reply citing it, which her director signs and she sends back. The conversation and the trail are there
 * for those allowed, with the receiving unit's internal steps kept to itself, and nothing for anyone else.
 */
@RubricaTest
class ReplyStoryTests {

    @Autowired Acting acting;
    @Autowired OficioService oficios;
    @Autowired SignedOficios signedOficios;
    @Autowired DeliveryService delivery;
    @Autowired ReceiptService receipts;
    @Autowired Outbox outbox;
    @Autowired ReplyService replies;
    @Autowired RecipientService recipients;
    @Autowired RoutingService routing;
    @Autowired Trail trail;

    @AfterEach
    void logout() {
        acting.nobody();
    }

    @Test
    void an_oficio_is_received_assigned_and_answered_and_the_thread_shows_to_those_allowed() throws Exception {
        UUID original = signedOficios.sent("Solicitud de matrícula por escuela");
        String number = oficios.get(original).number();
        Person assistant = acting.person("Gabriela Torres Espinoza"); // SEC/DGE receiving office and drafter
        Person director = acting.person("Prof. Alfonso Cervantes Duarte"); // head of SEC/DGE
        long unit = acting.unitId("SEC/DGE");

        acting.as(assistant.username());
        assertThat(delivery.myInbox()).extracting(InboxItem::oficioId).contains(original);
        String entryNumber = receipts.register(original, unit).entryNumber();
        delivery.assign(original, unit, List.of(assistant.id()), "Preparar la respuesta.", null);

        UUID reply = replies.startReply(original);
        OficioDetails draft = oficios.get(reply);
        assertThat(draft.templateCode()).isEqualTo("respuesta");
        assertThat(draft.recipientUnitId()).isEqualTo(acting.unitId("SOP/DOP"));
        assertThat(draft.fields()).containsEntry("oficio_referido_numero", number)
                .containsEntry("oficio_referido_asunto", "Solicitud de matrícula por escuela")
                .containsKey("oficio_referido_fecha");
        assertThat(recipients.lines(reply)).extracting(RecipientLine::personName)
                .contains(acting.fullName(Acting.DRAFTER)); // the original's author, for her attention
        try (var pdf = Loader.loadPDF(oficios.pdf(reply))) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ")).contains(number);
        }

        routing.setRoute(reply, List.of(new RouteModels.StepPlan(RouteModels.StepKind.SIGN, RouteModels.StepMode.ALL,
                List.of(director.id()), null)));
        routing.submit(reply);
        acting.as(director.username());
        routing.decide(reply, RouteModels.Decision.APPROVED, null);
        signedOficios.sign(reply, director, "264813");
        acting.as(assistant.username());
        delivery.send(reply);

        // the original's author finds the answer in her inbox and the whole conversation on either oficio
        acting.as(Acting.DRAFTER);
        assertThat(delivery.myInbox()).filteredOn(i -> i.oficioId().equals(reply)).singleElement()
                .satisfies(i -> assertThat(i.forMe()).isTrue());
        assertThat(replies.thread(reply)).extracting(ThreadItem::id).containsExactly(original, reply);
        assertThat(replies.thread(original)).extracting(ThreadItem::inReplyTo).containsExactly(null, original);
        assertThat(outbox.statusOf(original)).singleElement().satisfies(s -> {
            assertThat(s.stage()).isEqualTo(RecipientStatus.Stage.ANSWERED);
            assertThat(s.entryNumber()).isEqualTo(entryNumber);
            assertThat(s.acknowledged()).isTrue();
        });
        List<String> senderSees = trail.of(original).stream().map(TrailEntry::type).toList();
        assertThat(senderSees).containsSubsequence("SENT", "DELIVERED", "RECEIVED", "ACKNOWLEDGED", "ANSWERED")
                .doesNotContain("ASSIGNED"); // how the recipient shares out its work stays with it
        acting.as(assistant.username());
        assertThat(trail.of(original)).extracting(TrailEntry::type).contains("ASSIGNED", "ANSWERED");
        assertThatThrownBy(() -> outbox.statusOf(original)).isInstanceOf(AccessDeniedException.class);

        // nobody else finds either oficio or the conversation
        acting.as(Acting.OTHER_UNIT_DRAFTER);
        for (UUID id : List.of(original, reply)) {
            assertThatThrownBy(() -> oficios.get(id)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> replies.thread(id)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> trail.of(id)).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void the_receiving_office_forwards_with_a_note_and_archives_and_only_a_recipient_drafter_replies() {
        UUID id = signedOficios.sent("Programa de lectura en bibliotecas");
        long unit = acting.unitId("SEC/DGE");
        long culture = acting.unitId("SEC/DCU");
        assertThatThrownBy(() -> replies.startReply(id)).isInstanceOf(AccessDeniedException.class); // its sender

        acting.as(Acting.RECIPIENT);
        delivery.forward(id, unit, culture, "Para su atención, compete a Cultura.");
        assertThatThrownBy(() -> delivery.forward(id, unit, culture, null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("delivery.forward.already"));
        receipts.register(id, unit); // archived once registered
        delivery.archive(id, unit);
        assertThat(delivery.myInbox()).filteredOn(i -> i.oficioId().equals(id)).singleElement()
                .satisfies(i -> assertThat(i.archived()).isTrue());

        acting.as(acting.person("Lic. Natalia Bravo Quiroga").username()); // head of SEC/DCU
        assertThat(delivery.myInbox()).filteredOn(i -> i.oficioId().equals(id)).singleElement()
                .satisfies(i -> assertThat(i.forwardedFrom()).isEqualTo("SEC/DGE"));
        assertThat(oficios.get(id).subject()).isEqualTo("Programa de lectura en bibliotecas");
        assertThat(receipts.register(id, culture).entryNumber()).startsWith("SEC/DCU/E-");

        acting.as(Acting.RECIPIENT); // the unit's own handling is on its side of the trail
        assertThat(trail.of(id)).extracting(TrailEntry::type).contains("FORWARDED", "ARCHIVED");
        acting.as(Acting.DRAFTER); // the sender follows the stages, not the unit's notes
        assertThat(trail.of(id)).extracting(TrailEntry::type).doesNotContain("FORWARDED", "ARCHIVED");
        assertThat(outbox.statusOf(id)).extracting(RecipientStatus::stage)
                .containsExactlyInAnyOrder(RecipientStatus.Stage.ARCHIVED, RecipientStatus.Stage.RECEIVED);
        assertThat(RecipientStatus.Stage.ANSWERED.allows(RecipientStatus.Stage.Action.ASSIGN)).isFalse();
    }
}
