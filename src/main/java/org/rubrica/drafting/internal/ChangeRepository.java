package org.rubrica.drafting.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.rubrica.drafting.ChangeStatus;
import org.rubrica.drafting.ChangeTarget;
import org.rubrica.drafting.internal.text.BodyToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Tracked changes. Decided ones are never deleted: they are the draft's history. */
@Repository
public class ChangeRepository {

    private static final TypeReference<List<BodyToken>> TOKENS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ChangeRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public long insert(ChangeRow c) {
        return jdbc.sql("""
                        INSERT INTO drafting_change (oficio_id, author_id, target, field_name, start_pos, end_pos, inserted,
                            deleted, old_value, new_value, status, conflict, origin_note, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(c.oficioId(), c.authorId(), c.target().name(), c.fieldName(), c.start(), c.end(),
                        json.writeValueAsString(c.inserted()), json.writeValueAsString(c.deleted()), c.oldValue(),
                        c.newValue(), c.status().name(), c.conflict(), c.originNote(), Timestamp.from(c.createdAt()))
                .query(Long.class).single();
    }

    public List<ChangeRow> pending(UUID oficioId) {
        return jdbc.sql("SELECT * FROM drafting_change WHERE oficio_id = ? AND status = 'PENDING' ORDER BY id")
                .param(oficioId).query(this::row).list();
    }

    /** Pending first, then decided ones newest first; superseded drafts of suggestions are left out. */
    public List<ChangeRow> all(UUID oficioId) {
        return jdbc.sql("""
                        SELECT * FROM drafting_change WHERE oficio_id = ? AND status <> 'SUPERSEDED'
                        ORDER BY status <> 'PENDING', coalesce(decided_at, created_at) DESC, id""")
                .param(oficioId).query(this::row).list();
    }

    public Optional<ChangeRow> find(long id) {
        return jdbc.sql("SELECT * FROM drafting_change WHERE id = ?").param(id).query(this::row).optional();
    }

    /** Moves a pending body change onto a new base. */
    public void move(long id, int start, int end, List<BodyToken> inserted, List<BodyToken> deleted, boolean conflict) {
        jdbc.sql("""
                        UPDATE drafting_change SET start_pos = ?, end_pos = ?, inserted = ?::jsonb, deleted = ?::jsonb,
                            conflict = conflict OR ? WHERE id = ?""")
                .params(start, end, json.writeValueAsString(inserted), json.writeValueAsString(deleted), conflict, id)
                .update();
    }

    /** A subject or field change whose value the base changed meanwhile. */
    public void flagConflict(long id) {
        jdbc.sql("UPDATE drafting_change SET conflict = true WHERE id = ?").param(id).update();
    }

    public void decide(long id, ChangeStatus status, Long decidedBy, Instant at) {
        jdbc.sql("UPDATE drafting_change SET status = ?, decided_by = ?, decided_at = ? WHERE id = ? AND status = 'PENDING'")
                .params(status.name(), decidedBy, Timestamp.from(at), id).update();
    }

    private ChangeRow row(ResultSet rs, int n) throws SQLException {
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        return new ChangeRow(rs.getLong("id"), rs.getObject("oficio_id", UUID.class), rs.getLong("author_id"),
                ChangeTarget.valueOf(rs.getString("target")), rs.getString("field_name"), rs.getInt("start_pos"),
                rs.getInt("end_pos"), tokens(rs.getString("inserted")), tokens(rs.getString("deleted")),
                rs.getString("old_value"), rs.getString("new_value"), ChangeStatus.valueOf(rs.getString("status")),
                rs.getBoolean("conflict"), rs.getString("origin_note"), rs.getTimestamp("created_at").toInstant(),
                rs.getObject("decided_by", Long.class), decidedAt == null ? null : decidedAt.toInstant());
    }

    private List<BodyToken> tokens(String raw) {
        return raw == null ? List.of() : json.readValue(raw, TOKENS);
    }
}
