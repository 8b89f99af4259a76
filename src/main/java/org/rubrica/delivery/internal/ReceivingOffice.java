package org.rubrica.delivery.internal;

import java.util.UUID;

import org.rubrica.directory.Actor;
import org.rubrica.directory.CurrentActor;
import org.rubrica.directory.Directory;
import org.rubrica.drafting.OficioDetails;
import org.rubrica.drafting.OficioService;
import org.rubrica.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** Who acts for each side of a delivered oficio: a recipient unit's receiving office and head; the sending side. */
@Component
public class ReceivingOffice {

    /** Who acts for the receiving unit, and the oficio as they see it. */
    public record Receiving(Actor actor, OficioDetails oficio) {
    }

    private final OficioService oficios;
    private final InboxRepository inbox;
    private final Directory directory;
    private final CurrentActor currentActor;

    ReceivingOffice(OficioService oficios, InboxRepository inbox, Directory directory, CurrentActor currentActor) {
        this.oficios = oficios;
        this.inbox = inbox;
        this.directory = directory;
        this.currentActor = currentActor;
    }

    /**
     * @throws NotFoundException     when the person may not see the oficio, or the unit did not receive it
     * @throws AccessDeniedException when they do not receive for the unit
     */
    public Receiving check(UUID oficioId, long unitId) {
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

    /**
     * Whether the current person stands on the oficio's sending side: its author, the sender unit's people (and
     * those above it), or an auditor. They follow every recipient's receipt; a recipient only its own.
     */
    public boolean isSendingSide(OficioDetails oficio) {
        Actor actor = currentActor.require();
        return oficio.authorId() == actor.personId() || actor.hasRole(org.rubrica.directory.Role.AUDITOR)
                || directory.unitPath(oficio.senderUnitId()).contains(actor.unitId());
    }
}
