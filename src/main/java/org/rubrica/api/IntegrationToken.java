package org.rubrica.api;

import java.time.Instant;
import java.util.Set;

/**
 * An integration token as an administrator sees it (never the token itself, which only its system holds): who it
 * acts as, where, what it may do, how often, and whether it still works.
 *
 * @param hint the token's first characters, to tell tokens apart
 */
public record IntegrationToken(long id, String name, String hint, long unitId, String unitLabel, long personId,
                               String personName, String username, Set<ApiPermission> permissions,
                               int requestsPerMinute, Instant createdAt, Instant expiresAt, Instant revokedAt,
                               Instant lastUsedAt) {

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    public boolean may(ApiPermission permission) {
        return permissions.contains(permission);
    }
}
