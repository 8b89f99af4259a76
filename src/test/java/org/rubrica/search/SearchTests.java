package org.rubrica.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.rubrica.SignedOficios;
import org.rubrica.delivery.DeliveryService;
import org.rubrica.delivery.InboxItem;
import org.rubrica.drafting.DraftContent;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.OficioStatus;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Search finds words without regard to accents or case, in the number, subject, body and recipients, pages by a
 * cursor, and never returns what the person may not see: a confidential oficio stays hidden from the receiving
 * office and from auditors, by search as by id.
 */
@RubricaTest
class SearchTests {

    @Autowired Acting acting;
    @Autowired OficioService oficios;
    @Autowired SearchService search;
    @Autowired SignedOficios signedOficios;
    @Autowired DeliveryService delivery;
    @Autowired org.rubrica.delivery.ReceiptService receipts;
    @Autowired org.rubrica.drafting.ReplyService replies;
    @Autowired org.rubrica.drafting.RecipientService recipients;

    @AfterEach
    void logout() {
        acting.nobody();
    }

    private UUID draft(String subject, String body) {
        acting.as(Acting.DRAFTER);
        return oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC/DGE"), subject, body, Map.of()));
    }

    private List<UUID> found(String words) {
        return search.search(SearchQuery.words(words), null, 50).hits().stream().map(SearchHit::oficioId).toList();
    }

    @Test
    void words_are_found_without_accents_or_case_in_subject_body_number_and_recipients() {
        UUID id = draft("Programa de Educación ambiental", "<p>Reforestación de las áreas verdes escolares.</p>");
        assertThat(found("educacion")).contains(id);
        assertThat(found("EDUCACIÓN AMBIENTAL")).contains(id);
        assertThat(found("reforestacion")).contains(id);
        assertThat(found("\"direccion general de educacion\"")).contains(id); // the recipient unit
        assertThat(found("educacion -ambiental")).doesNotContain(id);

        signedOficios.signAndSend(id);
        String number = oficios.get(id).number();
        assertThat(found(number)).contains(id);
        acting.as(Acting.RECIPIENT); // delivered: the receiving office finds it too
        assertThat(found("reforestacion escolares")).contains(id);
        acting.as(Acting.OTHER_UNIT_DRAFTER);
        assertThat(found("reforestacion escolares")).doesNotContain(id);
    }

    @Test
    void a_confidential_oficio_is_found_only_by_the_people_named_on_it() {
        UUID id = draft("Expediente reservado de personal", "<p>Datos de la investigación administrativa Xochitlán.</p>");
        oficios.setConfidential(id, true);
        UUID open = draft("Aviso general Xochitlán", "<p>Aviso para todas las áreas.</p>");
        signedOficios.signAndSend(id);
        signedOficios.signAndSend(open);

        acting.as(Acting.DRAFTER);
        assertThat(found("xochitlan")).contains(id, open);
        acting.as(Acting.RECIPIENT_HEAD); // the head of the recipient unit is named on it
        assertThat(found("xochitlan")).contains(id, open);
        assertThat(delivery.myInbox()).extracting(InboxItem::oficioId).contains(id);

        for (String outsider : List.of(Acting.RECIPIENT, Acting.AUDITOR, Acting.OTHER_UNIT_DRAFTER)) {
            acting.as(outsider); // the receiving office at large, an auditor, another unit
            assertThat(found("xochitlan")).as(outsider).doesNotContain(id);
            assertThat(found("investigacion administrativa")).as(outsider).doesNotContain(id);
            assertThatThrownBy(() -> oficios.get(id)).as(outsider).isInstanceOf(NotFoundException.class);
            assertThat(delivery.myInbox()).as(outsider).extracting(InboxItem::oficioId).doesNotContain(id);
        }
        acting.as(Acting.RECIPIENT);
        assertThat(found("xochitlan")).contains(open);
    }

    @Test
    void a_reply_to_a_confidential_oficio_is_confidential_too() {
        UUID id = draft("Queja reservada Tlacotalpan", "<p>Detalle de la queja.</p>");
        oficios.setConfidential(id, true);
        recipients.setOthers(id, List.of(new org.rubrica.drafting.Recipient(org.rubrica.drafting.Recipient.Addressing.TO,
                0, acting.personId(Acting.RECIPIENT)))); // addressed to her: she is named on it
        signedOficios.signAndSend(id);
        acting.as(Acting.RECIPIENT);
        UUID reply = replies.startReply(id);
        assertThat(oficios.get(reply).confidential()).isTrue();
        acting.as(Acting.AUDITOR);
        assertThatThrownBy(() -> oficios.get(reply)).isInstanceOf(NotFoundException.class);
        assertThat(found("tlacotalpan")).isEmpty();
    }

    @Test
    void pages_follow_a_cursor_and_filters_narrow_the_results() {
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            made.add(draft("Bitácora de mantenimiento Quetzal " + i, "<p>Registro.</p>"));
        }
        acting.as(Acting.DRAFTER);
        List<UUID> seen = new ArrayList<>();
        String next = null;
        do {
            SearchPage page = search.search(SearchQuery.words("quetzal"), next, 3);
            assertThat(page.hits()).hasSizeLessThanOrEqualTo(3);
            page.hits().forEach(h -> seen.add(h.oficioId()));
            next = page.next();
        } while (next != null);
        assertThat(seen).containsExactlyElementsOf(made.reversed()); // newest first, each once

        var drafts = new SearchQuery("quetzal", "OFICIO", OficioStatus.DRAFT, acting.unitId("SEC/DGE"), null, null,
                SearchQuery.Due.ANY);
        assertThat(search.search(drafts, null, 50).hits()).hasSize(7);
        var sent = new SearchQuery("quetzal", null, OficioStatus.SENT, null, null, null, SearchQuery.Due.ANY);
        assertThat(search.search(sent, null, 50).hits()).isEmpty();
        var overdue = new SearchQuery("quetzal", null, null, null, null, null, SearchQuery.Due.OVERDUE);
        assertThat(search.search(overdue, null, 50).hits()).isEmpty();

        assertThatThrownBy(() -> search.search(SearchQuery.words("quetzal"), "no-es-un-cursor", 3))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("search.cursor"));
        assertThatThrownBy(() -> search.search(SearchQuery.words("quetzal"), null, 0))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void due_and_overdue_are_what_is_due_from_the_person_or_their_unit_and_nobody_else() {
        UUID id = draft("Informe de inventario Zacatlán", "<p>Solicitud de informe.</p>");
        signedOficios.signAndSend(id);
        long unit = acting.unitId("SEC/DGE");
        acting.as(Acting.RECIPIENT);
        receipts.register(id, unit);
        long assistant = acting.personId(Acting.RECIPIENT);
        delivery.assign(id, unit, List.of(assistant), "Preparar el informe.",
                java.time.Instant.now().plus(java.time.Duration.ofDays(3)));

        var due = new SearchQuery("zacatlan", null, null, null, null, null, SearchQuery.Due.DUE);
        var overdue = new SearchQuery("zacatlan", null, null, null, null, null, SearchQuery.Due.OVERDUE);
        assertThat(search.search(due, null, 10).hits()).extracting(SearchHit::oficioId).containsExactly(id);
        assertThat(search.search(overdue, null, 10).hits()).isEmpty(); // not yet
        acting.as(Acting.RECIPIENT_HEAD); // the unit's head follows its work
        assertThat(search.search(due, null, 10).hits()).extracting(SearchHit::oficioId).containsExactly(id);
        acting.as(Acting.DRAFTER); // the sender does not see how the recipient schedules it
        assertThat(search.search(due, null, 10).hits()).isEmpty();
        assertThat(found("zacatlan")).containsExactly(id);

        acting.as(Acting.RECIPIENT);
        delivery.markAttended(id);
        assertThat(search.search(due, null, 10).hits()).isEmpty();
    }
}
