package org.rubrica.directory;

import java.time.Instant;

/** What happened at the door; the audit log records these. */
public final class LoginEvents {

    private LoginEvents() {
    }

    public record LoggedIn(long personId, String username, Instant at) {
    }

    /** @param username the account's name, or {@code null} when no such account exists */
    public record LoginRefused(String username, LoginFailedException.Reason reason, Instant at) {
    }

    public record AccountLocked(long personId, String username, Instant until) {
    }
}
