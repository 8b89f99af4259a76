package org.rubrica.drafting;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.rubrica.directory.Actor;
import org.rubrica.directory.CurrentActor;
import org.rubrica.directory.Directory;
import org.rubrica.directory.Person;
import org.rubrica.drafting.internal.DraftLoader;
import org.rubrica.drafting.internal.InvitationRepository;
import org.rubrica.drafting.internal.OficioRow;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The owner of a draft invites colleagues from any unit as editors (who suggest) or readers, and removes them. */
@Service
@Transactional
public class InvitationService {

    public record Invitation(long personId, String fullName, String cargo, String unitName, DraftAccess access,
                             Instant at) {
    }

    private final DraftLoader loader;
    private final InvitationRepository invitations;
    private final Directory directory;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InvitationService(DraftLoader loader, InvitationRepository invitations, Directory directory,
                      CurrentActor currentActor, ApplicationEventPublisher events, Clock clock) {
        this.loader = loader;
        this.invitations = invitations;
        this.directory = directory;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Invitation> invitations(UUID oficioId) {
        loader.reviewable(oficioId, currentActor.require());
        return invitations.of(oficioId).stream().map(i -> {
            Person p = directory.person(i.personId());
            return new Invitation(p.id(), p.fullName(), p.cargo(), directory.unit(p.unitId()).label(), i.access(),
                    i.invitedAt());
        }).toList();
    }

    /** Invites or changes someone's access; inviting again with the same access changes nothing. */
    public void invite(UUID oficioId, long personId, DraftAccess as) {
        Actor actor = currentActor.require();
        OficioRow oficio = loader.lockOwned(oficioId, actor);
        if (as == null) {
            throw new InvalidInputException("validation.required", "access");
        }
        Person person;
        try {
            person = directory.person(personId);
        } catch (NotFoundException e) {
            throw new InvalidInputException("invitation.unknown-person", "person");
        }
        if (!person.active()) {
            throw new InvalidInputException("invitation.unknown-person", "person");
        }
        if (person.id() == actor.personId()) {
            throw new InvalidInputException("invitation.self", "person");
        }
        if (invitations.accessOf(oficioId, personId).filter(a -> a == as).isPresent()) {
            return;
        }
        Instant now = clock.instant();
        invitations.upsert(oficioId, personId, as, actor.personId(), now);
        events.publishEvent(new OficioEvents.CollaboratorInvited(oficioId, actor.personId(), personId, as,
                oficio.subject(), now));
    }

    public void remove(UUID oficioId, long personId) {
        Actor actor = currentActor.require();
        loader.lockOwned(oficioId, actor);
        Instant now = clock.instant();
        if (invitations.delete(oficioId, personId)) {
            events.publishEvent(new OficioEvents.CollaboratorRemoved(oficioId, actor.personId(), personId, now));
        }
    }
}
