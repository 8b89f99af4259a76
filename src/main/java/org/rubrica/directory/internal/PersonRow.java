package org.rubrica.directory.internal;

import java.time.Instant;

/** A person as stored, credentials included; never leaves the module (internal package). */
public record PersonRow(long id, String username, String fullName, String cargo, String email, String passwordHash,
                 long unitId, boolean active, int failedLogins, Instant lockedUntil) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
