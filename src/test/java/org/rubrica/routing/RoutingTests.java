package org.rubrica.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.rubrica.audit.Trail;
import org.rubrica.audit.TrailEntry;
import org.rubrica.directory.Directory;
import org.rubrica.directory.DirectoryAdministration;
import org.rubrica.directory.Membership;
import org.rubrica.directory.Person;
import org.rubrica.directory.PersonForm;
import org.rubrica.directory.Role;
import org.rubrica.drafting.DraftContent;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.OficioStatus;
import org.rubrica.notifications.Notification;
import org.rubrica.notifications.Notifications;
import org.rubrica.routing.RouteModels.Decision;
import org.rubrica.routing.RouteModels.StepKind;
import org.rubrica.routing.RouteModels.StepMode;
import org.rubrica.routing.RouteModels.StepPlan;
import org.rubrica.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** A draft's route: submit, decide, request changes, resubmit, approve; and the rules that guard each step. */
@RubricaTest
class RoutingTests {

    static final String SECRETARY = "Ing. Sergio Ramírez Treviño";        // SOP, reviewer and signer
    static final String DIRECTOR = "Arq. Beatriz Elena Campos Rangel";    // SOP/DOP, signer

    @Autowired Acting acting;
    @Autowired OficioService oficios;
    @Autowired RoutingService routing;
    @Autowired org.rubrica.drafting.ReviewService review;
    @Autowired Trail trail;
    @Autowired Notifications notifications;
    @Autowired Directory directory;
    @Autowired DirectoryAdministration administration;
    @Autowired org.rubrica.directory.Delegations delegations;

    @AfterEach
    void logout() {
        acting.nobody();
    }


    private void as(String fullName) {
        acting.as(acting.person(fullName).username());
    }

    private UUID routedDraft(String subject) {
        acting.as(Acting.DRAFTER);
        UUID id = oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC/DGE"), subject,
                "<p>Se solicita el informe.</p>", Map.of()));
        routing.setRoute(id, List.of(
                new StepPlan(StepKind.REVIEW, StepMode.ALL, List.of(acting.person(SECRETARY).id()), null),
                new StepPlan(StepKind.SIGN, StepMode.ANY, List.of(acting.person(DIRECTOR).id()), null)));
        return id;
    }

    private List<String> kinds(long personId, UUID oficioId) {
        return notifications.mine().stream().filter(n -> oficioId.equals(n.oficioId())).map(Notification::kind).toList();
    }

    @Test
    void reviewer_requests_changes_drafter_fixes_reviewer_approves_signer_approves_and_the_trail_tells_it() {
        UUID id = routedDraft("Programa de bacheo");
        routing.submit(id);
        assertThat(oficios.get(id).status()).isEqualTo(OficioStatus.IN_REVIEW);

        as(SECRETARY);
        assertThat(routing.myPending()).extracting(RouteModels.PendingItem::oficioId).contains(id);
        assertThat(kinds(acting.person(SECRETARY).id(), id)).containsExactly("REVIEW_WAITING");
        assertThatThrownBy(() -> routing.decide(id, Decision.CHANGES_REQUESTED, " "))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("routing.comment-required"));
        routing.decide(id, Decision.CHANGES_REQUESTED, "Precise el periodo del informe.");
        assertThat(routing.myPending()).extracting(RouteModels.PendingItem::oficioId).doesNotContain(id);
        var working = review.working(id); // and leaves a suggestion with the request
        review.suggest(id, new DraftContent(working.content().recipientUnitId(), working.content().subject(),
                "<p>Se solicita el informe del trimestre.</p>", working.content().fields()), working.baseVersion(), null);

        acting.as(Acting.DRAFTER);
        var d = oficios.get(id);
        assertThat(d.status()).isEqualTo(OficioStatus.CHANGES_REQUESTED);
        assertThat(kinds(acting.personId(Acting.DRAFTER), id)).containsExactly("DECIDED_CHANGES_REQUESTED");
        assertThat(review.changes(id).pending()).singleElement()
                .satisfies(c -> assertThat(c.authorName()).isEqualTo(SECRETARY));
        oficios.saveDraft(id, new DraftContent(d.recipientUnitId(), d.subject(),
                "<p>Se solicita el informe del tercer trimestre.</p>", d.fields()), d.version());
        routing.submit(id);

        as(SECRETARY);
        routing.decide(id, Decision.APPROVED, null);
        as(DIRECTOR);
        assertThat(routing.route(id).canDecide()).isTrue();
        routing.decide(id, Decision.APPROVED, "Procede.");

        acting.as(Acting.DRAFTER);
        assertThat(oficios.get(id).status()).isEqualTo(OficioStatus.APPROVED);
        assertThat(kinds(acting.personId(Acting.DRAFTER), id)).contains("ROUTE_COMPLETED", "DECIDED_APPROVED");
        assertThat(trail.of(id)).extracting(TrailEntry::type).containsExactly("CREATED", "SUBMITTED",
                "REVIEW_CHANGES_REQUESTED", "SUGGESTED", "EDITED", "SUBMITTED", "REVIEW_APPROVED", "SIGN_APPROVED", "ROUTE_COMPLETED");
        var route = routing.route(id);
        assertThat(route.round()).isEqualTo(2);
        assertThat(route.steps()).allSatisfy(s -> assertThat(s.members()).allSatisfy(
                m -> assertThat(m.decision()).isEqualTo(Decision.APPROVED)));
    }

    @Test
    void a_step_that_is_not_yours_or_decided_twice_is_refused_and_concurrent_clicks_count_once() throws Exception {
        UUID id = routedDraft("Una sola decisión");
        routing.submit(id);
        as(DIRECTOR); // on the route, but at step 2
        assertThatThrownBy(() -> routing.decide(id, Decision.APPROVED, null)).isInstanceOf(AccessDeniedException.class);
        acting.as(Acting.DRAFTER); // the author is not on it at all
        assertThatThrownBy(() -> routing.decide(id, Decision.APPROVED, null)).isInstanceOf(AccessDeniedException.class);

        String secretary = acting.person(SECRETARY).username();
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<String>> clicks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clicks.add(() -> {
                acting.as(secretary);
                go.await();
                try {
                    routing.decide(id, Decision.APPROVED, null);
                    return "ok";
                } catch (InvalidInputException e) {
                    return e.messageKey();
                } finally {
                    acting.nobody();
                }
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(clicks.size());
        List<String> outcomes = new ArrayList<>();
        try {
            List<Future<String>> futures = clicks.stream().map(pool::submit).toList();
            go.countDown();
            for (Future<String> f : futures) {
                outcomes.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(outcomes).containsOnlyOnce("ok");
        assertThat(outcomes.stream().filter(o -> !o.equals("ok"))).allMatch(o -> o.equals("routing.already-decided"));
        as(DIRECTOR);
        assertThat(routing.route(id).currentPosition()).isEqualTo(2);
    }

    @Test
    void a_route_without_a_signer_cannot_be_submitted_and_bad_routes_are_refused_at_their_step() {
        acting.as(Acting.DRAFTER);
        UUID id = oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC/DGE"), "Sin firmante",
                "<p>Texto.</p>", Map.of()));
        routing.setRoute(id, List.of(new StepPlan(StepKind.REVIEW, StepMode.ALL, List.of(acting.person(SECRETARY).id()), null)));
        assertThatThrownBy(() -> routing.submit(id)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageKey()).isEqualTo("routing.no-signer"));
        assertThat(oficios.get(id).status()).isEqualTo(OficioStatus.DRAFT);

        assertThatThrownBy(() -> routing.setRoute(id, List.of(new StepPlan(StepKind.SIGN, StepMode.ALL,
                List.of(acting.personId(Acting.RECIPIENT)), null))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageKey()).isEqualTo("routing.not-a-signer"));
        assertThatThrownBy(() -> routing.setRoute(id, List.of(new StepPlan(StepKind.SIGN, StepMode.ALL,
                List.of(acting.person(DIRECTOR).id(), acting.person(DIRECTOR).id()), null))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageKey()).isEqualTo("routing.person-twice"));
        assertThatThrownBy(() -> routing.setRoute(id, List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageKey()).isEqualTo("routing.no-steps"));

        acting.as(Acting.OTHER_UNIT_DRAFTER); // not the author's
        assertThatThrownBy(() -> routing.submit(id)).isInstanceOf(org.rubrica.shared.NotFoundException.class);
    }

    @Test
    void a_person_who_loses_the_role_mid_route_cannot_act_on_it() {
        UUID id = routedDraft("Rol perdido");
        routing.submit(id);
        as(SECRETARY);
        routing.decide(id, Decision.APPROVED, null);

        acting.as(Acting.ADMIN);
        Person director = acting.person(DIRECTOR);
        Set<Membership> roles = Set.copyOf(directory.memberships(director.id()));
        Set<Membership> reduced = roles.stream()
                .filter(m -> m.role() != Role.SIGNER && m.role() != Role.REVIEWER).collect(Collectors.toSet());
        reduced.add(new Membership(director.unitId(), Role.DRAFTER));
        administration.savePerson(new PersonForm(director.id(), director.username(), director.fullName(), director.cargo(),
                director.email(), director.unitId(), true, null, reduced));
        try {
            as(DIRECTOR);
            assertThatThrownBy(() -> routing.decide(id, Decision.APPROVED, null)).isInstanceOf(AccessDeniedException.class);
            acting.as(Acting.DRAFTER);
            assertThat(oficios.get(id).status()).isEqualTo(OficioStatus.IN_REVIEW);
        } finally { // the demo data is shared by the whole run
            acting.as(Acting.ADMIN);
            administration.savePerson(new PersonForm(director.id(), director.username(), director.fullName(),
                    director.cargo(), director.email(), director.unitId(), true, null, roles));
        }
    }

    @Test
    void the_substitute_of_the_absent_director_approves_the_signing_step_and_the_trail_names_both() {
        UUID id = routedDraft("Suplencia");
        routing.submit(id);
        as(SECRETARY);
        routing.decide(id, Decision.APPROVED, null);

        Person substitute = acting.person(SECRETARY); // the secretary stands in for the director while she is away
        as(DIRECTOR);
        java.time.LocalDate today = java.time.LocalDate.now();
        assertThatThrownBy(() -> delegations.delegate(acting.person(DIRECTOR).id(), false, true, today, today))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageKey()).isEqualTo("delegation.self"));
        assertThatThrownBy(() -> delegations.delegate(substitute.id(), false, true, today.minusDays(3), today.minusDays(1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageKey()).isEqualTo("delegation.past"));
        long granted = delegations.delegate(substitute.id(), false, true, today, today.plusDays(7));
        try {
            assertThatThrownBy(() -> delegations.delegate(acting.person(SECRETARY).id(), true, true, today.plusDays(2), today.plusDays(9)))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("delegation.overlaps"));

            as(SECRETARY);
            assertThat(routing.myPending()).filteredOn(p -> p.oficioId().equals(id)).singleElement()
                    .satisfies(p -> assertThat(p.onBehalfOf()).isEqualTo(DIRECTOR));
            assertThat(routing.route(id).canDecide()).isTrue();
            routing.decide(id, Decision.APPROVED, "Por ausencia de la directora.");
            assertThatThrownBy(() -> routing.decide(id, Decision.APPROVED, null))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("routing.already-decided"));

            acting.as(Acting.DRAFTER);
            assertThat(oficios.get(id).status()).isEqualTo(OficioStatus.APPROVED);
            TrailEntry signed = trail.of(id).stream().filter(e -> e.type().equals("SIGN_APPROVED_FOR")).findFirst().orElseThrow();
            assertThat(signed.actorName()).isEqualTo(SECRETARY);
            assertThat(signed.detail()).contains(DIRECTOR, "Por ausencia de la directora.");
            var step = routing.route(id).steps().get(1).members().getFirst();
            assertThat(step.fullName()).isEqualTo(DIRECTOR);
            assertThat(step.actedByName()).isEqualTo(SECRETARY);
        } finally {
            as(DIRECTOR);
            delegations.revoke(granted);
        }
        as(SECRETARY);
        assertThat(delegations.standingInFor(substitute.id(), org.rubrica.directory.Delegations.Duty.SIGN)).isEmpty();
    }

    @Test
    void a_signer_approves_a_pile_at_once_and_one_that_fails_does_not_stop_the_rest() {
        acting.as(Acting.DRAFTER);
        List<UUID> pile = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID id = oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC/DGE"), "Lote " + i,
                    "<p>Texto.</p>", Map.of()));
            routing.setRoute(id, List.of(new StepPlan(StepKind.SIGN, StepMode.ANY, List.of(acting.person(DIRECTOR).id()), null)));
            routing.submit(id);
            pile.add(id);
        }
        UUID notHers = routedDraft("No es de ella todavía");
        routing.submit(notHers); // waits for the secretary's review first

        as(DIRECTOR);
        routing.decide(pile.get(1), Decision.APPROVED, null); // decided already, from its page
        var results = routing.approveAll(List.of(pile.get(0), pile.get(1), notHers, pile.get(2)));
        assertThat(results).extracting(RoutingService.BatchResult::approved).containsExactly(true, false, false, true);
        assertThat(results.get(1).reasonKey()).isEqualTo("routing.already-decided");
        assertThat(results.get(2).reasonKey()).isEqualTo("routing.batch.not-yours");
        acting.as(Acting.DRAFTER);
        assertThat(pile).allSatisfy(id -> assertThat(oficios.get(id).status()).isEqualTo(OficioStatus.APPROVED));
        assertThat(oficios.get(notHers).status()).isEqualTo(OficioStatus.IN_REVIEW);
    }

    @Test
    void a_units_usual_route_fills_a_draft_that_has_none_and_other_units_are_not_affected() {
        String treasurer = "C.P. Ricardo Salazar Montes";     // TES
        String director = "Lic. Martín Orozco Villanueva";   // head of TES/DE
        as(director); // the head of TES/DE keeps its routes
        routing.savePreset("oficio", List.of(
                new StepPlan(StepKind.REVIEW, StepMode.ALL, List.of(acting.person(treasurer).id()), null),
                new StepPlan(StepKind.SIGN, StepMode.ALL, List.of(acting.person(director).id()), null)));
        acting.as(Acting.OTHER_UNIT_DRAFTER); // a drafter of TES/DE cannot change it
        assertThatThrownBy(() -> routing.savePreset(null, List.of())).isInstanceOf(AccessDeniedException.class);
        UUID id = oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC/DGE"), "Con ruta habitual",
                "<p>Texto.</p>", Map.of()));
        assertThat(routing.presetFor(id)).hasSize(2);
        routing.submit(id);
        assertThat(routing.route(id).steps()).extracting(RouteModels.StepView::kind)
                .containsExactly(StepKind.REVIEW, StepKind.SIGN);

        acting.as(Acting.DRAFTER); // SOP/DOP has no usual route
        UUID other = oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC/DGE"), "Sin ruta",
                "<p>Texto.</p>", Map.of()));
        assertThat(routing.presetFor(other)).isEmpty();
        assertThatThrownBy(() -> routing.submit(other)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageKey()).isEqualTo("routing.no-signer"));
    }

    @Test
    void in_review_the_author_changes_only_the_steps_not_reached_and_the_trail_records_it() {
        UUID id = routedDraft("Ruta que cambia en revisión");
        routing.submit(id);
        StepPlan reached = new StepPlan(StepKind.REVIEW, StepMode.ALL, List.of(acting.person(SECRETARY).id()), null);

        as(SECRETARY); // on the route, but not its author
        assertThatThrownBy(() -> routing.setRoute(id, List.of(reached))).isInstanceOf(AccessDeniedException.class);

        acting.as(Acting.DRAFTER);
        assertThat(routing.route(id).canEdit()).isTrue();
        assertThat(routing.route(id).canSubmit()).isFalse();
        assertThat(routing.route(id).fixedSteps()).isEqualTo(1);
        assertThatThrownBy(() -> routing.setRoute(id, List.of(
                new StepPlan(StepKind.REVIEW, StepMode.ANY, List.of(acting.person(SECRETARY).id()), null),
                new StepPlan(StepKind.SIGN, StepMode.ALL, List.of(acting.person(DIRECTOR).id()), null))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("routing.step-reached");
                    assertThat(e.arguments()).containsExactly(1);
                });
        assertThatThrownBy(() -> routing.setRoute(id, List.of(reached)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("routing.no-signer-left"));

        // a second review before the signature, and the signature open to either head
        routing.setRoute(id, List.of(reached,
                new StepPlan(StepKind.REVIEW, StepMode.ALL, List.of(acting.person(DIRECTOR).id()), null),
                new StepPlan(StepKind.SIGN, StepMode.ANY, List.of(acting.person(DIRECTOR).id(), acting.person(SECRETARY).id()), null)));
        assertThat(routing.route(id).steps()).extracting(RouteModels.StepView::kind)
                .containsExactly(StepKind.REVIEW, StepKind.REVIEW, StepKind.SIGN);
        assertThat(trail.of(id)).extracting(TrailEntry::type).contains("ROUTE_CHANGED");
        assertThat(trail.of(id)).filteredOn(e -> e.type().equals("ROUTE_CHANGED")).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("2. Revisión (visto bueno): " + DIRECTOR, "3. Firma: "));

        as(SECRETARY);
        routing.decide(id, Decision.APPROVED, null);
        as(DIRECTOR); // the new step was reached: it is now theirs, and fixed
        assertThat(routing.myPending()).extracting(RouteModels.PendingItem::oficioId).contains(id);
        acting.as(Acting.DRAFTER);
        assertThat(routing.route(id).fixedSteps()).isEqualTo(2);
        assertThatThrownBy(() -> routing.setRoute(id, List.of(reached,
                new StepPlan(StepKind.SIGN, StepMode.ALL, List.of(acting.person(DIRECTOR).id()), null))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("routing.step-reached"));
        as(DIRECTOR);
        routing.decide(id, Decision.APPROVED, null);
        as(SECRETARY); // the signature is open to either head: both are waited for
        assertThat(routing.myPending()).extracting(RouteModels.PendingItem::oficioId).contains(id);
        as(DIRECTOR);
        routing.decide(id, Decision.APPROVED, null);
        as(SECRETARY); // one signed ("any"): the other is no longer waited for
        assertThat(routing.myPending()).extracting(RouteModels.PendingItem::oficioId).doesNotContain(id);
        acting.as(Acting.DRAFTER);
        assertThat(oficios.get(id).status()).isEqualTo(OficioStatus.APPROVED);
        assertThatThrownBy(() -> routing.setRoute(id, List.of(reached))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_drafter_marks_a_draft_urgent_and_reviewers_see_it_first_when_they_sort_by_priority() {
        UUID normal = routedDraft("Prioridad normal");
        routing.submit(normal);
        UUID urgent = routedDraft("Prioridad urgente");
        oficios.setPriority(urgent, org.rubrica.drafting.Priority.URGENT);
        assertThat(oficios.get(urgent).priority()).isEqualTo(org.rubrica.drafting.Priority.URGENT);
        assertThat(trail.of(urgent)).extracting(TrailEntry::type).contains("PRIORITY_URGENT");
        routing.submit(urgent);
        assertThatThrownBy(() -> oficios.setPriority(urgent, org.rubrica.drafting.Priority.NORMAL))
                .isInstanceOf(RuntimeException.class); // in review, the text and its priority are fixed

        as(SECRETARY);
        assertThatThrownBy(() -> oficios.setPriority(normal, org.rubrica.drafting.Priority.URGENT))
                .isInstanceOf(RuntimeException.class);
        var byPriority = new RouteModels.PendingQuery(null, "prioridad", false, false, RouteModels.PendingOrder.PRIORITY, false);
        List<RouteModels.PendingItem> items = routing.myPending(byPriority, 0, 50).stream()
                .filter(p -> p.oficioId().equals(normal) || p.oficioId().equals(urgent)).toList();
        assertThat(items).extracting(RouteModels.PendingItem::oficioId).containsExactly(urgent, normal);
        assertThat(items.getFirst().priority()).isEqualTo(org.rubrica.drafting.Priority.URGENT);
        var urgentOnly = new RouteModels.PendingQuery(null, "PRIORIDAD", false, true, RouteModels.PendingOrder.DUE, false);
        assertThat(routing.myPending(urgentOnly, 0, 50)).extracting(RouteModels.PendingItem::oficioId)
                .contains(urgent).doesNotContain(normal);
        assertThat(routing.countMyPending(urgentOnly)).isEqualTo(routing.myPending(urgentOnly, 0, 500).size());
    }

    /** The lifecycle's one state machine: every pair of statuses, allowed or not, as the design says. */
    @Test
    void every_allowed_and_every_forbidden_status_transition() {
        Map<OficioStatus, Set<OficioStatus>> allowed = Map.of(
                OficioStatus.DRAFT, EnumSet.of(OficioStatus.IN_REVIEW, OficioStatus.CANCELLED),
                OficioStatus.IN_REVIEW, EnumSet.of(OficioStatus.APPROVED, OficioStatus.CHANGES_REQUESTED, OficioStatus.CANCELLED),
                OficioStatus.CHANGES_REQUESTED, EnumSet.of(OficioStatus.DRAFT, OficioStatus.IN_REVIEW, OficioStatus.CANCELLED),
                OficioStatus.APPROVED, EnumSet.of(OficioStatus.SIGNED, OficioStatus.CANCELLED),
                OficioStatus.SIGNED, EnumSet.of(OficioStatus.SENT, OficioStatus.ANNULLED),
                OficioStatus.SENT, EnumSet.of(OficioStatus.ANNULLED),
                OficioStatus.CANCELLED, EnumSet.noneOf(OficioStatus.class),
                OficioStatus.ANNULLED, EnumSet.noneOf(OficioStatus.class));
        for (OficioStatus from : OficioStatus.values()) {
            for (OficioStatus to : OficioStatus.values()) {
                assertThat(from.canBecome(to)).as(from + " → " + to).isEqualTo(allowed.get(from).contains(to));
            }
        }
        UUID id = routedDraft("Transición prohibida");
        assertThatThrownBy(() -> oficios.moveAlongRoute(id, OficioStatus.DRAFT, OficioStatus.APPROVED))
                .isInstanceOf(org.rubrica.drafting.IllegalTransitionException.class);
        assertThatThrownBy(() -> oficios.moveAlongRoute(id, OficioStatus.IN_REVIEW, OficioStatus.APPROVED))
                .isInstanceOf(org.rubrica.drafting.StaleDraftException.class); // it is not in review
        assertThat(oficios.get(id).status()).isEqualTo(OficioStatus.DRAFT);
    }
}
