package org.rubrica.audit.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;

import org.rubrica.audit.TrailEntry;
import org.rubrica.shared.ContentHash;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The hash-chained event log: appends under a lock so the chain stays a single line. */
@Repository
public class AuditLog {

    static final String GENESIS = "0".repeat(64);
    /** Serialises appends; held only until the appending transaction commits. */
    private static final long CHAIN_LOCK = 0x52554252_4943_41L;

    private final JdbcClient jdbc;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(UUID oficioId, String type, Long actorId, String actorName, Instant at, String detail) {
        append(oficioId, type, actorId, actorName, at, detail, null);
    }

    /** An entry read only on one receiving unit's side (see {@link #trail}). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(UUID oficioId, String type, Long actorId, String actorName, Instant at, String detail,
                       Long scopeUnitId) {
        Instant when = at.truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps, so the hash can be recomputed
        String shortDetail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query().singleValue();
        String prev = jdbc.sql("SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1").query(String.class)
                .optional().orElse(GENESIS);
        String hash = hash(prev, oficioId, type, actorId, actorName, when, shortDetail, scopeUnitId);
        jdbc.sql("""
                        INSERT INTO audit_event (oficio_id, type, actor_id, actor_name, occurred_at, detail, prev_hash, hash,
                            scope_unit_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(oficioId, type, actorId, actorName, Timestamp.from(when), shortDetail, prev, hash, scopeUnitId)
                .update();
    }

    /** The oficio's entries: all those without a scope, and the scoped ones of these units (null: every unit). */
    public List<TrailEntry> trail(UUID oficioId, java.util.Collection<Long> scopes) {
        return jdbc.sql("""
                        SELECT id, type, actor_name, occurred_at, detail FROM audit_event
                        WHERE oficio_id = ? AND (scope_unit_id IS NULL OR CAST(? AS bigint[]) IS NULL
                                                 OR scope_unit_id = ANY(CAST(? AS bigint[])))
                        ORDER BY id""")
                .params(oficioId, scopes == null ? null : scopes.toArray(Long[]::new),
                        scopes == null ? null : scopes.toArray(Long[]::new))
                .query((rs, n) -> new TrailEntry(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .list();
    }

    /** One entry as it stands in the table (a tampered one as tampered), if it exists. */
    public java.util.Optional<TrailEntry> entry(long id) {
        return jdbc.sql("SELECT id, type, actor_name, occurred_at, detail FROM audit_event WHERE id = ?").param(id)
                .query((rs, n) -> new TrailEntry(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .optional();
    }

    public long size() {
        return jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
    }

    /** Recomputes the chain from the start; returns the id of the first entry that does not match, if any. */
    @Transactional(readOnly = true)
    public OptionalLong firstBrokenEntry() {
        String[] expectedPrev = {GENESIS};
        Long[] broken = {null};
        jdbc.sql("""
                        SELECT id, oficio_id, type, actor_id, actor_name, occurred_at, detail, prev_hash, hash,
                               scope_unit_id
                        FROM audit_event ORDER BY id""")
                .query(rs -> {
                    if (broken[0] != null) {
                        return;
                    }
                    String recomputed = hash(rs.getString("prev_hash"), rs.getObject("oficio_id", UUID.class),
                            rs.getString("type"), rs.getObject("actor_id", Long.class), rs.getString("actor_name"),
                            rs.getTimestamp("occurred_at").toInstant(), rs.getString("detail"),
                            rs.getObject("scope_unit_id", Long.class));
                    if (!rs.getString("prev_hash").equals(expectedPrev[0]) || !recomputed.equals(rs.getString("hash"))) {
                        broken[0] = rs.getLong("id");
                    }
                    expectedPrev[0] = rs.getString("hash");
                });
        return broken[0] == null ? OptionalLong.empty() : OptionalLong.of(broken[0]);
    }

    /** A scope, when set, is hashed too; entries without one hash as they always did. */
    static String hash(String prev, UUID oficioId, String type, Long actorId, String actorName, Instant at,
                       String detail, Long scopeUnitId) {
        return scopeUnitId == null
                ? ContentHash.of(prev, Objects.toString(oficioId, null), type, Objects.toString(actorId, null),
                actorName, at.toString(), detail)
                : ContentHash.of(prev, Objects.toString(oficioId, null), type, Objects.toString(actorId, null),
                actorName, at.toString(), detail, "scope:" + scopeUnitId);
    }
}
