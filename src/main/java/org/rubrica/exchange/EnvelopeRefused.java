package org.rubrica.exchange;

/** An envelope that arrived and was not accepted, with why (kept in the inbound log). */
public class EnvelopeRefused extends RuntimeException {

    /** Why an envelope was refused. */
    public enum Reason {
        /** Not an envelope this installation can read. */
        MALFORMED,
        /** From an installation not registered, or no longer trusted. */
        UNKNOWN_NODE,
        /** Its signature does not hold: changed after signing, or signed with another key. */
        BAD_SIGNATURE,
        /** A file is missing, extra, or not the one the envelope names. */
        FILES_MISMATCH,
        /** Addressed to another installation. */
        NOT_FOR_US,
        /** Already received: the same envelope again. */
        REPLAYED,
        /** Addressed to a unit this installation does not have (or one that stands for another installation). */
        UNKNOWN_UNIT,
        /** Its document is not a signed PDF. */
        UNSIGNED_DOCUMENT
    }

    private final Reason reason;

    public EnvelopeRefused(Reason reason) {
        super(reason.name());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
