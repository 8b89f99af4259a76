package org.rubrica.api.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.rubrica.api.WebhookEvent;
import org.rubrica.delivery.DeliveryEvents;
import org.rubrica.directory.Directory;
import org.rubrica.drafting.OficioEvents;
import org.rubrica.drafting.OficioService;
import org.rubrica.signing.SigningEvents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a pending call for every webhook concerned by an event, in the transaction of the change (just before
 * it commits): a rolled-back send announces nothing, and a crash after the commit loses no call. The payload
 * names the oficio and the unit, never its subject or text: the receiver asks the API, which checks who may see.
 */
@Component
class WebhookRecorder {

    private final JdbcClient jdbc;
    private final OficioService oficios;
    private final Directory directory;
    private final JsonMapper json;

    WebhookRecorder(JdbcClient jdbc, OficioService oficios, Directory directory, JsonMapper json) {
        this.jdbc = jdbc;
        this.oficios = oficios;
        this.directory = directory;
        this.json = json;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(SigningEvents.OficioSigned e) {
        if (e.complete() && anyFor(WebhookEvent.SIGNED)) {
            oficios.registered(e.oficioId()).ifPresent(o -> record(WebhookEvent.SIGNED, e.at(), e.oficioId(),
                    Set.of(o.senderUnitId()), Map.of("number", o.number(), "senderUnit", code(o.senderUnitId()))));
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(OficioEvents.OficioSent e) {
        if (anyFor(WebhookEvent.SENT)) {
            record(WebhookEvent.SENT, e.at(), e.oficioId(), Set.of(e.senderUnitId()),
                    Map.of("number", e.number(), "senderUnit", code(e.senderUnitId())));
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(DeliveryEvents.OficioDelivered e) {
        if (anyFor(WebhookEvent.DELIVERED)) {
            record(WebhookEvent.DELIVERED, e.at(), e.oficioId(), Set.of(e.unitId()),
                    Map.of("unit", code(e.unitId()), "addressing", e.addressing().name()));
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(DeliveryEvents.Received e) {
        if (anyFor(WebhookEvent.RECEIVED)) {
            oficios.registered(e.oficioId()).ifPresent(o -> record(WebhookEvent.RECEIVED, e.at(), e.oficioId(),
                    Set.of(e.unitId(), o.senderUnitId()), Map.of("number", o.number(), "unit", code(e.unitId()),
                            "entryNumber", e.entryNumber())));
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(DeliveryEvents.Answered e) {
        if (anyFor(WebhookEvent.ANSWERED)) {
            oficios.registered(e.oficioId()).ifPresent(o -> record(WebhookEvent.ANSWERED, e.at(), e.oficioId(),
                    Set.of(e.unitId(), o.senderUnitId()), Map.of("number", o.number(), "unit", code(e.unitId()),
                            "replyId", e.replyId().toString())));
        }
    }

    /** Most installations have few webhooks or none: one cheap look spares each event the rest. */
    private boolean anyFor(WebhookEvent event) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM api_webhook WHERE deleted_at IS NULL AND :e = ANY (events))")
                .param("e", event.name()).query(Boolean.class).single();
    }

    private void record(WebhookEvent event, Instant at, UUID oficioId, Set<Long> units, Map<String, String> facts) {
        List<Long> webhooks = jdbc.sql("""
                        SELECT w.id FROM api_webhook w JOIN api_integration_token t ON t.id = w.integration_id
                        WHERE w.deleted_at IS NULL AND :e = ANY (w.events) AND t.revoked_at IS NULL
                          AND (t.expires_at IS NULL OR t.expires_at > :at) AND t.unit_id = ANY (:units)""")
                .param("e", event.name()).param("at", Timestamp.from(at))
                .param("units", units.toArray(Long[]::new)).query(Long.class).list();
        for (long webhook : webhooks) {
            UUID id = UUID.randomUUID();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("id", id.toString());
            payload.put("event", event.wireName());
            payload.put("occurredAt", at.toString());
            payload.put("oficioId", oficioId.toString());
            payload.putAll(facts);
            jdbc.sql("""
                            INSERT INTO api_webhook_delivery (id, webhook_id, event, payload, status, next_attempt_at,
                                created_at)
                            VALUES (:id, :w, :e, :payload, 'PENDING', :at, :at)""")
                    .param("id", id).param("w", webhook).param("e", event.wireName())
                    .param("payload", json.writeValueAsString(payload)).param("at", Timestamp.from(at)).update();
        }
    }

    private String code(long unitId) {
        return directory.unit(unitId).code();
    }
}
