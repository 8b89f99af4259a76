package org.rubrica.routing.internal;

import java.util.UUID;

import org.rubrica.directory.Actor;
import org.rubrica.drafting.OficioAudience;
import org.springframework.stereotype.Component;

/** People on an oficio's route see it. */
@Component
class RouteAudience implements OficioAudience {

    private final RouteRepository routes;

    RouteAudience(RouteRepository routes) {
        this.routes = routes;
    }

    @Override
    public boolean includes(Actor actor, UUID oficioId) {
        return routes.isMember(oficioId, actor.personId());
    }
}
