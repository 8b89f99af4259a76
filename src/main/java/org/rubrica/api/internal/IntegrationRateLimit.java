package org.rubrica.api.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.rubrica.shared.TooManyRequestsException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Holds each integration token to its requests per minute (fixed one-minute windows), so one busy system cannot
 * take the server from everyone else. The refusal is a 429 with Retry-After, answered like any other API error.
 */
@Component
class IntegrationRateLimit implements HandlerInterceptor {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private record Window(Instant start, int count) {
    }

    private final Clock clock;
    private final Map<Long, Window> windows = new ConcurrentHashMap<>();

    IntegrationRateLimit(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // the request's own principal: the security chain put the authentication there
        if (request.getUserPrincipal() instanceof IntegrationAuthentication integration) {
            Instant now = clock.instant();
            Window window = windows.compute(integration.token().id(), (id, w) ->
                    w == null || !w.start().plus(WINDOW).isAfter(now) ? new Window(now, 1)
                            : new Window(w.start(), w.count() + 1));
            if (window.count() > integration.token().requestsPerMinute()) {
                throw new TooManyRequestsException("integration.too-many",
                        Math.max(1, Duration.between(now, window.start().plus(WINDOW)).toSeconds()));
            }
        }
        return true;
    }
}
