package org.rubrica.delivery;

import java.time.Instant;
import java.util.UUID;

import org.rubrica.drafting.Priority;
import org.rubrica.drafting.Recipient;

/** What happened on the receiving side. */
public final class DeliveryEvents {

    private DeliveryEvents() {
    }

    /** In a recipient unit's inbox, addressed to it or as a copy. */
    public record OficioDelivered(UUID oficioId, long unitId, Recipient.Addressing addressing, Instant at) {
    }

    /**
     * The receiving unit turned the oficio to a person, with instructions and an optional due date; what the oficio
     * is (subject, kind, priority) travels along for those who list or announce it.
     */
    public record Assigned(UUID oficioId, long unitId, long assigneeId, long assignedById, String instructions,
                           Instant dueAt, String subject, String oficioKind, Priority priority, Instant at) {
    }

    /**
     * An assignment ended: {@code REMOVED} by the receiving unit (reassigned), or {@code DONE} by its assignee;
     * {@code stillAssigned} when another unit's assignment of the oficio to them remains open.
     */
    public record AssignmentClosed(UUID oficioId, long unitId, long assigneeId, long closedById, String reason,
                                   boolean stillAssigned, Instant at) {
    }

    /** The first time someone of the recipient unit opened it: the read receipt. */
    public record OficioRead(UUID oficioId, long unitId, long readerId, Instant at) {
    }

    /** The receiving office registered the receipt with the unit's entry number (folio de entrada). */
    public record Received(UUID oficioId, long unitId, String entryNumber, long receiverId, Instant at) {
    }

    /** The sealed acknowledgement of receipt (acuse de recibo) was made; {@code sha256} is the PDF's. */
    public record Acknowledged(UUID oficioId, long unitId, String entryNumber, String sha256, Instant at) {
    }

    /** The unit answered the oficio: {@code replyId} was sent in reply, from the unit or one below it. */
    public record Answered(UUID oficioId, long unitId, UUID replyId, String replyNumber, Instant at) {
    }

    /** The unit's receiving office archived the oficio: nothing more is expected of the unit. */
    public record Archived(UUID oficioId, long unitId, long actorId, Instant at) {
    }

    /** The unit's receiving office set its own tags on the oficio. */
    public record Tagged(UUID oficioId, long unitId, long actorId, java.util.List<String> tags, Instant at) {
    }

    /** The unit's receiving office passed the oficio on to another unit, with a note. */
    public record Forwarded(UUID oficioId, long fromUnitId, long toUnitId, long actorId, String note, Instant at) {
    }
}
