package org.rubrica.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.rubrica.delivery.internal.AssignmentRepository;
import org.rubrica.delivery.internal.InboxRepository;
import org.rubrica.directory.Actor;
import org.rubrica.directory.CurrentActor;
import org.rubrica.directory.Directory;
import org.rubrica.drafting.OficioDetails;
import org.rubrica.drafting.OficioService;
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

    private final InboxRepository inbox;
    private final AssignmentRepository assignments;
    private final OficioService oficios;
    private final Directory directory;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeliveryService(InboxRepository inbox, AssignmentRepository assignments, OficioService oficios, Directory directory, CurrentActor currentActor,
                    ApplicationEventPublisher events, Clock clock) {
        this.inbox = inbox;
        this.assignments = assignments;
        this.oficios = oficios;
        this.directory = directory;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
    }

    public void send(UUID oficioId) {
        SentOficio sent = oficios.markSent(oficioId); // checks the actor and the lifecycle
        Instant now = clock.instant();
        inbox.insert(sent, sent.recipientUnitId(), now);
        events.publishEvent(new DeliveryEvents.OficioDelivered(oficioId, sent.recipientUnitId(), now));
    }

    /** The inboxes of every unit the current person receives for (as receiving office or head). */
    @Transactional(readOnly = true)
    public List<InboxItem> myInbox() {
        Actor actor = currentActor.require();
        return inbox.forUnits(directory.unitsReceivedBy(actor), INBOX_LIMIT);
    }

    /**
     * Called when someone opens a delivered oficio: the first reading by a person of a recipient unit is
     * recorded as that unit's read receipt.
     */
    public void recordOpened(UUID oficioId) {
        Actor actor = currentActor.require();
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
        Receiving receiving = receiving(oficioId, unitId);
        Actor actor = receiving.actor();
        OficioDetails oficio = receiving.oficio();
        if (oficio.status() == org.rubrica.drafting.OficioStatus.ANNULLED) {
            throw new InvalidInputException("delivery.assign.annulled", "oficio");
        }
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

    /** Takes a person's open assignment back (to reassign it); for the receiving office or head. */
    public void unassign(UUID oficioId, long unitId, long assigneeId) {
        Actor actor = receiving(oficioId, unitId).actor();
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

    /** The receiving units of this oficio the current person may assign for. */
    @Transactional(readOnly = true)
    public List<Long> assignableUnits(UUID oficioId) {
        Set<Long> mine = directory.unitsReceivedBy(currentActor.require());
        return inbox.recipientUnits(oficioId).stream().filter(mine::contains).toList();
    }

    /** Who acts for the receiving unit, and the oficio as they see it. */
    private record Receiving(Actor actor, OficioDetails oficio) {
    }

    private Receiving receiving(UUID oficioId, long unitId) {
        Actor actor = currentActor.require();
        OficioDetails oficio = oficios.get(oficioId); // refuses, as not found, whoever may not see it
        if (!inbox.recipientUnits(oficioId).contains(unitId)) {
            throw new NotFoundException("oficio " + oficioId + " in the inbox of " + unitId);
        }
        if (!directory.receivesFor(actor, unitId)) {
            throw new AccessDeniedException(actor.username() + " does not receive for unit " + unitId);
        }
        return new Receiving(actor, oficio);
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
