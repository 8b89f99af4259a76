package org.rubrica.shared;

/** Too many tries from one client in a short time: refused until {@code retryAfterSeconds} have passed. */
public class TooManyRequestsException extends InvalidInputException {

    private final long retryAfterSeconds;

    public TooManyRequestsException(String messageKey, long retryAfterSeconds) {
        super(messageKey, null, retryAfterSeconds);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
