package org.rubrica.api.internal;

import java.util.Optional;

import org.springframework.security.core.Authentication;

/** Who is calling the API, as far as controllers need to know beyond the person: which integration, if any. */
public final class ApiCaller {

    private ApiCaller() {
    }

    /** The integration token of the request's authentication, when it came with one (not a person's login). */
    public static Optional<Long> integrationId(Authentication authentication) {
        return authentication instanceof IntegrationAuthentication i ? Optional.of(i.token().id()) : Optional.empty();
    }
}
