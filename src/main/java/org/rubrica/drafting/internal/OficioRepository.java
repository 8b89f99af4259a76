package org.rubrica.drafting.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.rubrica.drafting.OficioStatus;
import org.rubrica.drafting.Priority;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for oficios. Saves check the version they were loaded at, so concurrent edits never overwrite silently. */
@Repository
public class OficioRepository {

    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };
    private static final String COLUMNS = """
            id, template_version_id, kind, sender_unit_id, author_id, recipient_unit_id, subject, body_html,
            field_values::text AS field_values, status, number, created_at, updated_at, sent_at, version, priority,
            confidential""";

    private final JdbcClient jdbc;
    private final RowMapper<OficioRow> rowMapper = this::row;
    private final JsonMapper json;

    public OficioRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(OficioRow o) {
        jdbc.sql("""
                        INSERT INTO drafting_oficio (id, template_version_id, kind, sender_unit_id, author_id,
                            recipient_unit_id, subject, body_html, field_values, status, created_at, updated_at, version,
                            priority, confidential)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, 0, ?, ?)""")
                .params(o.id(), o.templateVersionId(), o.kind(), o.senderUnitId(), o.authorId(), o.recipientUnitId(),
                        o.subject(), o.bodyHtml(), json.writeValueAsString(o.fields()), o.status().name(),
                        Timestamp.from(o.createdAt()), Timestamp.from(o.updatedAt()), o.priority().name(),
                        o.confidential())
                .update();
    }

    /** The number and sending time of an oficio another installation sent here. */
    public void recordReceived(UUID id, String number, Instant sentAt) {
        jdbc.sql("UPDATE drafting_oficio SET number = ?, sent_at = ? WHERE id = ?")
                .params(number, Timestamp.from(sentAt), id).update();
    }

    /** @return false when the row is no longer at {@code expectedVersion} */
    public boolean updateContent(UUID id, int expectedVersion, long recipientUnitId, String subject, String bodyHtml,
                                 Map<String, String> fields, Instant now) {
        return jdbc.sql("""
                        UPDATE drafting_oficio SET recipient_unit_id = ?, subject = ?, body_html = ?, field_values = ?::jsonb,
                            updated_at = ?, version = version + 1
                        WHERE id = ? AND version = ?""")
                .params(recipientUnitId, subject, bodyHtml, json.writeValueAsString(fields), Timestamp.from(now), id,
                        expectedVersion)
                .update() == 1;
    }

    public void setNumber(UUID id, String number) {
        jdbc.sql("UPDATE drafting_oficio SET number = ? WHERE id = ? AND number IS NULL").params(number, id).update();
    }

    /** Not a change of content: the version (which guards the text against lost updates) stays. */
    public void updateConfidential(UUID id, boolean confidential) {
        jdbc.sql("UPDATE drafting_oficio SET confidential = ? WHERE id = ?").params(confidential, id).update();
    }

    public void updatePriority(UUID id, Priority priority) {
        jdbc.sql("UPDATE drafting_oficio SET priority = ? WHERE id = ?").params(priority.name(), id).update();
    }

    public boolean moveToTemplateVersion(UUID id, int expectedVersion, long templateVersionId, Map<String, String> fields,
                                         Instant now) {
        return jdbc.sql("""
                        UPDATE drafting_oficio SET template_version_id = ?, field_values = ?::jsonb, updated_at = ?,
                            version = version + 1
                        WHERE id = ? AND version = ?""")
                .params(templateVersionId, json.writeValueAsString(fields), Timestamp.from(now), id, expectedVersion)
                .update() == 1;
    }

    /**
     * Moves the status only from the expected status and version, so two concurrent transitions cannot
     * both succeed and a save that lands in between is not carried along unseen.
     */
    public boolean transition(UUID id, int version, OficioStatus from, OficioStatus to, Instant now) {
        return jdbc.sql("""
                        UPDATE drafting_oficio SET status = ?, updated_at = ?, version = version + 1,
                            sent_at = CASE WHEN ? = 'SENT' THEN ? ELSE sent_at END
                        WHERE id = ? AND version = ? AND status = ?""")
                .params(to.name(), Timestamp.from(now), to.name(), Timestamp.from(now), id, version, from.name())
                .update() == 1;
    }

    /** @return false when the row is no longer at that version and status */
    public boolean annul(UUID id, int version, OficioStatus from, long byId, String reason, Instant now) {
        return jdbc.sql("""
                        UPDATE drafting_oficio SET status = 'ANNULLED', annulled_at = ?, annulled_by = ?,
                            annulment_reason = ?, updated_at = ?, version = version + 1
                        WHERE id = ? AND version = ? AND status = ?""")
                .params(Timestamp.from(now), byId, reason, Timestamp.from(now), id, version, from.name())
                .update() == 1;
    }

    /** Why, when and by whom (a person's id) it was annulled, if it was. */
    public record AnnulmentRow(String reason, Instant at, long byId) {
    }

    public Optional<AnnulmentRow> annulment(UUID id) {
        return jdbc.sql("""
                        SELECT annulment_reason, annulled_at, annulled_by FROM drafting_oficio
                        WHERE id = ? AND annulled_at IS NOT NULL""")
                .param(id)
                .query((rs, n) -> new AnnulmentRow(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getLong(3)))
                .optional();
    }

    /** The row, locked until the transaction ends: saves, suggestions and decisions on one draft take turns. */
    public Optional<OficioRow> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM drafting_oficio WHERE id = ? FOR UPDATE").param(id).query(rowMapper)
                .optional();
    }

    public Optional<OficioRow> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM drafting_oficio WHERE id = ?").param(id).query(rowMapper)
                .optional();
    }

    /** Ids in id order after {@code after} (null: from the start), for a pass over every oficio. */
    public List<UUID> idsAfter(UUID after, int limit) {
        return jdbc.sql("SELECT id FROM drafting_oficio WHERE CAST(? AS uuid) IS NULL OR id > ? ORDER BY id LIMIT ?")
                .params(after, after, limit).query(UUID.class).list();
    }

    public List<OficioRow> byIds(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM drafting_oficio WHERE id = ANY(?) ORDER BY updated_at DESC")
                .param(ids.toArray(UUID[]::new)).query(rowMapper).list();
    }

    public List<OficioRow> byAuthor(long authorId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM drafting_oficio WHERE author_id = ? ORDER BY updated_at DESC LIMIT ?")
                .params(authorId, limit).query(rowMapper).list();
    }

    private OficioRow row(ResultSet rs, int n) throws SQLException {
        return new OficioRow(rs.getObject("id", UUID.class), rs.getLong("template_version_id"), rs.getString("kind"),
                rs.getLong("sender_unit_id"), rs.getLong("author_id"), rs.getLong("recipient_unit_id"),
                rs.getString("subject"), rs.getString("body_html"), json.readValue(rs.getString("field_values"), FIELDS),
                OficioStatus.valueOf(rs.getString("status")), rs.getString("number"), instant(rs, "created_at"),
                instant(rs, "updated_at"), instant(rs, "sent_at"), rs.getInt("version"),
                Priority.valueOf(rs.getString("priority")), rs.getBoolean("confidential"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
