package org.rubrica.api.internal;

import java.util.Optional;

import org.springframework.security.core.context.SecurityContextHolder;

/** Who is calling the API, as far as controllers need to know beyond the person: which integration, if any. */
public final class ApiCaller {

    private ApiCaller() {
    }

    /** The integration token of this request, when it came with one (not with a person's login token). */
    public static Optional<Long> integrationId() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof IntegrationAuthentication i
                ? Optional.of(i.token().id()) : Optional.empty();
    }
}
