package org.rubrica.exchange;

import java.time.Instant;
import java.util.UUID;

/**
 * What an installation sends back when its receiving office registered an oficio that came in an envelope: which
 * envelope, which unit registered it, with what entry number and when, and the SHA-256 of its acknowledgement of
 * receipt (the sealed acuse).
 */
public record Acknowledgement(UUID id, UUID envelopeId, String fromNode, String toNode, String unitCode,
                              String entryNumber, Instant receivedAt, String acuseSha256) {
}
