package org.rubrica.delivery.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.rubrica.delivery.InboxItem;
import org.rubrica.drafting.SentOficio;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for inbox entries. */
@Repository
public class InboxRepository {

    private final JdbcClient jdbc;
    private final RowMapper<InboxItem> itemMapper = this::item;

    public InboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(SentOficio oficio, long unitId, Instant at) {
        jdbc.sql("""
                        INSERT INTO delivery_inbox_entry (oficio_id, unit_id, kind, subject, sender_unit_id,
                            sender_unit_name, author_name, delivered_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(oficio.id(), unitId, oficio.kind(), oficio.subject(), oficio.senderUnitId(),
                        oficio.senderUnitName(), oficio.authorName(), Timestamp.from(at))
                .update();
    }

    /** Newest first; {@code unitIds} are the inboxes the person may read. */
    public List<InboxItem> forUnits(Collection<Long> unitIds, int limit) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT e.id, e.oficio_id, e.unit_id, u.code AS unit_code, u.name AS unit_name, e.kind, e.subject, e.sender_unit_name,
                            e.author_name, e.delivered_at, e.read_at, p.full_name AS read_by_name, e.annulled_at
                        FROM delivery_inbox_entry e
                        JOIN directory_unit u ON u.id = e.unit_id
                        LEFT JOIN directory_person p ON p.id = e.read_by
                        WHERE e.unit_id IN (:units)
                        ORDER BY e.delivered_at DESC, e.id DESC LIMIT :limit""")
                .param("units", unitIds).param("limit", limit).query(itemMapper).list();
    }

    /** Records the first reading only; later openings leave the receipt as it was. */
    public boolean markRead(UUID oficioId, long unitId, long readerId, Instant at) {
        return jdbc.sql("""
                        UPDATE delivery_inbox_entry SET read_at = ?, read_by = ?
                        WHERE oficio_id = ? AND unit_id = ? AND read_at IS NULL""")
                .params(Timestamp.from(at), readerId, oficioId, unitId).update() == 1;
    }

    public List<Long> recipientUnits(UUID oficioId) {
        return jdbc.sql("SELECT unit_id FROM delivery_inbox_entry WHERE oficio_id = ?").param(oficioId)
                .query(Long.class).list();
    }

    private InboxItem item(ResultSet rs, int n) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new InboxItem(rs.getLong("id"), rs.getObject("oficio_id", UUID.class), rs.getLong("unit_id"),
                rs.getString("unit_code"), rs.getString("unit_name"), rs.getString("kind"), rs.getString("subject"),
                rs.getString("sender_unit_name"), rs.getString("author_name"),
                rs.getTimestamp("delivered_at").toInstant(), read == null ? null : read.toInstant(),
                rs.getString("read_by_name"), rs.getTimestamp("annulled_at") != null);
    }

    /** The sender annulled the oficio: every inbox it reached shows it. */
    public void markAnnulled(UUID oficioId, Instant at) {
        jdbc.sql("UPDATE delivery_inbox_entry SET annulled_at = ? WHERE oficio_id = ? AND annulled_at IS NULL")
                .params(Timestamp.from(at), oficioId).update();
    }
}
