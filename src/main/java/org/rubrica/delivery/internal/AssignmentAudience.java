package org.rubrica.delivery.internal;

import java.util.UUID;

import org.rubrica.directory.Actor;
import org.rubrica.drafting.OficioAudience;
import org.springframework.stereotype.Component;

/** Whoever a received oficio was turned to may read it, even after their assignment closes (it was their work). */
@Component
class AssignmentAudience implements OficioAudience {

    private final AssignmentRepository assignments;

    AssignmentAudience(AssignmentRepository assignments) {
        this.assignments = assignments;
    }

    @Override
    public boolean names(Actor actor, UUID oficioId) {
        return includes(actor, oficioId);
    }

    @Override
    public boolean includes(Actor actor, UUID oficioId) {
        return assignments.isAssignee(oficioId, actor.personId());
    }
}
