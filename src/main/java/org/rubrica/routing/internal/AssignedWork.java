package org.rubrica.routing.internal;

import org.rubrica.delivery.DeliveryEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Received oficios turned to a person join their pending work, with the assignment's due date, until the
 * assignment is removed or attended. Listens in the delivery transaction, so both commit together.
 */
@Component
class AssignedWork {

    private final RouteRepository routes;

    AssignedWork(RouteRepository routes) {
        this.routes = routes;
    }

    @EventListener
    void on(DeliveryEvents.Assigned e) {
        routes.waitForAssignee(e.oficioId(), e.assigneeId(), e.unitId(), e.dueAt(), e.at(), e.oficioKind(),
                e.subject(), e.priority().name());
    }

    @EventListener
    void on(DeliveryEvents.AssignmentClosed e) {
        if (!e.stillAssigned()) { // another receiving unit may have turned it to them too
            routes.stopWaitingForAssignee(e.oficioId(), e.assigneeId());
        }
    }
}
