package org.rubrica.signing;

import java.time.Instant;
import java.util.UUID;

/** What happened at signing; the trail listens. */
public final class SigningEvents {

    private SigningEvents() {
    }

    /**
     * A signature was added and checked: {@code signerId} signed for {@code forId} (the same person, or the head a
     * substitute stood in for); {@code sha256} is the PDF's as stored, {@code indication} DSS's verdict on it,
     * {@code pages} how many pages it has (what printing it would have cost).
     */
    public record OficioSigned(UUID oficioId, long signerId, long forId, int sequence, String sha256,
                               String indication, boolean complete, int pages, Instant at) {
    }

    /**
     * A signature was made with a certificate from a CA other than the platform's: its subject, serial (hex) and
     * issuer, the only link between that certificate and the signer, kept in the trail.
     */
    public record SignedWithOwnCertificate(UUID oficioId, long signerId, String subject, String serial, String issuer,
                                           Instant at) {
    }
}
