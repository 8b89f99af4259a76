package org.rubrica.signing.internal;

/** Signing cannot work on this installation as configured (the reason is for the log, not for users). */
public class SigningUnavailableException extends RuntimeException {

    public SigningUnavailableException(String reason) {
        super(reason);
    }
}
