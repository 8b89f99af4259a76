package org.rubrica.shared;

import java.time.Duration;

/** How long to wait before trying again: {@code base} × 2^(attempts − 1), never more than {@code longest}. */
public final class Backoff {

    private Backoff() {
    }

    public static Duration after(int attempts, Duration base, Duration longest) {
        Duration wait = base.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return wait.compareTo(longest) > 0 ? longest : wait;
    }
}
