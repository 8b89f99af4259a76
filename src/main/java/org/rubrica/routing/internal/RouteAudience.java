package org.rubrica.routing.internal;

import java.util.UUID;

import org.rubrica.directory.Actor;
import org.rubrica.directory.Delegations;
import org.rubrica.drafting.OficioAudience;
import org.springframework.stereotype.Component;

/**
 * People on an oficio's route see it, and so does whoever stands in for one of them today; they also take part in
 * its review, so a reviewer who requests changes can leave suggestions too.
 */
@Component
public class RouteAudience implements OficioAudience {

    private final RouteRepository routes;
    private final Delegations delegations;

    RouteAudience(RouteRepository routes, Delegations delegations) {
        this.routes = routes;
        this.delegations = delegations;
    }

    @Override
    public boolean reviews(Actor actor, UUID oficioId) {
        return includes(actor, oficioId);
    }

    @Override
    public boolean names(Actor actor, UUID oficioId) {
        return includes(actor, oficioId);
    }

    @Override
    public boolean includes(Actor actor, UUID oficioId) {
        if (routes.isMember(oficioId, actor.personId())) {
            return true;
        }
        for (Delegations.Duty duty : Delegations.Duty.values()) {
            for (long titular : delegations.standingInFor(actor.personId(), duty)) {
                if (routes.isMember(oficioId, titular)) {
                    return true;
                }
            }
        }
        return false;
    }
}
