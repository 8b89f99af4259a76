package org.rubrica.drafting;

import java.time.Instant;

/** A file annexed to an oficio, without its content. */
public record Annex(long id, String fileName, String mediaType, int sizeBytes, String sha256, String addedByName,
                    Instant addedAt) {
}
