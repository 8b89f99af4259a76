package org.rubrica.drafting.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.rubrica.directory.Actor;
import org.rubrica.directory.Directory;
import org.rubrica.directory.Role;
import org.rubrica.drafting.DraftAccess;
import org.rubrica.drafting.OficioAudience;
import org.rubrica.drafting.OficioStatus;
import org.springframework.stereotype.Component;

/**
 * Who may see and act on an oficio. Its author always; an auditor always; once delivered, the receiving office
 * and head of every recipient unit, and the people it is addressed to; colleagues the author invited, as editors
 * (suggesting) or readers; and whoever another module brings in as an {@link OficioAudience} (route members,
 * assignees). A confidential oficio narrows this to the people named on it.
 */
@Component
public class OficioAccess {


    private final Directory directory;
    private final InvitationRepository invitations;
    private final List<OficioAudience> audiences;
    private final RecipientRepository recipients;

    OficioAccess(Directory directory, InvitationRepository invitations, List<OficioAudience> audiences,
                 RecipientRepository recipients) {
        this.directory = directory;
        this.invitations = invitations;
        this.audiences = audiences;
        this.recipients = recipients;
    }

    public boolean canView(Actor actor, OficioRow oficio) {
        if (oficio.confidential()) {
            return isNamed(actor, oficio);
        }
        return isAuthor(actor, oficio) || actor.hasRole(Role.AUDITOR)
                || (delivered(oficio) && isRecipient(actor, oficio))
                || invitation(actor, oficio).isPresent()
                || audiences.stream().anyMatch(a -> a.includes(actor, oficio.id()));
    }

    /**
     * The review behind a draft (suggestions, comments, revisions, who takes part, its Word copy) is for the
     * author, the people invited and auditors; a recipient unit sees the oficio it received, not how it was argued.
     */
    public boolean canReview(Actor actor, OficioRow oficio) {
        return isAuthor(actor, oficio) || actor.hasRole(Role.AUDITOR) || invitation(actor, oficio).isPresent()
                || reviewer(actor, oficio);
    }

    /** A reviewer brought by another module (the route): suggests and comments like an invited editor. */
    private boolean reviewer(Actor actor, OficioRow oficio) {
        return !isAuthor(actor, oficio) && audiences.stream().anyMatch(a -> a.reviews(actor, oficio.id()));
    }

    /** Invited editors suggest while the oficio is a draft; the author edits directly instead. */
    public boolean canSuggest(Actor actor, OficioRow oficio) {
        return oficio.status().isEditable() && (invitation(actor, oficio).filter(a -> a == DraftAccess.EDITOR).isPresent()
                || reviewer(actor, oficio));
    }

    /** The author and everyone invited discuss a draft while it is one. */
    public boolean canComment(Actor actor, OficioRow oficio) {
        return oficio.status().isEditable() && (isAuthor(actor, oficio) || invitation(actor, oficio).isPresent()
                || reviewer(actor, oficio));
    }

    public Optional<DraftAccess> invitation(Actor actor, OficioRow oficio) {
        return isAuthor(actor, oficio) ? Optional.empty() : invitations.accessOf(oficio.id(), actor.personId());
    }

    public boolean canEdit(Actor actor, OficioRow oficio) {
        return isAuthor(actor, oficio) && oficio.status().isEditable();
    }

    public boolean canSend(Actor actor, OficioRow oficio) {
        return isAuthor(actor, oficio) && oficio.status().canBecome(OficioStatus.SENT);
    }

    /**
     * Named on the oficio: its author or someone they invited, a member of its route or someone it was assigned to
     * and, once delivered, the head of a recipient unit or a person it is addressed to. Only they see a confidential
     * oficio.
     */
    private boolean isNamed(Actor actor, OficioRow oficio) {
        if (isAuthor(actor, oficio) || invitation(actor, oficio).isPresent()
                || audiences.stream().anyMatch(a -> a.names(actor, oficio.id()))) {
            return true;
        }
        if (!delivered(oficio)) {
            return false;
        }
        java.util.Set<Long> headed = directory.unitsHeadedBy(actor.personId());
        return headed.contains(oficio.recipientUnitId())
                || recipients.reaches(oficio.id(), headed, actor.personId());
    }

    /** Sent (and perhaps annulled since): one annulled before it was sent never reached its recipients. */
    private static boolean delivered(OficioRow oficio) {
        return oficio.sentAt() != null;
    }

    /** Receives for the addressee or another recipient unit, or is a person the oficio is addressed to. */
    public boolean isRecipient(Actor actor, OficioRow oficio) {
        java.util.Set<Long> units = directory.unitsReceivedBy(actor);
        return units.contains(oficio.recipientUnitId()) || recipients.reaches(oficio.id(), units, actor.personId());
    }

    public static boolean isAuthor(Actor actor, OficioRow oficio) {
        return oficio.authorId() == actor.personId();
    }
}
