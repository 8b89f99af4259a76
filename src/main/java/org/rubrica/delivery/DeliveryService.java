package org.rubrica.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.rubrica.delivery.internal.AssignmentRepository;
import org.rubrica.delivery.internal.InboxRepository;
import org.rubrica.delivery.internal.ReceiptRepository;
import org.rubrica.delivery.internal.ReceivingOffice;
import org.rubrica.directory.Actor;
import org.rubrica.directory.CurrentActor;
import org.rubrica.directory.Directory;
import org.rubrica.drafting.OficioDetails;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.OficioDispatch;
import org.rubrica.drafting.Recipient;
import org.rubrica.drafting.SentOficio;
import org.rubrica.directory.Person;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends oficios to their recipient units and serves the inboxes. Sending is one transaction: the status,
 * the inbox entries and the trail events (written by synchronous listeners) commit together or not at all.
 */
@Service
@Transactional
public class DeliveryService {

    private static final int INBOX_LIMIT = 500;

    public static final int INSTRUCTIONS_MAX = 2000;
    public static final int ASSIGNEES_MAX = 20;
    public static final int FORWARD_NOTE_MAX = 1000;
    public static final int TAGS_MAX = 10;
    public static final int TAG_MAX_LENGTH = 40;

    private final InboxRepository inbox;
    private final AssignmentRepository assignments;
    private final OficioService oficios;
    private final OficioDispatch dispatch;
    private final ReceivingOffice office;
    private final ReceiptRepository receipts;
    private final Directory directory;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeliveryService(InboxRepository inbox, AssignmentRepository assignments, OficioService oficios,
                    OficioDispatch dispatch, ReceivingOffice office, ReceiptRepository receipts, Directory directory,
                    CurrentActor currentActor, ApplicationEventPublisher events, Clock clock) {
        this.office = office;
        this.receipts = receipts;
        this.dispatch = dispatch;
        this.inbox = inbox;
        this.assignments = assignments;
        this.oficios = oficios;
        this.directory = directory;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Sends a signed oficio to every recipient at once: its status, each recipient unit's inbox entry and the trail
     * commit together, so after a crash every recipient has it or none does. A unit addressed and copied gets one
     * entry, as addressee; people addressed are noted on their unit's entry, for their attention.
     *
     * @return the units it was delivered to
     */
    public List<Long> send(UUID oficioId) {
        SentOficio sent = dispatch.markSent(oficioId); // checks the actor, the lifecycle and the recipient units
        Instant now = sent.sentAt();
        Map<Long, InboxRepository.Delivery> byUnit = new LinkedHashMap<>();
        for (Recipient r : sent.recipients()) {
            byUnit.merge(r.unitId(), new InboxRepository.Delivery(r.unitId(), r.addressing(),
                    r.personId() == null ? List.of() : List.of(r.personId())), DeliveryService::together);
        }
        List<InboxRepository.Delivery> deliveries = List.copyOf(byUnit.values());
        inbox.insertAll(sent, deliveries, now);
        deliveries.forEach(d -> events.publishEvent(
                new DeliveryEvents.OficioDelivered(oficioId, d.unitId(), d.addressing(), now)));
        return List.copyOf(byUnit.keySet());
    }

    /**
     * Delivers an oficio another installation sent here (recorded by drafting as received) to its recipient unit's
     * inbox, where the receiving office registers it like any other. The exchange checked who sent it.
     */
    public void deliverReceived(SentOficio oficio) {
        List<InboxRepository.Delivery> deliveries = oficio.recipients().stream()
                .map(r -> new InboxRepository.Delivery(r.unitId(), r.addressing(), List.<Long>of())).toList();
        inbox.insertAll(oficio, deliveries, oficio.sentAt());
        deliveries.forEach(d -> events.publishEvent(
                new DeliveryEvents.OficioDelivered(oficio.id(), d.unitId(), d.addressing(), oficio.sentAt())));
    }

    private static InboxRepository.Delivery together(InboxRepository.Delivery a, InboxRepository.Delivery b) {
        List<Long> attention = new java.util.ArrayList<>(a.attention());
        b.attention().stream().filter(p -> !attention.contains(p)).forEach(attention::add);
        Recipient.Addressing addressing = a.addressing() == Recipient.Addressing.TO ? a.addressing() : b.addressing();
        return new InboxRepository.Delivery(a.unitId(), addressing, attention);
    }

    /**
     * The inboxes of every unit the current person receives for (as receiving office or head), and what was
     * addressed to them for their attention.
     */
    @Transactional(readOnly = true)
    public List<InboxItem> myInbox() {
        Actor actor = currentActor.require();
        return inbox.forPerson(directory.unitsReceivedBy(actor), actor.personId(), INBOX_LIMIT);
    }

    /**
     * Called when someone opens a delivered oficio: the first reading by a person of a recipient unit is
     * recorded as that unit's read receipt.
     */
    public void recordOpened(UUID oficioId) {
        Actor actor = currentActor.require();
        oficios.get(oficioId); // refuses, as not found, whoever may not see it
        Instant now = clock.instant();
        Set<Long> mine = directory.unitsReceivedBy(actor);
        for (long unitId : inbox.recipientUnits(oficioId)) {
            if (mine.contains(unitId) && inbox.markRead(oficioId, unitId, actor.personId(), now)) {
                events.publishEvent(new DeliveryEvents.OficioRead(oficioId, unitId, actor.personId(), now));
            }
        }
    }

    /**
     * Turns a received oficio to people of the receiving unit (or of units below it), with instructions and an
     * optional due date; for its receiving office or head. Someone who already has it open keeps one assignment.
     *
     * @return how many were newly assigned
     * @throws InvalidInputException for an annulled oficio, nobody chosen, too many, an inactive person or one
     *                               outside the unit, instructions too long, or a due date already past
     */
    public int assign(UUID oficioId, long unitId, List<Long> assigneeIds, String instructions, Instant dueAt) {
        ReceivingOffice.Receiving receiving = office.check(oficioId, unitId);
        Actor actor = receiving.actor();
        OficioDetails oficio = receiving.oficio();
        if (oficio.status() == org.rubrica.drafting.OficioStatus.ANNULLED) {
            throw new InvalidInputException("delivery.assign.annulled", "oficio");
        }
        require(oficioId, unitId, RecipientStatus.Stage.Action.ASSIGN);
        if (assigneeIds == null || assigneeIds.isEmpty()) {
            throw new InvalidInputException("delivery.assign.nobody", "assignees");
        }
        if (assigneeIds.size() > ASSIGNEES_MAX) {
            throw new InvalidInputException("delivery.assign.too-many", "assignees", ASSIGNEES_MAX);
        }
        String text = instructions == null || instructions.isBlank() ? null : instructions.strip();
        if (text != null && text.length() > INSTRUCTIONS_MAX) {
            throw new InvalidInputException("validation.too-long", "instructions");
        }
        Instant now = clock.instant();
        if (dueAt != null && dueAt.isBefore(now)) {
            throw new InvalidInputException("delivery.assign.due-past", "dueAt");
        }
        List<Person> people = assigneeIds.stream().distinct().map(id -> assignee(id, unitId)).toList();
        int added = 0;
        for (Person person : people) {
            if (assignments.open(oficioId, unitId, person.id(), actor.personId(), text, dueAt, now)) {
                events.publishEvent(new DeliveryEvents.Assigned(oficioId, unitId, person.id(), actor.personId(), text,
                        dueAt, oficio.subject(), oficio.kind(), oficio.priority(), now));
                added++;
            }
        }
        return added;
    }

    /**
     * Archives the oficio in the unit's inbox, for its receiving office or head: nothing more is expected of the
     * unit. Archiving twice is archiving once.
     */
    public void archive(UUID oficioId, long unitId) {
        Actor actor = office.check(oficioId, unitId).actor();
        if (stage(oficioId, unitId) == RecipientStatus.Stage.ARCHIVED) {
            return;
        }
        require(oficioId, unitId, RecipientStatus.Stage.Action.ARCHIVE);
        Instant now = clock.instant();
        if (inbox.archive(oficioId, unitId, now)) {
            events.publishEvent(new DeliveryEvents.Archived(oficioId, unitId, actor.personId(), now));
        }
    }

    /**
     * Passes a received oficio on to another unit's inbox with a note, for the receiving office or head; that
     * unit's receiving office may then see it, register it and assign it.
     *
     * @throws InvalidInputException for an unknown or inactive unit, one that already has it, an annulled oficio,
     *                               or a note too long
     */
    public void forward(UUID oficioId, long fromUnitId, long toUnitId, String note) {
        ReceivingOffice.Receiving receiving = office.check(oficioId, fromUnitId);
        if (receiving.oficio().status() == org.rubrica.drafting.OficioStatus.ANNULLED) {
            throw new InvalidInputException("delivery.assign.annulled", "oficio");
        }
        require(oficioId, fromUnitId, RecipientStatus.Stage.Action.FORWARD);
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > FORWARD_NOTE_MAX) {
            throw new InvalidInputException("validation.too-long", "note");
        }
        org.rubrica.directory.Unit target;
        try {
            target = directory.unit(toUnitId);
        } catch (NotFoundException e) {
            throw new InvalidInputException("oficio.recipient.unknown", "unit");
        }
        if (!target.active()) {
            throw new InvalidInputException("oficio.recipients.inactive", "unit", target.label());
        }
        Instant now = clock.instant();
        if (!inbox.forward(oficioId, fromUnitId, toUnitId, text, now)) {
            throw new InvalidInputException("delivery.forward.already", "unit", target.label());
        }
        events.publishEvent(new DeliveryEvents.Forwarded(oficioId, fromUnitId, toUnitId,
                receiving.actor().personId(), text, now));
        events.publishEvent(new DeliveryEvents.OficioDelivered(oficioId, toUnitId, Recipient.Addressing.TO, now));
    }

    /** Sets the unit's own tags on the oficio (its receiving office's filing words), for its receiving office. */
    public List<String> tag(UUID oficioId, long unitId, java.util.Collection<String> tags) {
        Actor actor = office.check(oficioId, unitId).actor();
        List<String> clean = tags.stream().map(t -> t == null ? "" : t.strip().toLowerCase(java.util.Locale.ROOT))
                .filter(t -> !t.isEmpty()).distinct().sorted().toList();
        if (clean.size() > TAGS_MAX || clean.stream().anyMatch(t -> t.length() > TAG_MAX_LENGTH)) {
            throw new InvalidInputException("delivery.tags.invalid", "tags", TAGS_MAX, TAG_MAX_LENGTH);
        }
        if (!clean.equals(inbox.tags(oficioId, unitId))) {
            inbox.tag(oficioId, unitId, clean);
            events.publishEvent(new DeliveryEvents.Tagged(oficioId, unitId, actor.personId(), clean, clock.instant()));
        }
        return clean;
    }

    /** The unit's own tags on the oficio, for its receiving office. */
    @Transactional(readOnly = true)
    public List<String> tags(UUID oficioId, long unitId) {
        office.check(oficioId, unitId);
        return inbox.tags(oficioId, unitId);
    }

    /** The step the unit's entry has reached, locked until the transaction ends (a receipt waits meanwhile). */
    private RecipientStatus.Stage stage(UUID oficioId, long unitId) {
        return receipts.lock(oficioId, unitId)
                .orElseThrow(() -> new NotFoundException("oficio " + oficioId + " in the inbox of " + unitId))
                .stage(assignedUnits(oficioId).contains(unitId));
    }

    /** The units that turned the oficio to someone (an assignment open or closed). */
    private Set<Long> assignedUnits(UUID oficioId) {
        return assignments.of(oficioId).stream().map(Assignment::unitId).collect(java.util.stream.Collectors.toSet());
    }

    /** Refuses what the unit's step does not allow ({@link RecipientStatus.Stage#allows}), saying why. */
    private void require(UUID oficioId, long unitId, RecipientStatus.Stage.Action action) {
        RecipientStatus.Stage stage = stage(oficioId, unitId);
        if (!stage.allows(action)) {
            throw new InvalidInputException(switch (stage) {
                case DELIVERED, READ -> "delivery.receipt.first";
                case ANSWERED -> "delivery.stage.answered";
                default -> "delivery.stage.archived";
            }, "oficio");
        }
    }

    /** Takes a person's open assignment back (to reassign it); for the receiving office or head. */
    public void unassign(UUID oficioId, long unitId, long assigneeId) {
        Actor actor = office.check(oficioId, unitId).actor();
        Instant now = clock.instant();
        if (!assignments.close(oficioId, unitId, assigneeId, actor.personId(), "REMOVED", now)) {
            throw new InvalidInputException("delivery.assign.not-open", "assignee");
        }
        events.publishEvent(new DeliveryEvents.AssignmentClosed(oficioId, unitId, assigneeId, actor.personId(),
                "REMOVED", assignments.hasOpen(oficioId, assigneeId), now));
    }

    /** The current person marks their open assignments of the oficio as attended. */
    public void markAttended(UUID oficioId) {
        Actor actor = currentActor.require();
        oficios.get(oficioId); // refuses, as not found, whoever may not see it
        Instant now = clock.instant();
        int closed = 0;
        for (Assignment a : assignments.of(oficioId)) {
            if (a.open() && a.assigneeId() == actor.personId()
                    && assignments.close(oficioId, a.unitId(), a.assigneeId(), actor.personId(), "DONE", now)) {
                events.publishEvent(new DeliveryEvents.AssignmentClosed(oficioId, a.unitId(), a.assigneeId(),
                        actor.personId(), "DONE", assignments.hasOpen(oficioId, a.assigneeId()), now));
                closed++;
            }
        }
        if (closed == 0) {
            throw new InvalidInputException("delivery.assign.not-open", "assignee");
        }
    }

    /**
     * The oficio's assignments the current person may see: all of the units they receive for, and their own;
     * the sending side does not see how the recipient distributes its work.
     */
    @Transactional(readOnly = true)
    public List<Assignment> assignments(UUID oficioId) {
        Actor actor = currentActor.require();
        oficios.get(oficioId);
        Set<Long> mine = directory.unitsReceivedBy(actor);
        return assignments.of(oficioId).stream()
                .filter(a -> mine.contains(a.unitId()) || a.assigneeId() == actor.personId()).toList();
    }

    /** Whether the current person has an open assignment of the oficio, to mark attended. */
    @Transactional(readOnly = true)
    public boolean isAssignedToMe(UUID oficioId) {
        return assignments.hasOpen(oficioId, currentActor.require().personId());
    }

    /** Who an oficio received by this unit may be turned to: the active people of the unit and of units below it. */
    @Transactional(readOnly = true)
    public List<Person> assignablePeople(long unitId) {
        Actor actor = currentActor.require();
        if (!directory.receivesFor(actor, unitId)) {
            throw new AccessDeniedException(actor.username() + " does not receive for unit " + unitId);
        }
        return directory.people().stream().filter(p -> p.active() && inUnit(p, unitId)).toList();
    }

    private boolean inUnit(Person person, long unitId) {
        return directory.unitPath(person.unitId()).contains(unitId);
    }

    /** Of the receiving units the current person acts for, those whose step lets them turn the oficio now. */
    @Transactional(readOnly = true)
    public List<Long> turnableUnits(UUID oficioId) {
        List<Long> mine = assignableUnits(oficioId);
        Set<Long> assigned = assignedUnits(oficioId);
        return receipts.of(oficioId).stream().filter(e -> mine.contains(e.unitId()))
                .filter(e -> e.stage(assigned.contains(e.unitId())).allows(RecipientStatus.Stage.Action.ASSIGN))
                .map(ReceiptRepository.EntryState::unitId).toList();
    }

    /** The receiving units of this oficio the current person may assign for. */
    @Transactional(readOnly = true)
    public List<Long> assignableUnits(UUID oficioId) {
        Set<Long> mine = directory.unitsReceivedBy(currentActor.require());
        return inbox.recipientUnits(oficioId).stream().filter(mine::contains).toList();
    }

    private Person assignee(long personId, long unitId) {
        Person person;
        try {
            person = directory.person(personId);
        } catch (NotFoundException e) {
            throw new InvalidInputException("delivery.assign.unknown-person", "assignees");
        }
        if (!person.active()) {
            throw new InvalidInputException("delivery.assign.unknown-person", "assignees");
        }
        if (!inUnit(person, unitId)) {
            throw new InvalidInputException("delivery.assign.outside-unit", "assignees", person.fullName(),
                    directory.unit(unitId).name());
        }
        return person;
    }
}
