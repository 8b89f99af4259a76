package org.rubrica.metrics.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.rubrica.delivery.DeliveryEvents;
import org.rubrica.directory.Directory;
import org.rubrica.drafting.OficioEvents;
import org.rubrica.signing.SigningEvents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the facts indicators are computed from, in the transaction of each change (just before it commits), so a
 * rolled-back send counts nothing. Only times and units: no subject, no text.
 */
@Component
class FactRecorder {

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Rollups rollups;

    FactRecorder(JdbcClient jdbc, Directory directory, Rollups rollups) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.rollups = rollups;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(OficioEvents.DraftCreated e) {
        jdbc.sql("""
                        INSERT INTO metrics_oficio (oficio_id, kind, sender_unit_id, sender_agency, author_id, created_at)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(e.oficioId(), e.kind(), e.senderUnitId(), directory.agencyOf(e.senderUnitId()).id(), e.actorId(),
                        Timestamp.from(e.at()))
                .update();
        rollups.mark(e.at(), e.senderUnitId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(SigningEvents.OficioSigned e) {
        if (e.complete()) {
            set("metrics_oficio", "signed_at", e.oficioId(), null, e.at());
            jdbc.sql("UPDATE metrics_oficio SET pages = ? WHERE oficio_id = ?").params(e.pages(), e.oficioId()).update();
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(OficioEvents.OficioSent e) {
        jdbc.sql("UPDATE metrics_oficio SET recipients = ? WHERE oficio_id = ?").params(e.others() + 1, e.oficioId())
                .update();
        set("metrics_oficio", "sent_at", e.oficioId(), null, e.at());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(DeliveryEvents.OficioDelivered e) {
        jdbc.sql("""
                        INSERT INTO metrics_delivery (oficio_id, unit_id, agency_id, delivered_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(e.oficioId(), e.unitId(), directory.agencyOf(e.unitId()).id(), Timestamp.from(e.at()))
                .update();
        rollups.mark(e.at(), e.unitId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(DeliveryEvents.Received e) {
        set("metrics_delivery", "received_at", e.oficioId(), e.unitId(), e.at());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(DeliveryEvents.Answered e) {
        set("metrics_delivery", "answered_at", e.oficioId(), e.unitId(), e.at());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(DeliveryEvents.Archived e) {
        set("metrics_delivery", "archived_at", e.oficioId(), e.unitId(), e.at());
    }

    /**
     * Records the first time only, and marks the day for the summaries; {@code unitId} null for the oficio's own
     * facts (marked for its sender unit).
     */
    private void set(String table, String column, UUID oficioId, Long unitId, Instant at) {
        String where = unitId == null ? "oficio_id = ?" : "oficio_id = ? AND unit_id = ?";
        var statement = jdbc.sql("UPDATE " + table + " SET " + column + " = ? WHERE " + where + " AND " + column
                + " IS NULL RETURNING " + (unitId == null ? "sender_unit_id" : "unit_id"))
                .param(Timestamp.from(at)).param(oficioId);
        (unitId == null ? statement : statement.param(unitId)).query(Long.class).optional()
                .ifPresent(unit -> rollups.mark(at, unit));
    }
}
