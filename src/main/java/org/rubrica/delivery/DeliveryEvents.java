package org.rubrica.delivery;

import java.time.Instant;
import java.util.UUID;

import org.rubrica.drafting.Priority;

/** What happened on the receiving side. */
public final class DeliveryEvents {

    private DeliveryEvents() {
    }

    public record OficioDelivered(UUID oficioId, long unitId, Instant at) {
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
}
