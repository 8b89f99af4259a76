package org.rubrica.directory;

import java.time.Instant;

/** A refused login, with the reason to show (never which of user name or password was wrong). */
public class LoginFailedException extends RuntimeException {

    public enum Reason { BAD_CREDENTIALS, LOCKED }

    private final Reason reason;
    private final Instant lockedUntil;

    LoginFailedException(Reason reason, Instant lockedUntil) {
        super(reason.name());
        this.reason = reason;
        this.lockedUntil = lockedUntil;
    }

    public Reason reason() {
        return reason;
    }

    /** When a locked account opens again; {@code null} unless the reason is {@link Reason#LOCKED}. */
    public Instant lockedUntil() {
        return lockedUntil;
    }
}
