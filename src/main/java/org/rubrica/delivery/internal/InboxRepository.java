package org.rubrica.delivery.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.rubrica.delivery.InboxItem;
import org.rubrica.delivery.SentItem;
import org.rubrica.drafting.Recipient;
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

    /** One entry per recipient unit: whether it is addressed or copied, and for whose attention. */
    public record Delivery(long unitId, Recipient.Addressing addressing, List<Long> attention) {
    }

    /** Every recipient's entry in one statement: a circular to a hundred agencies is one round trip. */
    public void insertAll(SentOficio oficio, List<Delivery> deliveries, Instant at) {
        int n = deliveries.size();
        Long[] units = new Long[n];
        String[] roles = new String[n];
        String[] attention = new String[n];
        for (int i = 0; i < n; i++) {
            Delivery d = deliveries.get(i);
            units[i] = d.unitId();
            roles[i] = d.addressing().name();
            attention[i] = d.attention().stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(",", "{", "}"));
        }
        jdbc.sql("""
                        INSERT INTO delivery_inbox_entry (oficio_id, unit_id, role, attention, kind, number, subject,
                            sender_unit_id, sender_unit_name, sent_by, author_name, delivered_at, confidential)
                        SELECT ?, u, r, CAST(a AS bigint[]), ?, ?, ?, ?, ?, ?, ?, ?, ?
                        FROM unnest(?::bigint[], ?::varchar[], ?::text[]) AS t(u, r, a)""")
                .params(oficio.id(), oficio.kind(), oficio.number(), oficio.subject(), oficio.senderUnitId(),
                        oficio.senderUnitName(), oficio.authorId(), oficio.authorName(), Timestamp.from(at),
                        oficio.confidential(), units, roles, attention)
                .update();
    }

    /**
     * Newest first: the inboxes of {@code unitIds} (those the person receives for) and whatever was addressed to
     * the person for their attention. Each unit's newest and the person's are read in delivery order from their
     * own index (a unit at a time: one scan for several units would sort all their entries), then merged. A
     * confidential oficio shows only to its unit's head and the people named on it.
     */
    public List<InboxItem> forPerson(Collection<Long> unitIds, long personId, int limit) {
        return jdbc.sql("""
                        SELECT e.id, e.oficio_id, e.unit_id, u.code AS unit_code, u.name AS unit_name, e.kind, e.subject,
                            e.sender_unit_name, e.author_name, e.delivered_at, e.read_at, p.full_name AS read_by_name,
                            e.annulled_at, e.role, :me = ANY(e.attention) AS for_me, e.entry_number,
                            e.answered_at IS NOT NULL AS answered, e.archived_at IS NOT NULL AS archived,
                            f.code AS forwarded_from, e.tags
                        FROM delivery_inbox_entry e
                        JOIN directory_unit u ON u.id = e.unit_id
                        LEFT JOIN directory_person p ON p.id = e.read_by
                        LEFT JOIN directory_unit f ON f.id = e.forwarded_from
                        WHERE e.id IN ((SELECT newest.id FROM unnest(CAST(:units AS bigint[])) AS mine(unit_id)
                                        CROSS JOIN LATERAL (SELECT id FROM delivery_inbox_entry i
                                                            WHERE i.unit_id = mine.unit_id
                                                            ORDER BY delivered_at DESC, id DESC LIMIT :limit) newest)
                                       UNION
                                       (SELECT id FROM delivery_inbox_entry WHERE attention @> ARRAY[:me]::bigint[]
                                        ORDER BY delivered_at DESC, id DESC LIMIT :limit))
                          AND (NOT e.confidential OR :me = ANY(e.attention) OR u.head_person_id = :me
                               OR EXISTS (SELECT 1 FROM delivery_assignment a
                                          WHERE a.oficio_id = e.oficio_id AND a.assignee_id = :me))
                        ORDER BY e.delivered_at DESC, e.id DESC LIMIT :limit""")
                .param("units", unitIds.toArray(Long[]::new)).param("me", personId).param("limit", limit)
                .query(itemMapper).list();
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
                rs.getString("read_by_name"), rs.getTimestamp("annulled_at") != null,
                Recipient.Addressing.valueOf(rs.getString("role")), rs.getBoolean("for_me"), rs.getString("entry_number"),
                rs.getBoolean("answered"), rs.getBoolean("archived"), rs.getString("forwarded_from"),
                List.of((String[]) rs.getArray("tags").getArray()));
    }

    /** The sender annulled the oficio: every inbox it reached shows it. */
    public void markAnnulled(UUID oficioId, Instant at) {
        jdbc.sql("UPDATE delivery_inbox_entry SET annulled_at = ? WHERE oficio_id = ? AND annulled_at IS NULL")
                .params(Timestamp.from(at), oficioId).update();
    }

    /** What the person sent, newest first, one line per oficio with its recipients' progress. */
    public List<SentItem> sentBy(long personId, int limit) {
        return jdbc.sql("""
                        SELECT oficio_id, min(kind), min(number), min(subject), min(delivered_at), count(*),
                               count(read_at), count(entry_number), bool_or(annulled_at IS NOT NULL)
                        FROM delivery_inbox_entry WHERE sent_by = ?
                        GROUP BY oficio_id ORDER BY min(delivered_at) DESC, oficio_id LIMIT ?""")
                .params(personId, limit)
                .query((rs, n) -> new SentItem(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getInt(6), rs.getInt(7), rs.getInt(8),
                        rs.getBoolean(9)))
                .list();
    }

    /** The recipient units' entries answered by the reply; @return the units newly marked */
    public List<Long> markAnswered(UUID oficioId, Collection<Long> unitIds, UUID replyId, Instant at) {
        return jdbc.sql("""
                        UPDATE delivery_inbox_entry SET answered_at = ?, answer_id = ?
                        WHERE oficio_id = ? AND unit_id = ANY(?::bigint[]) AND answered_at IS NULL RETURNING unit_id""")
                .params(Timestamp.from(at), replyId, oficioId, unitIds.toArray(Long[]::new)).query(Long.class).list();
    }

    /** @return false when it was already archived */
    public boolean archive(UUID oficioId, long unitId, Instant at) {
        return jdbc.sql("""
                        UPDATE delivery_inbox_entry SET archived_at = ?
                        WHERE oficio_id = ? AND unit_id = ? AND archived_at IS NULL""")
                .params(Timestamp.from(at), oficioId, unitId).update() == 1;
    }

    /**
     * A copy of one unit's entry in another unit's inbox, noting where it came from and why.
     *
     * @return false when that unit already has the oficio
     */
    public boolean forward(UUID oficioId, long fromUnitId, long toUnitId, String note, Instant at) {
        return jdbc.sql("""
                        INSERT INTO delivery_inbox_entry (oficio_id, unit_id, role, kind, number, subject, sender_unit_id,
                            sender_unit_name, sent_by, author_name, delivered_at, forwarded_from, forward_note, confidential)
                        SELECT oficio_id, ?, 'TO', kind, number, subject, sender_unit_id, sender_unit_name, sent_by,
                            author_name, ?, unit_id, ?, confidential
                        FROM delivery_inbox_entry WHERE oficio_id = ? AND unit_id = ?
                        ON CONFLICT (oficio_id, unit_id) DO NOTHING""")
                .params(toUnitId, Timestamp.from(at), note, oficioId, fromUnitId).update() == 1;
    }

    public List<String> tags(UUID oficioId, long unitId) {
        return jdbc.sql("SELECT tags FROM delivery_inbox_entry WHERE oficio_id = ? AND unit_id = ?")
                .params(oficioId, unitId).query((rs, n) -> List.of((String[]) rs.getArray(1).getArray())).optional()
                .orElse(List.of());
    }

    public void tag(UUID oficioId, long unitId, List<String> tags) {
        jdbc.sql("UPDATE delivery_inbox_entry SET tags = ? WHERE oficio_id = ? AND unit_id = ?")
                .params(tags.toArray(String[]::new), oficioId, unitId).update();
    }
}
