package org.rubrica.signing.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A bad trust configuration stops the start with one line naming the file and the reason, instead of a stack trace
 * (registered in {@code META-INF/spring.factories}).
 */
public class TrustConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<TrustConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, TrustConfigurationException cause) {
        return new FailureAnalysis("Rubrica cannot trust the CAs in " + TrustedCas.PROPERTY + ": " + cause.getMessage(),
                "Fix or remove that entry (PEM or DER CA certificates, comma-separated paths; the platform CA is always trusted).",
                cause);
    }
}
