package org.rubrica.shared;

/**
 * A record that does not exist, or that the person may not know exists: both answer the same, so ids
 * cannot be probed.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }

    /** Parses an id from a URL or request; a malformed one is simply not found. */
    public static java.util.UUID parseId(String id, String what) {
        try {
            return java.util.UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFoundException(what + " " + id);
        }
    }
}
