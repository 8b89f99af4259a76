package org.rubrica.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.rubrica.SignedOficios;
import org.rubrica.audit.Trail;
import org.rubrica.audit.TrailEntry;
import org.rubrica.directory.CurrentActor;
import org.rubrica.directory.DirectoryAdministration;
import org.rubrica.directory.UnitForm;
import org.rubrica.directory.UnitKind;
import org.rubrica.drafting.DraftContent;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.OficioStatus;
import org.rubrica.drafting.Recipient;
import org.rubrica.drafting.RecipientLine;
import org.rubrica.drafting.RecipientService;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.NotFoundException;
import org.rubrica.signing.PadesSignatures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sending to several recipients (addressed, copied, a person), and the receiving office's receipt: entry number
 * and sealed acknowledgement, idempotent.
 */
@RubricaTest
class ReceivingTests {

    @Autowired Acting acting;
    @Autowired OficioService oficios;
    @Autowired RecipientService recipients;
    @Autowired DeliveryService delivery;
    @Autowired ReceiptService receipts;
    @Autowired SignedOficios signedOficios;
    @Autowired Trail trail;
    @Autowired PadesSignatures signatures;
    @Autowired DirectoryAdministration administration;
    @Autowired CurrentActor currentActor;
    @Autowired JdbcClient jdbc;
    @Autowired org.rubrica.directory.Directory directory;

    @AfterEach
    void logout() {
        acting.nobody();
    }

    private UUID draft(String subject) {
        acting.as(Acting.DRAFTER);
        return oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC/DGE"), subject,
                "<p>Se informa el calendario de obras.</p>", Map.of()));
    }

    @Test
    void one_send_reaches_the_addressee_other_units_a_copy_and_a_person_and_nobody_else() {
        UUID id = draft("Calendario de obras");
        long manager = acting.person("Emilio Castro Valdés").id(); // SEC/DCU, neither head nor receiving office
        List<Recipient> kept = recipients.setOthers(id, List.of(
                Recipient.to(acting.unitId("SAY/DAC")),
                Recipient.copy(acting.unitId("TES/DE")),
                new Recipient(Recipient.Addressing.TO, 0, manager), // the unit comes from the person
                Recipient.copy(acting.unitId("SEC/DGE")),           // the addressee already has it
                Recipient.copy(acting.unitId("SAY/DAC"))));         // addressed and copied: addressed
        assertThat(kept).hasSize(3);
        assertThat(recipients.lines(id)).extracting(RecipientLine::addressing, RecipientLine::unitCode,
                        RecipientLine::personName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Recipient.Addressing.TO, "SEC/DGE", null),
                        org.assertj.core.groups.Tuple.tuple(Recipient.Addressing.TO, "SAY/DAC", null),
                        org.assertj.core.groups.Tuple.tuple(Recipient.Addressing.CC, "TES/DE", null),
                        org.assertj.core.groups.Tuple.tuple(Recipient.Addressing.TO, "SEC/DCU", "Emilio Castro Valdés"));

        signedOficios.signAndSend(id);

        assertThat(jdbc.sql("SELECT count(*) FROM delivery_inbox_entry WHERE oficio_id = ?").param(id)
                .query(Integer.class).single()).isEqualTo(4);
        acting.as(acting.person("Luis Ángel Domínguez Peña").username()); // SAY/DAC's receiving office
        assertThat(delivery.myInbox()).filteredOn(i -> i.oficioId().equals(id)).singleElement()
                .satisfies(i -> assertThat(i.addressing()).isEqualTo(Recipient.Addressing.TO));
        acting.as(acting.person("Lic. Martín Orozco Villanueva").username()); // head of TES/DE
        assertThat(delivery.myInbox()).filteredOn(i -> i.oficioId().equals(id)).singleElement()
                .satisfies(i -> assertThat(i.addressing()).isEqualTo(Recipient.Addressing.CC));
        acting.as(acting.person("Emilio Castro Valdés").username());
        assertThat(delivery.myInbox()).filteredOn(i -> i.oficioId().equals(id)).singleElement()
                .satisfies(i -> assertThat(i.forMe()).isTrue());
        assertThat(oficios.get(id).subject()).isEqualTo("Calendario de obras");

        acting.as(Acting.OTHER_UNIT_DRAFTER); // TES/DE, but not who receives for it
        assertThatThrownBy(() -> oficios.get(id)).isInstanceOf(NotFoundException.class);
        assertThat(delivery.myInbox()).extracting(InboxItem::oficioId).doesNotContain(id);

        acting.as(Acting.DRAFTER);
        List<TrailEntry> entries = trail.of(id);
        assertThat(entries).filteredOn(e -> e.type().equals("SENT")).singleElement()
                .satisfies(e -> assertThat(e.detail()).endsWith("+3"));
        assertThat(entries).filteredOn(e -> e.type().equals("DELIVERED")).hasSize(4);
    }

    @Test
    void the_sender_units_own_agency_and_every_other_takes_a_circular_in_one_action() {
        UUID id = draft("Circular de vacaciones");
        var agencies = directory.agencies();
        recipients.setOthers(id, agencies.stream().map(a -> Recipient.to(a.id())).toList());
        signedOficios.signAndSend(id);
        assertThat(jdbc.sql("SELECT count(*) FROM delivery_inbox_entry WHERE oficio_id = ?").param(id)
                .query(Integer.class).single()).isEqualTo(agencies.size() + 1);
    }

    @Test
    void bad_recipients_are_refused_with_a_reason_and_change_nothing() {
        UUID id = draft("Destinatarios inválidos");
        assertThatThrownBy(() -> recipients.setOthers(id, List.of(Recipient.to(acting.unitId("SOP/DOP")))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("oficio.recipient.same-unit"));
        assertThatThrownBy(() -> recipients.setOthers(id, List.of(new Recipient(Recipient.Addressing.TO, 0, -5L))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("oficio.recipients.unknown-person"));
        assertThat(recipients.others(id)).isEmpty();
        acting.as(Acting.OTHER_UNIT_DRAFTER);
        assertThatThrownBy(() -> recipients.setOthers(id, List.of(Recipient.copy(acting.unitId("SAY")))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_recipient_unit_deactivated_after_drafting_stops_the_send_and_nothing_is_delivered() {
        acting.as(Acting.ADMIN);
        String code = "SEC/T" + Long.toString(System.nanoTime() % 100000, 36).toUpperCase();
        long unit = administration.saveUnit(new UnitForm(null, acting.unitId("SEC"), code, "Unidad temporal",
                UnitKind.DEPARTMENT, null, true));
        UUID id = draft("A una unidad que cierra");
        recipients.setOthers(id, List.of(Recipient.copy(unit)));
        signedOficios.signDraft(id);
        acting.as(Acting.ADMIN);
        administration.saveUnit(new UnitForm(unit, acting.unitId("SEC"), code, "Unidad temporal", UnitKind.DEPARTMENT,
                null, false));

        acting.as(Acting.DRAFTER);
        assertThatThrownBy(() -> delivery.send(id)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("oficio.recipients.inactive");
            assertThat(e.arguments()).containsExactly(code + " · Unidad temporal");
        });
        assertThat(oficios.get(id).status()).isEqualTo(OficioStatus.SIGNED);
        assertThat(jdbc.sql("SELECT count(*) FROM delivery_inbox_entry WHERE oficio_id = ?").param(id)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void a_receipt_registered_twice_or_twice_at_once_gives_one_entry_number_and_one_sealed_acknowledgement()
            throws Exception {
        UUID id = signedOficios.sent("Recepción con folio");
        String number = oficios.get(id).number();
        acting.as(Acting.RECIPIENT);
        long unit = acting.unitId("SEC/DGE");

        var numbers = new java.util.concurrent.ConcurrentLinkedQueue<String>();
        var pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> both = List.of(
                    pool.submit(currentActor.onBehalf(() -> numbers.add(receipts.register(id, unit).entryNumber()))),
                    pool.submit(currentActor.onBehalf(() -> numbers.add(receipts.register(id, unit).entryNumber()))));
            for (Future<?> f : both) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(numbers).hasSize(2).containsOnly(numbers.peek());
        assertThat(numbers.peek()).matches("SEC/DGE/E-\\d{4}/\\d{4}");
        Receipt again = receipts.register(id, unit);
        assertThat(again.acknowledged()).isTrue();
        assertThat(again.receivedByName()).isEqualTo("Gabriela Torres Espinoza");
        assertThat(jdbc.sql("SELECT count(*) FROM delivery_acknowledgement WHERE oficio_id = ?").param(id)
                .query(Integer.class).single()).isEqualTo(1);

        // the next receipt of the unit takes the next number: no gap
        UUID next = signedOficios.sent("Recepción siguiente");
        acting.as(Acting.RECIPIENT);
        assertThat(sequence(receipts.register(next, unit).entryNumber())).isEqualTo(sequence(again.entryNumber()) + 1);

        // the acknowledgement validates and cites the oficio and its entry number; the sender's trail has both
        byte[] acuse = receipts.acknowledgementPdf(id, unit).orElseThrow();
        assertThat(signatures.validate(acuse).valid()).isTrue();
        java.nio.file.Files.write(java.nio.file.Path.of("target/acuse-de-recibo.pdf"), acuse); // for the README's picture
        try (var pdf = Loader.loadPDF(acuse)) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("ACUSE DE RECIBO", again.entryNumber(), number, "Recepción con folio");
        }
        acting.as(Acting.DRAFTER);
        assertThat(receipts.receipts(id)).singleElement()
                .satisfies(r -> assertThat(r.entryNumber()).isEqualTo(again.entryNumber()));
        assertThat(receipts.acknowledgementPdf(id, unit)).isPresent();
        assertThat(trail.of(id)).extracting(TrailEntry::type).containsSubsequence("DELIVERED", "RECEIVED", "ACKNOWLEDGED");
        acting.as(Acting.OTHER_UNIT_DRAFTER);
        assertThatThrownBy(() -> receipts.receipts(id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> receipts.register(id, unit)).isInstanceOf(NotFoundException.class);
    }

    private static int sequence(String entryNumber) {
        return Integer.parseInt(entryNumber.replaceAll(".*/E-(\\d+)/.*", "$1"));
    }
}
