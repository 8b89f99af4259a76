package org.rubrica.routing.internal;

import java.util.List;

import org.rubrica.delivery.DeliveryEvents;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.OficioSummary;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Received oficios turned to a person join their pending work, with the assignment's due date, until the
 * assignment is removed or attended. Listens in the delivery transaction, so both commit together.
 */
@Component
class AssignedWork {

    private final RouteRepository routes;
    private final OficioService oficios;

    AssignedWork(RouteRepository routes, OficioService oficios) {
        this.routes = routes;
        this.oficios = oficios;
    }

    @EventListener
    void on(DeliveryEvents.Assigned e) {
        OficioSummary oficio = oficios.summaries(List.of(e.oficioId())).get(e.oficioId());
        routes.waitForAssignee(e.oficioId(), e.assigneeId(), e.unitId(), e.dueAt(), e.at(), oficio.kind(),
                oficio.subject(), oficio.priority().name());
    }

    @EventListener
    void on(DeliveryEvents.AssignmentClosed e) {
        if (!e.stillAssigned()) { // another receiving unit may have turned it to them too
            routes.stopWaitingForAssignee(e.oficioId(), e.assigneeId());
        }
    }
}
