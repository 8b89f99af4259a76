package org.rubrica.exchange;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What travels between installations with a signed oficio: who sends it to whom (installation and unit), the
 * oficio's public facts, and each file (the signed PDF, the annexes) named with its SHA-256, so the signature over
 * the envelope binds the files too.
 */
public record Envelope(UUID id, Instant sentAt, String fromNode, String fromUnitCode, String fromUnitName,
                       String toNode, String toUnitCode, String number, String kind, String subject,
                       boolean confidential, List<Part> parts) {

    public Envelope {
        parts = List.copyOf(parts);
    }

    /** A file of the envelope: {@code name} as sent, its media type and SHA-256 (hex). */
    public record Part(String name, String mediaType, String sha256) {
    }
}
