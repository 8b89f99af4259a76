package org.rubrica.directory;

import java.util.Optional;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is acting: the authenticated person of the current request, whether it came through the web UI's
 * session or an API bearer token. Services ask this on every load and action.
 */
@Component
public class CurrentActor {

    private final Directory directory;

    CurrentActor(Directory directory) {
        this.directory = directory;
    }

    public Optional<Actor> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return directory.actor(auth.getName());
    }

    public Actor require() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("not logged in"));
    }
}
