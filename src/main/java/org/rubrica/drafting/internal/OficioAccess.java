package org.rubrica.drafting.internal;

import java.util.EnumSet;
import java.util.Set;

import org.rubrica.directory.Actor;
import org.rubrica.directory.Directory;
import org.rubrica.directory.Role;
import org.rubrica.drafting.OficioStatus;
import org.springframework.stereotype.Component;

/**
 * Who may see and act on an oficio. Its author always; an auditor always; once delivered, the recipient
 * unit's receiving office and its head. (Route members and assignees join with their modules.)
 */
@Component
public class OficioAccess {

    private static final Set<OficioStatus> DELIVERED = EnumSet.of(OficioStatus.SENT, OficioStatus.ANNULLED);

    private final Directory directory;

    OficioAccess(Directory directory) {
        this.directory = directory;
    }

    public boolean canView(Actor actor, OficioRow oficio) {
        return isAuthor(actor, oficio) || actor.hasRole(Role.AUDITOR)
                || (DELIVERED.contains(oficio.status()) && isRecipient(actor, oficio.recipientUnitId()));
    }

    public boolean canEdit(Actor actor, OficioRow oficio) {
        return isAuthor(actor, oficio) && oficio.status().isEditable();
    }

    public boolean canSend(Actor actor, OficioRow oficio) {
        return isAuthor(actor, oficio) && oficio.status().canBecome(OficioStatus.SENT);
    }

    public boolean isRecipient(Actor actor, long unitId) {
        return directory.receivesFor(actor, unitId);
    }

    private static boolean isAuthor(Actor actor, OficioRow oficio) {
        return oficio.authorId() == actor.personId();
    }
}
