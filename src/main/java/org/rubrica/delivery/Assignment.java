package org.rubrica.delivery;

import java.time.Instant;
import java.util.UUID;

/** A received oficio turned to a person of the receiving unit; open until removed or attended. */
public record Assignment(long id, UUID oficioId, long unitId, long assigneeId, String assigneeName, String assignedByName,
                         String instructions, Instant dueAt, Instant assignedAt, Instant closedAt, String closedReason) {

    public boolean open() {
        return closedAt == null;
    }
}
