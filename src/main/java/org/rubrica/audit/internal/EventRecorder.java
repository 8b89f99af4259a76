package org.rubrica.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.rubrica.delivery.DeliveryEvents;
import org.rubrica.directory.Actor;
import org.rubrica.directory.CurrentActor;
import org.rubrica.directory.Delegations;
import org.rubrica.directory.Directory;
import org.rubrica.directory.DirectoryAdministration;
import org.rubrica.directory.LoginEvents;
import org.rubrica.drafting.OficioEvents;
import org.rubrica.drafting.Recipient;
import org.rubrica.routing.RoutingEvents;
import org.rubrica.signing.SigningEvents;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Writes every module's events into the audit log inside the transaction that caused them (just before
 * it commits), so an action and its record commit together or not at all.
 */
@Component
class EventRecorder {

    private final AuditLog log;
    private final Directory directory;
    private final CurrentActor currentActor;
    private final Clock clock;

    EventRecorder(AuditLog log, Directory directory, CurrentActor currentActor, Clock clock) {
        this.log = log;
        this.directory = directory;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(OficioEvents.DraftCreated e) {
        record(e.oficioId(), "CREATED", e.actorId(), e.at(), e.templateCode() + " v" + e.templateVersionNo());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(OficioEvents.DraftSaved e) {
        record(e.oficioId(), "EDITED", e.actorId(), e.at(), String.valueOf(e.version()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(OficioEvents.SuggestionsSaved e) {
        record(e.oficioId(), "SUGGESTED", e.actorId(), e.at(), String.valueOf(e.pending()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(OficioEvents.ChangeDecided e) {
        record(e.oficioId(), e.accepted() ? "CHANGE_ACCEPTED" : "CHANGE_REJECTED", e.actorId(), e.at(),
                e.summary() + " — " + directory.person(e.changeAuthorId()).fullName());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(OficioEvents.CommentAdded e) {
        record(e.oficioId(), "COMMENTED", e.actorId(), e.at(), e.quote() == null ? "" : "«" + e.quote() + "»");
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(OficioEvents.CommentResolved e) {
        record(e.oficioId(), "COMMENT_RESOLVED", e.actorId(), e.at(), "#" + e.commentId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(OficioEvents.CollaboratorInvited e) {
        record(e.oficioId(), "INVITED_" + e.access().name(), e.actorId(), e.at(), directory.person(e.personId()).fullName());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(OficioEvents.CollaboratorRemoved e) {
        record(e.oficioId(), "UNINVITED", e.actorId(), e.at(), directory.person(e.personId()).fullName());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(OficioEvents.DocxImported e) {
        record(e.oficioId(), "DOCX_IMPORTED", e.actorId(), e.at(), e.fileName() + " (" + e.changes() + ")");
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(RoutingEvents.RouteSubmitted e) {
        record(e.oficioId(), "SUBMITTED", e.actorId(), e.at(), String.valueOf(e.round()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(DeliveryEvents.Assigned e) {
        String detail = directory.person(e.assigneeId()).fullName() + (e.instructions() == null ? "" : " «" + e.instructions() + "»");
        record(e.oficioId(), "ASSIGNED", e.assignedById(), e.at(), detail, e.unitId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(DeliveryEvents.AssignmentClosed e) {
        record(e.oficioId(), "ASSIGNMENT_" + e.reason(), e.closedById(), e.at(),
                directory.person(e.assigneeId()).fullName(), e.unitId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(OficioEvents.Numbered e) {
        record(e.oficioId(), "NUMBERED", null, e.at(), e.number());
    }

    /** Annulment is told to everyone who sees the oficio, recipients included, with its reason. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(OficioEvents.Annulled e) {
        record(e.oficioId(), "ANNULLED", e.actorId(), e.at(), e.reason());
    }

    /** The PDF's SHA-256 and DSS's verdict (its report is kept with the signature) go into the trail; a substitute's signature names the absent head. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(SigningEvents.OficioSigned e) {
        boolean substitute = e.signerId() != e.forId();
        String detail = (substitute ? directory.person(e.forId()).fullName() + " · " : "") + "SHA-256 " + e.sha256()
                + " · DSS " + e.indication() + " (informe de validación de la firma " + e.sequence() + ")";
        record(e.oficioId(), substitute ? "SIGNED_FOR" : "SIGNED", e.signerId(), e.at(), detail);
    }

    /** A certificate from another CA: its subject, serial and issuer are what tie it to the signer. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(SigningEvents.SignedWithOwnCertificate e) {
        record(e.oficioId(), "SIGNED_WITH_CERTIFICATE", e.signerId(), e.at(),
                e.subject() + " · S/N " + e.serial() + " · " + e.issuer());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(OficioEvents.PriorityChanged e) {
        record(e.oficioId(), "PRIORITY_" + e.priority().name(), e.actorId(), e.at(), "");
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(RoutingEvents.RouteChanged e) {
        record(e.oficioId(), "ROUTE_CHANGED", e.actorId(), e.at(), e.route());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(RoutingEvents.Decided e) {
        String detail = e.comment() == null ? "" : "«" + e.comment() + "»";
        boolean substitute = e.actedById() != e.personId();
        if (substitute) { // the trail names both: the substitute acts, for the absent head
            detail = directory.person(e.personId()).fullName() + (detail.isEmpty() ? "" : " " + detail);
        }
        record(e.oficioId(), e.kind().name() + "_" + e.decision().name() + (substitute ? "_FOR" : ""), e.actedById(),
                e.at(), detail);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(Delegations.DelegationGranted e) {
        record(null, "DELEGATED", e.personId(), clock.instant(), directory.person(e.substituteId()).fullName() + " "
                + e.startsOn() + "…" + e.endsOn());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(RoutingEvents.DeadlineNotice e) {
        if (e.kind().equals("ESCALATED")) {
            record(e.oficioId(), "ESCALATED", null, e.at(), directory.person(e.aboutPersonId()).fullName() + " → "
                    + directory.person(e.personId()).fullName(), e.scopeUnitId());
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(RoutingEvents.RouteCompleted e) {
        record(e.oficioId(), "ROUTE_COMPLETED", null, e.at(), "");
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(OficioEvents.ConfidentialityChanged e) {
        record(e.oficioId(), e.confidential() ? "MARKED_CONFIDENTIAL" : "UNMARKED_CONFIDENTIAL", e.actorId(), e.at(), "");
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(OficioEvents.AnnexAdded e) {
        record(e.oficioId(), "ANNEX_ADDED", e.actorId(), e.at(), e.fileName() + " — SHA-256 " + e.sha256());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(OficioEvents.AnnexRemoved e) {
        record(e.oficioId(), "ANNEX_REMOVED", e.actorId(), e.at(), e.fileName());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(OficioEvents.RecipientsChanged e) {
        record(e.oficioId(), "RECIPIENTS_CHANGED", e.actorId(), e.at(), e.addressed() + " + " + e.copied() + " c.c.p.");
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(OficioEvents.OficioSent e) {
        record(e.oficioId(), "SENT", e.actorId(), e.at(),
                unitLabel(e.recipientUnitId()) + (e.others() == 0 ? "" : " +" + e.others()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(DeliveryEvents.OficioDelivered e) {
        record(e.oficioId(), "DELIVERED", null, e.at(),
                unitLabel(e.unitId()) + (e.addressing() == Recipient.Addressing.CC ? " (c.c.p.)" : ""));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(DeliveryEvents.Received e) {
        record(e.oficioId(), "RECEIVED", e.receiverId(), e.at(), unitLabel(e.unitId()) + " — " + e.entryNumber());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(DeliveryEvents.Acknowledged e) {
        record(e.oficioId(), "ACKNOWLEDGED", null, e.at(), e.entryNumber() + " — SHA-256 " + e.sha256());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(org.rubrica.exchange.ExchangeEvents.AcknowledgedElsewhere e) {
        record(e.oficioId(), "ACKNOWLEDGED", null, e.at(),
                e.node() + " · " + e.unitCode() + " — " + e.entryNumber() + " — SHA-256 " + e.sha256());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(DeliveryEvents.Answered e) {
        record(e.oficioId(), "ANSWERED", null, e.at(), unitLabel(e.unitId()) + " — " + e.replyNumber());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(DeliveryEvents.Archived e) {
        record(e.oficioId(), "ARCHIVED", e.actorId(), e.at(), unitLabel(e.unitId()), e.unitId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(DeliveryEvents.Forwarded e) {
        // the unit's own handling, like its assignments: for its side only (the sender follows the stages)
        record(e.oficioId(), "FORWARDED", e.actorId(), e.at(), unitLabel(e.fromUnitId()) + " → "
                + unitLabel(e.toUnitId()) + (e.note() == null ? "" : " «" + e.note() + "»"), e.fromUnitId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(DeliveryEvents.Tagged e) {
        record(e.oficioId(), "TAGGED", e.actorId(), e.at(), String.join(", ", e.tags()), e.unitId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(OficioEvents.ReplyStarted e) {
        record(e.oficioId(), "REPLY_STARTED", e.actorId(), e.at(), e.originalNumber());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(DeliveryEvents.OficioRead e) {
        record(e.oficioId(), "READ", e.readerId(), e.at(), unitLabel(e.unitId()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(LoginEvents.LoggedIn e) {
        record(null, "LOGGED_IN", e.personId(), e.at(), e.username());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(LoginEvents.LoginRefused e) {
        log.append(null, "LOGIN_REFUSED", null, null, e.at(),
                (e.username() == null ? "(unknown user)" : e.username()) + " " + e.reason());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(LoginEvents.AccountLocked e) {
        record(null, "ACCOUNT_LOCKED", e.personId(), clock.instant(), e.username() + " until " + e.until());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(DirectoryAdministration.UnitSaved e) {
        recordByCurrentActor("UNIT_SAVED", e.code());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(DirectoryAdministration.PersonSaved e) {
        recordByCurrentActor("PERSON_SAVED", e.username());
    }

    private void record(UUID oficioId, String type, Long actorId, Instant at, String detail) {
        record(oficioId, type, actorId, at, detail, null);
    }

    /** With a scope, the entry is read only on that receiving unit's side (see {@code Trail.of}). */
    private void record(UUID oficioId, String type, Long actorId, Instant at, String detail, Long scopeUnitId) {
        String actorName = actorId == null ? null : directory.person(actorId).fullName();
        log.append(oficioId, type, actorId, actorName, at, detail, scopeUnitId);
    }

    private void recordByCurrentActor(String type, String detail) {
        Actor actor = currentActor.require();
        log.append(null, type, actor.personId(), actor.fullName(), clock.instant(), detail);
    }

    private String unitLabel(long unitId) {
        return directory.unit(unitId).label();
    }
}
