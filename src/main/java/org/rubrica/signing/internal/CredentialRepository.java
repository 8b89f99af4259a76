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
     * Claims one PIN attempt before the PIN is even tried, in a transaction of its own (so it stays counted though
     * the attempt fails): atomically, so parallel attempts cannot all slip in under the limit. The
     * {@code maxFailures}-th claim locks the credential until {@code lockUntil}.
     *
     * @return the attempts claimed so far, or empty when the credential is locked now
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public java.util.OptionalInt claimAttempt(long id, int maxFailures, Instant now, Instant lockUntil) {
        return jdbc.sql("""
                        UPDATE signing_credential SET
                            failed_attempts = CASE WHEN locked_until IS NOT NULL AND locked_until <= ? THEN 1
                                                   ELSE failed_attempts + 1 END,
                            locked_until = CASE WHEN locked_until IS NOT NULL AND locked_until <= ? THEN NULL
                                                WHEN failed_attempts + 1 >= ? THEN ? ELSE locked_until END
                        WHERE id = ? AND (locked_until IS NULL OR locked_until <= ?)
                        RETURNING failed_attempts""")
                .params(Timestamp.from(now), Timestamp.from(now), maxFailures, Timestamp.from(lockUntil), id,
                        Timestamp.from(now))
                .query(Integer.class).optional().map(java.util.OptionalInt::of).orElse(java.util.OptionalInt.empty());
    }

    /** The right PIN: the claimed attempt is given back and the count starts again. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordSuccess(long id) {
        jdbc.sql("UPDATE signing_credential SET failed_attempts = 0, locked_until = NULL WHERE id = ?").param(id).update();
    }

    public List<PlatformCa.Revoked> revoked() {
        return jdbc.sql("SELECT serial, revoked_at FROM signing_credential WHERE revoked_at IS NOT NULL ORDER BY revoked_at")
                .query((rs, n) -> new PlatformCa.Revoked(rs.getBigDecimal(1).toBigIntegerExact(),
                        rs.getTimestamp(2).toInstant()))
                .list();
    }

    /** Whose credential a platform certificate serial is, and whether it was revoked: any, in force or not. */
    public record SerialOwner(long personId, Instant revokedAt) {
    }

    public Optional<SerialOwner> bySerial(BigInteger serial) {
        return jdbc.sql("SELECT person_id, revoked_at FROM signing_credential WHERE serial = ?")
                .param(new java.math.BigDecimal(serial))
                .query((rs, n) -> new SerialOwner(rs.getLong(1), instant(rs.getTimestamp(2))))
                .optional();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
