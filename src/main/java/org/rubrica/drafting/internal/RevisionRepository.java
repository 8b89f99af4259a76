package org.rubrica.drafting.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Every save of a draft, numbered per oficio. */
@Repository
public class RevisionRepository {

    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RevisionRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Callers hold the oficio's row lock, so numbers never collide. */
    public int insert(RevisionRow r) {
        int no = jdbc.sql("SELECT coalesce(max(no), 0) + 1 FROM drafting_revision WHERE oficio_id = ?")
                .param(r.oficioId()).query(Integer.class).single();
        jdbc.sql("""
                        INSERT INTO drafting_revision (oficio_id, no, kind, base_version, author_id, note, recipient_unit_id,
                            subject, body_html, field_values, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)""")
                .params(r.oficioId(), no, r.kind().name(), r.baseVersion(), r.authorId(), r.note(), r.recipientUnitId(),
                        r.subject(), r.bodyHtml(), json.writeValueAsString(r.fields()), Timestamp.from(r.createdAt()))
                .update();
        return no;
    }

    public List<RevisionRow> of(UUID oficioId) {
        return jdbc.sql("SELECT * FROM drafting_revision WHERE oficio_id = ? ORDER BY no DESC").param(oficioId)
                .query(this::row).list();
    }

    public Optional<RevisionRow> find(UUID oficioId, int no) {
        return jdbc.sql("SELECT * FROM drafting_revision WHERE oficio_id = ? AND no = ?").params(oficioId, no)
                .query(this::row).optional();
    }

    /** The base text as it stood at an oficio version: what an editor opened at that version was showing. */
    public Optional<RevisionRow> baseAt(UUID oficioId, int version) {
        return jdbc.sql("""
                        SELECT * FROM drafting_revision WHERE oficio_id = ? AND kind NOT IN ('SUGGESTED', 'IMPORTED')
                        AND base_version <= ?
                        ORDER BY base_version DESC, no DESC LIMIT 1""")
                .params(oficioId, version).query(this::row).optional();
    }

    private RevisionRow row(ResultSet rs, int n) throws SQLException {
        return new RevisionRow(rs.getObject("oficio_id", UUID.class), rs.getInt("no"),
                RevisionRow.Kind.valueOf(rs.getString("kind")), rs.getInt("base_version"), rs.getLong("author_id"),
                rs.getString("note"), rs.getLong("recipient_unit_id"), rs.getString("subject"), rs.getString("body_html"),
                json.readValue(rs.getString("field_values"), FIELDS), rs.getTimestamp("created_at").toInstant());
    }
}
