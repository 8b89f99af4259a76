package org.rubrica.delivery.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.rubrica.drafting.Recipient;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Receipts of delivered oficios: entry numbers, their series, and the sealed acknowledgements. */
@Repository
public class ReceiptRepository {

    /** What a recipient unit's entry says about its receipt; {@code entryNumber} is null until registered. */
    public record EntryState(long unitId, Recipient.Addressing addressing, List<Long> attention, Instant deliveredAt,
                             String entryNumber, Instant receivedAt, Long receivedBy, Instant readAt, Long readBy,
                             boolean annulled, boolean acknowledged, Instant answeredAt, Instant archivedAt) {

        /** The step this entry has reached; {@code assigned} when the unit turned it to someone. */
        public org.rubrica.delivery.RecipientStatus.Stage stage(boolean assigned) {
            return org.rubrica.delivery.RecipientStatus.Stage.of(entryNumber != null, readAt != null, assigned,
                    answeredAt != null, archivedAt != null);
        }
    }

    private final JdbcClient jdbc;

    ReceiptRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String STATE = """
            SELECT e.unit_id, e.entry_number, e.received_at, e.received_by, e.read_at, e.annulled_at IS NOT NULL,
                   EXISTS (SELECT 1 FROM delivery_acknowledgement a WHERE a.oficio_id = e.oficio_id AND a.unit_id = e.unit_id),
                   e.role, e.attention, e.delivered_at, e.read_by, e.answered_at, e.archived_at
            FROM delivery_inbox_entry e""";

    /** The entry, locked until the transaction ends: two registrations of one receipt take turns. */
    public Optional<EntryState> lock(UUID oficioId, long unitId) {
        return jdbc.sql(STATE + " WHERE e.oficio_id = ? AND e.unit_id = ? FOR UPDATE OF e").params(oficioId, unitId)
                .query((rs, n) -> state(rs)).optional();
    }

    /** Every recipient unit's entry of the oficio. */
    public List<EntryState> of(UUID oficioId) {
        return jdbc.sql(STATE + " WHERE e.oficio_id = ? ORDER BY e.id").param(oficioId).query((rs, n) -> state(rs)).list();
    }

    private static EntryState state(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp received = rs.getTimestamp(3);
        Timestamp read = rs.getTimestamp(5);
        List<Long> attention = List.of((Long[]) rs.getArray(9).getArray());
        return new EntryState(rs.getLong(1), Recipient.Addressing.valueOf(rs.getString(8)), attention,
                rs.getTimestamp(10).toInstant(), rs.getString(2), received == null ? null : received.toInstant(),
                rs.getObject(4, Long.class), read == null ? null : read.toInstant(), rs.getObject(11, Long.class),
                rs.getBoolean(6), rs.getBoolean(7), instant(rs.getTimestamp(12)), instant(rs.getTimestamp(13)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** The unit's next entry number of the year, gap-free: taken in the registering transaction, undone with it. */
    public int nextInSeries(long unitId, int year) {
        return jdbc.sql("""
                        INSERT INTO delivery_entry_series (unit_id, year, last_value) VALUES (?, ?, 1)
                        ON CONFLICT (unit_id, year) DO UPDATE SET last_value = delivery_entry_series.last_value + 1
                        RETURNING last_value""")
                .params(unitId, year).query(Integer.class).single();
    }

    public void markReceived(UUID oficioId, long unitId, String entryNumber, long byId, Instant at) {
        jdbc.sql("""
                        UPDATE delivery_inbox_entry SET entry_number = ?, received_at = ?, received_by = ?
                        WHERE oficio_id = ? AND unit_id = ? AND entry_number IS NULL""")
                .params(entryNumber, Timestamp.from(at), byId, oficioId, unitId).update();
    }

    /** @return whether it was stored (false: one was already there) */
    public boolean storeAcknowledgement(UUID oficioId, long unitId, byte[] pdf, String sha256, Instant at) {
        return jdbc.sql("""
                        INSERT INTO delivery_acknowledgement (oficio_id, unit_id, pdf, sha256, created_at)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(oficioId, unitId, pdf, sha256, Timestamp.from(at)).update() == 1;
    }

    public Optional<byte[]> acknowledgement(UUID oficioId, long unitId) {
        return jdbc.sql("SELECT pdf FROM delivery_acknowledgement WHERE oficio_id = ? AND unit_id = ?")
                .params(oficioId, unitId).query(byte[].class).optional();
    }
}
