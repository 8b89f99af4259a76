package org.rubrica.signing.internal;

/** The trust configuration ({@code rubrica.signing.trusted-cas}) names something that is not a usable CA. */
public class TrustConfigurationException extends RuntimeException {

    public TrustConfigurationException(String reason) {
        super(reason);
    }
}
