package org.rubrica.verification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.rubrica.shared.TooManyRequestsException;

/**
 * A fixed window per client: at most {@code limit} tries per {@code window}; the next is refused with the
 * seconds left. Windows of clients gone quiet are dropped as new ones come, so the map stays small.
 */
public final class ClientRateLimiter {

    private record Window(Instant start, int count) {
    }

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public ClientRateLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** @throws TooManyRequestsException when the client used up its tries for this window */
    public void acquire(String client, String messageKey) {
        Instant now = clock.instant();
        if (windows.size() > 10_000) {
            windows.values().removeIf(w -> !w.start().plus(window).isAfter(now));
        }
        Window current = windows.compute(client == null ? "?" : client, (key, w) ->
                w == null || !w.start().plus(window).isAfter(now) ? new Window(now, 1) : new Window(w.start(), w.count() + 1));
        if (current.count() > limit) {
            long seconds = Math.max(1, Duration.between(now, current.start().plus(window)).toSeconds());
            throw new TooManyRequestsException(messageKey, seconds);
        }
    }
}
