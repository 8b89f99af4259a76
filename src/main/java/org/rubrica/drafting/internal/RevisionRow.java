package org.rubrica.drafting.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One save. {@code no} is assigned on insert. */
public record RevisionRow(UUID oficioId, int no, Kind kind, int baseVersion, long authorId, String note,
                          long recipientUnitId, String subject, String bodyHtml, Map<String, String> fields,
                          Instant createdAt) {

    /** How the text came about; SUGGESTED and IMPORTED are proposals, the others became the base text. */
    public enum Kind { CREATED, SAVED, SUGGESTED, ACCEPTED, IMPORTED, MERGED }
}
