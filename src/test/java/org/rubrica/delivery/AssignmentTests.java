package org.rubrica.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.rubrica.audit.Trail;
import org.rubrica.audit.TrailEntry;
import org.rubrica.directory.Person;
import org.rubrica.drafting.DraftContent;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.Priority;
import org.rubrica.notifications.Notification;
import org.rubrica.notifications.Notifications;
import org.rubrica.routing.RouteModels.PendingItem;
import org.rubrica.routing.RouteModels.PendingOrder;
import org.rubrica.routing.RouteModels.PendingQuery;
import org.rubrica.routing.RouteModels.Work;
import org.rubrica.routing.RoutingService;
import org.rubrica.routing.internal.DeadlineReminders;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The receiving office turns a received oficio to people of its unit: it becomes their pending work with its due
 * date, they are told and reminded, their head hears when it is late, and it ends when attended or withdrawn.
 */
@RubricaTest
class AssignmentTests {

    static final String OFFICE = "Verónica Pérez Solís";        // SEC's receiving office (oficialía de partes)
    static final String MANAGER = "Emilio Castro Valdés";       // SEC/DCU, below SEC
    static final String HIS_HEAD = "Lic. Natalia Bravo Quiroga"; // head of SEC/DCU

    @Autowired Acting acting;
    @Autowired OficioService oficios;
    @Autowired DeliveryService delivery;
    @Autowired ReceiptService receipts;
    @Autowired org.rubrica.SignedOficios signedOficios;
    @Autowired RoutingService routing;
    @Autowired Notifications notifications;
    @Autowired DeadlineReminders reminders;
    @Autowired Trail trail;

    @AfterEach
    void logout() {
        acting.nobody();
    }


    private void as(String fullName) {
        acting.as(acting.person(fullName).username());
    }

    private List<String> notified(String fullName, UUID oficioId) {
        as(fullName);
        return notifications.mine().stream().filter(n -> oficioId.equals(n.oficioId())).map(Notification::kind).toList();
    }

    private UUID receivedBySec(String subject) {
        acting.as(Acting.DRAFTER);
        UUID id = oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC"), subject, "<p>Texto.</p>", Map.of()));
        oficios.setPriority(id, Priority.URGENT);
        signedOficios.signAndSend(id);
        as(OFFICE);
        receipts.register(id, acting.unitId("SEC")); // registered before it is turned
        return id;
    }

    @Test
    void an_oficio_is_turned_only_after_its_receipt_is_registered_and_not_once_archived() {
        acting.as(Acting.DRAFTER);
        UUID id = oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC"), "Turno sin registro",
                "<p>Texto.</p>", Map.of()));
        signedOficios.signAndSend(id);
        long sec = acting.unitId("SEC");
        Person manager = acting.person(MANAGER);
        as(OFFICE);
        assertThat(delivery.turnableUnits(id)).isEmpty();
        assertThat(refused(() -> delivery.assign(id, sec, List.of(manager.id()), null, null)).messageKey())
                .isEqualTo("delivery.receipt.first");
        assertThat(refused(() -> delivery.archive(id, sec)).messageKey()).isEqualTo("delivery.receipt.first");

        receipts.register(id, sec);
        assertThat(delivery.turnableUnits(id)).containsExactly(sec);
        assertThat(delivery.assign(id, sec, List.of(manager.id()), null, null)).isEqualTo(1);
        delivery.archive(id, sec);
        delivery.archive(id, sec); // archiving twice is archiving once
        assertThat(refused(() -> delivery.assign(id, sec, List.of(acting.person(OFFICE).id()), null, null))
                .messageKey()).isEqualTo("delivery.stage.archived");
        assertThat(refused(() -> delivery.forward(id, sec, acting.unitId("SAY/DAC"), null)).messageKey())
                .isEqualTo("delivery.stage.archived");
    }

    private static InvalidInputException refused(Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    @Test
    void the_office_turns_it_to_a_manager_who_finds_it_pending_with_its_due_date_and_marks_it_attended() {
        UUID id = receivedBySec("Solicitud de apoyo para el festival");
        long sec = acting.unitId("SEC");
        Person manager = acting.person(MANAGER);
        Instant due = Instant.now().plus(Duration.ofDays(2));

        as(OFFICE);
        assertThat(delivery.assignableUnits(id)).containsExactly(sec);
        assertThat(refused(() -> delivery.assign(id, sec, List.of(), null, null)).messageKey())
                .isEqualTo("delivery.assign.nobody");
        assertThat(refused(() -> delivery.assign(id, sec, List.of(acting.personId(Acting.DRAFTER)), null, null)))
                .satisfies(e -> assertThat(e.messageKey()).isEqualTo("delivery.assign.outside-unit"))
                .satisfies(e -> assertThat(e.arguments()).contains("Ing. Miguel López Serrano"));
        assertThat(refused(() -> delivery.assign(id, sec, List.of(manager.id()), null, Instant.now().minusSeconds(60)))
                .messageKey()).isEqualTo("delivery.assign.due-past");
        assertThat(delivery.assign(id, sec, List.of(manager.id()), "Prepare la respuesta con el programa.", due))
                .isEqualTo(1);
        assertThat(delivery.assign(id, sec, List.of(manager.id()), "Otra vez", due)).isZero(); // one assignment
        assertThat(delivery.assignments(id)).singleElement()
                .satisfies(a -> assertThat(a.instructions()).isEqualTo("Prepare la respuesta con el programa."));

        as(MANAGER); // he may now read it, finds it pending and was told
        assertThat(oficios.get(id).subject()).isEqualTo("Solicitud de apoyo para el festival");
        var mine = new PendingQuery(Work.ASSIGNED, "festival", false, false, PendingOrder.DUE, false);
        assertThat(routing.myPending(mine, 0, 50)).singleElement().satisfies(p -> {
            assertThat(p.oficioId()).isEqualTo(id);
            assertThat(p.work()).isEqualTo(Work.ASSIGNED);
            assertThat(p.dueAt()).isCloseTo(due, within(1, ChronoUnit.MILLIS));
            assertThat(p.priority()).isEqualTo(Priority.URGENT);
        });
        assertThat(notified(MANAGER, id)).containsExactly("ASSIGNED");

        acting.as(Acting.DRAFTER); // the sending side does not see how the recipient shares out its work
        assertThat(delivery.assignments(id)).isEmpty();
        assertThat(trail.of(id)).extracting(TrailEntry::type).contains("SENT").doesNotContain("ASSIGNED");
        assertThatThrownBy(() -> delivery.unassign(id, sec, manager.id())).isInstanceOf(AccessDeniedException.class);
        acting.as(Acting.OTHER_UNIT_DRAFTER);
        assertThatThrownBy(() -> delivery.assign(id, sec, List.of(manager.id()), null, null))
                .isInstanceOf(NotFoundException.class);

        as(MANAGER);
        delivery.markAttended(id);
        assertThat(routing.myPending(mine, 0, 50)).isEmpty();
        assertThat(refused(() -> delivery.markAttended(id)).messageKey()).isEqualTo("delivery.assign.not-open");
        assertThat(trail.of(id)).extracting(TrailEntry::type).containsSubsequence("ASSIGNED", "ASSIGNMENT_DONE");
    }

    @Test
    void a_late_assignment_is_reminded_then_escalated_to_the_head_and_withdrawing_it_reassigns_the_work() {
        UUID id = receivedBySec("Informe de bibliotecas");
        long sec = acting.unitId("SEC");
        Person manager = acting.person(MANAGER);
        Person head = acting.person(HIS_HEAD);
        Instant due = Instant.now().plus(Duration.ofDays(5));
        as(OFFICE);
        delivery.assign(id, sec, List.of(manager.id()), null, due);
        acting.nobody();

        reminders.remind(due.minus(Duration.ofHours(12)));
        assertThat(notified(MANAGER, id)).containsExactly("ASSIGNED_DUE_SOON", "ASSIGNED");
        acting.nobody();
        reminders.remind(due.plus(Duration.ofHours(1)));
        assertThat(notified(MANAGER, id)).containsExactly("ASSIGNED_OVERDUE", "ASSIGNED_DUE_SOON", "ASSIGNED");
        assertThat(notified(HIS_HEAD, id)).containsExactly("ASSIGNED_ESCALATED");

        as(OFFICE); // reassigned to his head
        delivery.unassign(id, sec, manager.id());
        delivery.assign(id, sec, List.of(head.id()), "Atienda usted, por favor.", null);
        as(MANAGER);
        assertThat(routing.myPending(new PendingQuery(Work.ASSIGNED, "bibliotecas", false, false, PendingOrder.DUE,
                false), 0, 50)).isEmpty();
        assertThat(oficios.get(id).id()).isEqualTo(id); // it was his work: he may still read it
        as(HIS_HEAD);
        assertThat(routing.myPending(PendingQuery.all(), 0, 500)).extracting(PendingItem::oficioId).contains(id);
        assertThat(delivery.assignments(id)).extracting(Assignment::open).containsExactly(true); // hers only
        as(OFFICE);
        assertThat(delivery.assignments(id)).extracting(Assignment::open).containsExactly(false, true);
        assertThat(trail.of(id)).extracting(TrailEntry::type)
                .containsSubsequence("ASSIGNED", "ESCALATED", "ASSIGNMENT_REMOVED", "ASSIGNED");
        acting.as(Acting.DRAFTER);
        assertThat(trail.of(id)).extracting(TrailEntry::type).doesNotContain("ASSIGNED", "ESCALATED", "ASSIGNMENT_REMOVED");

        as(OFFICE); // turned to him again with a new date: he is reminded afresh
        delivery.unassign(id, sec, head.id());
        delivery.assign(id, sec, List.of(manager.id()), null, due.plus(Duration.ofDays(10)));
        acting.nobody();
        reminders.remind(due.plus(Duration.ofDays(10)).minus(Duration.ofHours(12)));
        assertThat(notified(MANAGER, id)).filteredOn("ASSIGNED_DUE_SOON"::equals).hasSize(2);
    }
}
