package org.rubrica.directory;

import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.rubrica.shared.RoleGuard;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * Who is acting: the authenticated person of the current request, whether it came through the web UI's
 * session or an API bearer token. Services ask this on every load and action.
 */
@Component
public class CurrentActor implements RoleGuard {

    private final Directory directory;
    private final SecurityContextHolderStrategy securityContext;

    /** Uses the context's own strategy (Vaadin installs one), not whatever the JVM-wide holder has now. */
    CurrentActor(Directory directory, ObjectProvider<SecurityContextHolderStrategy> securityContext) {
        this.directory = directory;
        this.securityContext = securityContext.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    public Optional<Actor> find() {
        Authentication auth = securityContext.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        Optional<Actor> actor = directory.actor(auth.getName());
        return auth instanceof UnitScopedAuthentication scoped ? actor.map(a -> a.within(scoped.unitId())) : actor;
    }

    /**
     * The work, to run on another thread as the person acting now: it gets this request's security context on
     * the context's own strategy (which a thread-wide helper would miss), cleared when the work ends.
     */
    public Runnable onBehalf(Runnable work) {
        var carried = new org.springframework.security.concurrent.DelegatingSecurityContextRunnable(work,
                securityContext.getContext());
        carried.setSecurityContextHolderStrategy(securityContext);
        return carried;
    }

    public Actor require() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("not logged in"));
    }

    @Override
    public void requireRole(String role) {
        requireRole(Role.valueOf(role));
    }

    /**
     * The actor, if they hold the role now: read from the directory on every call, so a role withdrawn
     * while someone is logged in (or holds an API token) stops working at once.
     */
    public Actor requireRole(Role role) {
        Actor actor = require();
        if (!actor.hasRole(role)) {
            throw new AccessDeniedException(actor.username() + " lacks " + role);
        }
        return actor;
    }
}
