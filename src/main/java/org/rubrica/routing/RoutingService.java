package org.rubrica.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.rubrica.directory.Actor;
import org.rubrica.directory.CurrentActor;
import org.rubrica.directory.Delegations;
import org.rubrica.directory.Directory;
import org.rubrica.directory.Person;
import org.rubrica.directory.Role;
import org.rubrica.drafting.OficioDetails;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.OficioStatus;
import org.rubrica.routing.RouteModels.Decision;
import org.rubrica.routing.RouteModels.MemberView;
import org.rubrica.routing.RouteModels.PendingItem;
import org.rubrica.routing.RouteModels.PendingQuery;
import org.rubrica.routing.RouteModels.RouteView;
import org.rubrica.routing.RouteModels.StepKind;
import org.rubrica.routing.RouteModels.StepMode;
import org.rubrica.routing.RouteModels.StepPlan;
import org.rubrica.routing.RouteModels.StepView;
import org.rubrica.routing.internal.RouteAudience;
import org.rubrica.routing.internal.RouteRepository;
import org.rubrica.routing.internal.RouteRepository.DecisionRow;
import org.rubrica.routing.internal.RouteRepository.RouteRow;
import org.rubrica.routing.internal.RouteRepository.StepRow;
import org.rubrica.shared.FoldedText;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An oficio's route from finished draft to "ready to sign": its owner plans the steps and submits it; at each
 * step its people approve, request changes (back to the drafter) or reject; the last approval leaves it
 * APPROVED. Every action locks the route, so a step is decided once per person however often they click.
 */
@Service
@Transactional
public class RoutingService {

    public static final int COMMENT_MAX = 2000;
    public static final int STEPS_MAX = 10;
    private static final int PENDING_LIMIT = 500;
    private static final java.util.Locale RECORD_LOCALE = java.util.Locale.forLanguageTag("es");

    private final RouteRepository routes;
    private final RouteAudience audience;
    private final Delegations delegations;
    private final OficioService oficios;
    private final Directory directory;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectProvider<RoutingService> selfProvider;
    private final MessageSource messages;

    RoutingService(RouteRepository routes, RouteAudience audience, Delegations delegations, OficioService oficios, Directory directory, CurrentActor currentActor,
                   ApplicationEventPublisher events, Clock clock, ObjectProvider<RoutingService> selfProvider,
                   MessageSource messages) {
        this.selfProvider = selfProvider;
        this.messages = messages;
        this.routes = routes;
        this.audience = audience;
        this.delegations = delegations;
        this.oficios = oficios;
        this.directory = directory;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The route with this round's decisions, for its author, its members and auditors; others who may see the
     * oficio (a recipient unit) get an empty route: the path inside the sending unit is not theirs to read.
     */
    @Transactional(readOnly = true)
    public RouteView route(UUID oficioId) {
        Actor actor = currentActor.require();
        OficioDetails oficio = oficios.get(oficioId);
        RouteRow route = routes.find(oficioId).orElse(new RouteRow(oficioId, 0, null));
        if (oficio.authorId() != actor.personId() && !actor.hasRole(Role.AUDITOR)
                && !audience.includes(actor, oficioId)) {
            return new RouteView(oficioId, oficio.status(), route.round(), null, List.of(), false, false, false, 0);
        }
        List<StepRow> steps = routes.steps(oficioId);
        List<DecisionRow> decisions = routes.decisions(oficioId, route.round());
        boolean inReview = oficio.status() == OficioStatus.IN_REVIEW;
        List<StepView> views = new ArrayList<>();
        boolean canDecide = false;
        Map<StepKind, List<Long>> standingInFor = new HashMap<>(); // one lookup per duty, not per member
        for (StepRow step : steps) {
            boolean current = inReview && route.currentPosition() != null && route.currentPosition() == step.position();
            List<MemberView> members = new ArrayList<>();
            for (long personId : routes.members(step.id())) {
                Person p = directory.person(personId);
                DecisionRow d = decisions.stream().filter(x -> x.position() == step.position() && x.personId() == personId)
                        .findFirst().orElse(null);
                members.add(new MemberView(personId, p.fullName(), p.cargo(), d == null ? null : d.decision(),
                        d == null ? null : d.comment(), d == null ? null : directory.person(d.actedBy()).fullName(),
                        d == null ? null : d.decidedAt()));
                canDecide |= current && d == null && (personId == actor.personId()
                        || standingInFor.computeIfAbsent(step.kind(),
                        k -> delegations.standingInFor(actor.personId(), duty(k))).contains(personId));
            }
            views.add(new StepView(step.position(), step.kind(), step.mode(), step.dueAt(), current, members));
        }
        boolean owner = oficio.can().canEdit();
        boolean author = inReview && oficio.authorId() == actor.personId() && route.currentPosition() != null;
        return new RouteView(oficioId, oficio.status(), route.round(), inReview ? route.currentPosition() : null, views,
                owner || author, owner && !steps.isEmpty(), canDecide, author ? route.currentPosition() : 0);
    }

    /**
     * Replaces the route of a draft its owner may edit; once submitted, its author may still change the steps
     * not reached yet: the plan repeats the reached ones as they are and rewrites the rest.
     *
     * @throws InvalidInputException for an empty step, an unknown or inactive person, a person twice in a step,
     *                               someone without the role the step needs, too many steps, a reached step
     *                               changed, or (once submitted) no signer left
     */
    public void setRoute(UUID oficioId, List<StepPlan> plan) {
        Actor actor = currentActor.require();
        OficioDetails oficio = oficios.get(oficioId);
        int reached = reachedSteps(oficio, actor, routes.lock(oficioId));
        List<StepRow> rows = new ArrayList<>();
        List<List<Long>> members = new ArrayList<>();
        for (StepPlan step : check(plan)) {
            rows.add(new StepRow(0, rows.size() + 1, step.kind(), step.mode() == null ? StepMode.ALL : step.mode(),
                    step.dueAt()));
            members.add(List.copyOf(new java.util.LinkedHashSet<>(step.personIds())));
        }
        if (reached == 0) {
            routes.replaceSteps(oficioId, rows, members);
            return;
        }
        List<StepRow> current = routes.steps(oficioId);
        for (int i = 0; i < reached; i++) {
            if (i >= rows.size() || !sameStep(current.get(i), rows.get(i), members.get(i))) {
                throw new InvalidInputException("routing.step-reached", "steps", i + 1);
            }
        }
        if (rows.stream().noneMatch(r -> r.kind() == StepKind.SIGN)) {
            throw new InvalidInputException("routing.no-signer-left", "steps");
        }
        if (sameSteps(current, rows, members)) {
            return; // nothing changed (a repeated request): nothing to record
        }
        routes.replaceStepsAfter(oficioId, reached, rows.subList(reached, rows.size()), members.subList(reached, members.size()));
        events.publishEvent(new RoutingEvents.RouteChanged(oficioId, actor.personId(), describe(rows, members),
                clock.instant()));
    }

    /**
     * How many leading steps are fixed for this actor: none on a draft its owner may edit; those up to the current
     * one on a route in review, for its author.
     */
    private int reachedSteps(OficioDetails oficio, Actor actor, RouteRow route) {
        if (oficio.can().canEdit()) {
            return 0;
        }
        if (oficio.status() == OficioStatus.IN_REVIEW && oficio.authorId() == actor.personId()
                && route.currentPosition() != null) {
            return route.currentPosition();
        }
        throw new AccessDeniedException(actor.username() + " may not route " + oficio.id());
    }

    private boolean sameSteps(List<StepRow> current, List<StepRow> rows, List<List<Long>> members) {
        if (current.size() != rows.size()) {
            return false;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (!sameStep(current.get(i), rows.get(i), members.get(i))) {
                return false;
            }
        }
        return true;
    }

    private boolean sameStep(StepRow stored, StepRow planned, List<Long> plannedMembers) {
        return stored.kind() == planned.kind() && stored.mode() == planned.mode()
                && java.util.Objects.equals(stored.dueAt(), planned.dueAt())
                && Set.copyOf(plannedMembers).equals(Set.copyOf(routes.members(stored.id())));
    }

    /**
     * The route in one line for the trail, in the institution's language (Spanish), as the record is kept:
     * "1. Revisión (visto bueno): Name, Name → 2. Firma: Name".
     */
    private String describe(List<StepRow> rows, List<List<Long>> members) {
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            steps.add(rows.get(i).position() + ". "
                    + messages.getMessage("route.kind." + rows.get(i).kind().name(), null, RECORD_LOCALE) + ": "
                    + String.join(", ", members.get(i).stream().map(id -> directory.person(id).fullName()).toList()));
        }
        return String.join(" → ", steps);
    }

    /**
     * A unit's usual route, for one template or (null) for all its drafts; kept by the unit's signers (heads).
     *
     * @throws InvalidInputException as {@link #setRoute} for a bad plan
     */
    public void savePreset(String templateCode, List<StepPlan> plan) {
        Actor actor = presetKeeper();
        check(plan);
        routes.savePreset(actor.unitId(), presetKey(templateCode), plan, actor.personId(), clock.instant());
    }

    /** The current head's unit's usual route for exactly this template (or, null, for all), empty if none. */
    @Transactional(readOnly = true)
    public List<StepPlan> unitPreset(String templateCode) {
        return routes.exactPreset(presetKeeper().unitId(), presetKey(templateCode)).orElse(List.of());
    }

    private Actor presetKeeper() {
        Actor actor = currentActor.require();
        if (!actor.hasRoleIn(actor.unitId(), Role.SIGNER)) {
            throw new AccessDeniedException(actor.username() + " does not keep " + actor.unitId() + "'s routes");
        }
        return actor;
    }

    private static String presetKey(String templateCode) {
        return templateCode == null || templateCode.isBlank() ? null : templateCode.strip();
    }

    /** The route a draft would start with: its sender unit's preset for its template, else the unit's general one. */
    @Transactional(readOnly = true)
    public List<StepPlan> presetFor(UUID oficioId) {
        OficioDetails oficio = oficios.get(oficioId);
        return routes.preset(oficio.senderUnitId(), oficio.templateCode()).orElse(List.of());
    }

    /** Plans the draft's route and sends it along it, in one step: a second click finds it sent and changes nothing. */
    public void submit(UUID oficioId, List<StepPlan> plan) {
        setRoute(oficioId, plan);
        submit(oficioId);
    }

    /** Sends a draft along its route (its unit's preset if it has none yet): it needs a signer; the first step is told. */
    public void submit(UUID oficioId) {
        Actor actor = currentActor.require();
        OficioDetails oficio = owned(oficioId, actor);
        RouteRow route = routes.lock(oficioId);
        if (routes.steps(oficioId).isEmpty()) {
            routes.preset(oficio.senderUnitId(), oficio.templateCode()).ifPresent(plan -> setRoute(oficioId, plan));
        }
        List<StepRow> steps = routes.steps(oficioId);
        if (steps.stream().noneMatch(s -> s.kind() == StepKind.SIGN)) {
            throw new InvalidInputException("routing.no-signer", "steps");
        }
        Instant now = clock.instant();
        oficios.moveAlongRoute(oficioId, oficio.status(), OficioStatus.IN_REVIEW);
        int round = route.round() + 1;
        routes.start(oficioId, round, actor.personId(), now, oficio.kind(), oficio.subject(), oficio.priority());
        events.publishEvent(new RoutingEvents.RouteSubmitted(oficioId, actor.personId(), round, now));
        reach(oficioId, steps.getFirst(), oficio.subject(), now);
    }

    /**
     * The current person's decision at the step now waiting for them.
     *
     * @throws InvalidInputException  when they already decided (a repeated request), or a comment is missing
     *                                where one is needed (changes requested, rejection) or too long
     * @throws AccessDeniedException  when the step waiting is not theirs, or they lost the role it needs
     */
    public void decide(UUID oficioId, Decision decision, String comment) {
        Actor actor = currentActor.require();
        OficioDetails oficio = oficios.get(oficioId); // refuses, as not found, whoever may not see it
        RouteRow route = routes.lock(oficioId);
        if (oficio.status() != OficioStatus.IN_REVIEW || route.currentPosition() == null) {
            boolean repeat = routes.decisions(oficioId, route.round()).stream().anyMatch(d -> d.actedBy() == actor.personId());
            throw new InvalidInputException(repeat ? "routing.already-decided" : "routing.not-in-review", "decision");
        }
        List<StepRow> steps = routes.steps(oficioId);
        StepRow step = steps.stream().filter(s -> s.position() == route.currentPosition()).findFirst().orElseThrow();
        List<Long> members = routes.members(step.id());
        long forPerson = actingFor(actor, step, members, route.round(), oficioId);
        Actor holder = forPerson == actor.personId() ? actor
                : directory.actor(directory.person(forPerson).username()).orElseThrow();
        if (!mayAct(holder, step.kind())) {
            throw new AccessDeniedException(holder.username() + " no longer holds the role this step needs");
        }
        String text = comment == null ? null : comment.strip();
        if (text != null && text.length() > COMMENT_MAX) {
            throw new InvalidInputException("validation.too-long", "comment");
        }
        if (decision != Decision.APPROVED && (text == null || text.isEmpty())) {
            throw new InvalidInputException("routing.comment-required", "comment");
        }
        Instant now = clock.instant();
        if (!routes.decide(oficioId, route.round(), step.position(), step.kind(), forPerson, actor.personId(),
                decision, text == null || text.isEmpty() ? null : text, now)) {
            throw new InvalidInputException("routing.already-decided", "decision");
        }
        events.publishEvent(new RoutingEvents.Decided(oficioId, forPerson, actor.personId(), step.kind(), decision,
                text, oficio.authorId(), oficio.subject(), now));
        if (decision == Decision.CHANGES_REQUESTED) {
            oficios.moveAlongRoute(oficioId, OficioStatus.IN_REVIEW, OficioStatus.CHANGES_REQUESTED);
            routes.moveTo(oficioId, null, now);
        } else if (decision == Decision.REJECTED) {
            oficios.moveAlongRoute(oficioId, OficioStatus.IN_REVIEW, OficioStatus.CANCELLED);
            routes.moveTo(oficioId, null, now);
        } else if (stepDone(step, members, routes.decisions(oficioId, route.round()))) {
            StepRow next = steps.stream().filter(s -> s.position() == step.position() + 1).findFirst().orElse(null);
            if (next == null) {
                oficios.moveAlongRoute(oficioId, OficioStatus.IN_REVIEW, OficioStatus.APPROVED);
                routes.moveTo(oficioId, null, now);
                routes.waitForSignatures(oficioId, signers(oficioId).stream().map(RouteModels.Signer::actedById)
                        .distinct().toList(), now);
                events.publishEvent(new RoutingEvents.RouteCompleted(oficioId, oficio.authorId(), oficio.subject(), now));
            } else {
                routes.moveTo(oficioId, next.position(), now);
                reach(oficioId, next, oficio.subject(), now);
            }
        }
    }

    /** One oficio of a batch approval: approved, or why not (an i18n key). */
    public record BatchResult(UUID oficioId, boolean approved, String reasonKey) {
    }

    /**
     * Approves many waiting steps at once (a signer's morning pile). Each oficio is decided in a transaction of
     * its own, so one that fails (already decided, no longer in review, not theirs) does not stop the rest.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public List<BatchResult> approveAll(List<UUID> oficioIds) {
        currentActor.require();
        List<BatchResult> results = new ArrayList<>();
        for (UUID id : oficioIds) {
            try {
                self().decide(id, Decision.APPROVED, null); // through the proxy: a transaction per oficio
                results.add(new BatchResult(id, true, null));
            } catch (InvalidInputException e) {
                results.add(new BatchResult(id, false, e.messageKey()));
            } catch (AccessDeniedException | NotFoundException e) {
                results.add(new BatchResult(id, false, "routing.batch.not-yours"));
            }
        }
        return results;
    }

    private RoutingService self() {
        return selfProvider.getObject();
    }

    /**
     * Who approved the signing steps of the oficio's last round, in route order: the people named on them, and who
     * acted (a substitute, por ausencia). The signing module lets exactly these sign.
     */
    @Transactional(readOnly = true)
    public List<RouteModels.Signer> signers(UUID oficioId) {
        RouteRow route = routes.find(oficioId).orElse(new RouteRow(oficioId, 0, null));
        Map<Integer, StepKind> kinds = new HashMap<>();
        routes.steps(oficioId).forEach(s -> kinds.put(s.position(), s.kind()));
        return routes.decisions(oficioId, route.round()).stream()
                .filter(d -> kinds.get(d.position()) == StepKind.SIGN && d.decision() == Decision.APPROVED)
                .sorted(java.util.Comparator.comparingInt(DecisionRow::position))
                .map(d -> new RouteModels.Signer(d.personId(), d.actedBy())).toList();
    }

    /** The signing module reports a signature given: the signer is no longer waited for. */
    public void signatureGiven(UUID oficioId, long signerId) {
        routes.stopWaitingForSignature(oficioId, signerId);
    }

    /** Everything waiting for the current person, soonest due first (up to 500). */
    @Transactional(readOnly = true)
    public List<PendingItem> myPending() {
        return myPending(PendingQuery.all(), 0, PENDING_LIMIT);
    }

    /**
     * One page of what waits for the current person's decision, and for the heads they stand in for today
     * (suplencia, named on each item), filtered and ordered as asked.
     */
    @Transactional(readOnly = true)
    public List<PendingItem> myPending(PendingQuery query, int offset, int limit) {
        RouteRepository.Waiting who = waiting(currentActor.require());
        Map<Long, String> names = new HashMap<>();
        return routes.waiting(who, query, pattern(query), clock.instant(), Math.max(0, offset),
                        Math.clamp(limit, 1, PENDING_LIMIT)).stream()
                .map(w -> new PendingItem(w.oficioId(), w.subject(), w.oficioKind(), w.work(), w.position(), w.since(),
                        w.dueAt(), w.priority(), w.personId() == who.personId() ? null
                        : names.computeIfAbsent(w.personId(), id -> directory.person(id).fullName())))
                .toList();
    }

    /** How many items {@link #myPending(PendingQuery, int, int)} has in all. */
    @Transactional(readOnly = true)
    public int countMyPending(PendingQuery query) {
        return routes.countWaiting(waiting(currentActor.require()), query, pattern(query), clock.instant());
    }

    private RouteRepository.Waiting waiting(Actor actor) {
        return new RouteRepository.Waiting(actor.personId(),
                delegations.standingInFor(actor.personId(), Delegations.Duty.REVIEW),
                delegations.standingInFor(actor.personId(), Delegations.Duty.SIGN));
    }

    /**
     * Each word of the filter (up to 10) as a LIKE pattern over the subject folded the same way, LIKE's own
     * wildcards taken literally: "educacion pv7" finds "Educación básica: becas PV7".
     */
    private static List<String> pattern(PendingQuery query) {
        String raw = query.text() == null ? "" : query.text().strip();
        String text = FoldedText.fold(raw.length() > 200 ? raw.substring(0, 200) : raw);
        return java.util.Arrays.stream(text.split("\\s+")).filter(w -> !w.isEmpty()).limit(10)
                .map(w -> "%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .toList();
    }

    /**
     * Whom the actor decides for at this step: themselves if they are on it; else the member they stand in for
     * today (suplencia), if that member has not decided yet.
     */
    private long actingFor(Actor actor, StepRow step, List<Long> members, int round, UUID oficioId) {
        if (members.contains(actor.personId())) {
            return actor.personId();
        }
        var decided = routes.decisions(oficioId, round).stream().filter(d -> d.position() == step.position())
                .map(DecisionRow::personId).toList();
        for (long titular : delegations.standingInFor(actor.personId(), duty(step.kind()))) {
            if (members.contains(titular) && !decided.contains(titular)) {
                return titular;
            }
        }
        if (routes.decisions(oficioId, round).stream().anyMatch(d -> d.actedBy() == actor.personId())) {
            throw new InvalidInputException("routing.already-decided", "decision"); // a repeat after the step moved on
        }
        throw new AccessDeniedException(actor.username() + " is not on the current step of " + oficioId);
    }

    private static Delegations.Duty duty(StepKind kind) {
        return kind == StepKind.SIGN ? Delegations.Duty.SIGN : Delegations.Duty.REVIEW;
    }

    /** Checks a plan step by step; the message names the step at fault. */
    private List<StepPlan> check(List<StepPlan> plan) {
        if (plan == null || plan.isEmpty()) {
            throw new InvalidInputException("routing.no-steps", "steps");
        }
        if (plan.size() > STEPS_MAX) {
            throw new InvalidInputException("routing.too-many-steps", "steps", STEPS_MAX);
        }
        for (int i = 0; i < plan.size(); i++) {
            StepPlan step = plan.get(i);
            int position = i + 1;
            if (step.kind() == null || step.personIds() == null || step.personIds().isEmpty()) {
                throw new InvalidInputException("routing.step-empty", "steps", position);
            }
            Set<Long> seen = new HashSet<>();
            for (Long personId : step.personIds()) {
                Person person = activePerson(personId, position);
                if (!seen.add(person.id())) {
                    throw new InvalidInputException("routing.person-twice", "steps", person.fullName(), position);
                }
                if (!mayAct(directory.actor(person.username()).orElseThrow(), step.kind())) {
                    throw new InvalidInputException(step.kind() == StepKind.SIGN ? "routing.not-a-signer"
                            : "routing.not-a-reviewer", "steps", person.fullName(), position);
                }
            }
        }
        return plan;
    }

    private boolean stepDone(StepRow step, List<Long> members, List<DecisionRow> decisions) {
        Map<Long, Decision> byPerson = new HashMap<>();
        decisions.stream().filter(d -> d.position() == step.position()).forEach(d -> byPerson.put(d.personId(), d.decision()));
        long approved = members.stream().filter(m -> byPerson.get(m) == Decision.APPROVED).count();
        return step.mode() == StepMode.ANY ? approved >= 1 : approved == members.size();
    }

    private void reach(UUID oficioId, StepRow step, String subject, Instant now) {
        events.publishEvent(new RoutingEvents.StepReached(oficioId, step.position(), step.kind(),
                routes.members(step.id()), subject, now));
    }

    /** Reviewing needs a reviewer's or signer's role, signing a signer's, held now: a role lost mid-route stops it. */
    private static boolean mayAct(Actor actor, StepKind kind) {
        return kind == StepKind.SIGN ? actor.hasRole(Role.SIGNER)
                : actor.hasRole(Role.REVIEWER) || actor.hasRole(Role.SIGNER);
    }

    private OficioDetails owned(UUID oficioId, Actor actor) {
        OficioDetails oficio = oficios.get(oficioId);
        if (!oficio.can().canEdit()) {
            throw new AccessDeniedException(actor.username() + " may not route " + oficioId);
        }
        return oficio;
    }

    private Person activePerson(Long personId, int position) {
        try {
            Person person = directory.person(personId == null ? -1 : personId);
            if (person.active()) {
                return person;
            }
        } catch (NotFoundException e) {
            // reported below, at the step
        }
        throw new InvalidInputException("routing.unknown-person", "steps", position);
    }
}
