package org.rubrica.signing.internal;

import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** SQL for signing credentials. */
@Repository
public class CredentialRepository {

    public record CredentialRow(long id, long personId, BigInteger serial, byte[] certificate, byte[] sealedKey,
                                byte[] salt, Instant issuedAt, Instant expiresAt, Instant revokedAt,
                                int failedAttempts, Instant lockedUntil) {
    }

    private final JdbcClient jdbc;

    CredentialRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The person's credential in force (not revoked), if any. */
    public Optional<CredentialRow> active(long personId) {
        return jdbc.sql("""
                        SELECT id, person_id, serial, certificate, sealed_key, kdf_salt, issued_at, expires_at, revoked_at,
                               failed_attempts, locked_until
                        FROM signing_credential WHERE person_id = ? AND revoked_at IS NULL""")
                .param(personId)
                .query((rs, n) -> new CredentialRow(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3).toBigIntegerExact(),
                        rs.getBytes(4), rs.getBytes(5), rs.getBytes(6), rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8).toInstant(), instant(rs.getTimestamp(9)), rs.getInt(10),
                        instant(rs.getTimestamp(11))))
                .optional();
    }

    public void insert(long personId, BigInteger serial, byte[] certificate, byte[] sealedKey, byte[] salt,
                       Instant issuedAt, Instant expiresAt) {
        jdbc.sql("""
                        INSERT INTO signing_credential (person_id, serial, certificate, sealed_key, kdf_salt, issued_at, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(personId, new java.math.BigDecimal(serial), certificate, sealedKey, salt, Timestamp.from(issuedAt),
                        Timestamp.from(expiresAt))
                .update();
    }

    public void reseal(long id, byte[] sealedKey, byte[] salt) {
        jdbc.sql("UPDATE signing_credential SET sealed_key = ?, kdf_salt = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?")
                .params(sealedKey, salt, id).update();
    }

    public void revoke(long id, Instant at) {
        jdbc.sql("UPDATE signing_credential SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(at), id).update();
    }

    /**
     * Counts a wrong PIN in a transaction of its own, so it stays counted though the attempt fails; the
     * {@code maxFailures}-th locks the credential until {@code lockUntil}.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFailure(long id, int maxFailures, Instant lockUntil) {
        jdbc.sql("""
                        UPDATE signing_credential SET failed_attempts = failed_attempts + 1,
                            locked_until = CASE WHEN failed_attempts + 1 >= ? THEN ? ELSE locked_until END
                        WHERE id = ?""")
                .params(maxFailures, Timestamp.from(lockUntil), id).update();
    }

    public void recordSuccess(long id) {
        jdbc.sql("UPDATE signing_credential SET failed_attempts = 0, locked_until = NULL WHERE id = ? AND failed_attempts > 0")
                .param(id).update();
    }

    public List<PlatformCa.Revoked> revoked() {
        return jdbc.sql("SELECT serial, revoked_at FROM signing_credential WHERE revoked_at IS NOT NULL ORDER BY revoked_at")
                .query((rs, n) -> new PlatformCa.Revoked(rs.getBigDecimal(1).toBigIntegerExact(),
                        rs.getTimestamp(2).toInstant()))
                .list();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
