package org.rubrica.exchange.internal;

import java.sql.Timestamp;
import java.util.UUID;

import org.rubrica.delivery.DeliveryEvents;
import org.rubrica.directory.Directory;
import org.rubrica.exchange.Acknowledgement;
import org.rubrica.exchange.EnvelopeExchange;
import org.rubrica.exchange.KnownNodes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When the receiving office here registers an oficio that came from another installation, packs the signed
 * acknowledgement for it (entry number, time, the sealed acuse's SHA-256) in the registration's transaction;
 * {@link OutboundDispatcher} takes it back to the installation it came from.
 */
@Component
class AckRecorder {

    private final KnownNodes nodes;
    private final EnvelopeExchange exchange;
    private final Directory directory;
    private final JdbcClient jdbc;

    AckRecorder(KnownNodes nodes, EnvelopeExchange exchange, Directory directory, JdbcClient jdbc) {
        this.nodes = nodes;
        this.exchange = exchange;
        this.directory = directory;
        this.jdbc = jdbc;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(DeliveryEvents.Acknowledged e) {
        record Origin(UUID envelopeId, String node) {
        }
        jdbc.sql("SELECT envelope_id, node_code FROM exchange_inbound WHERE oficio_id = ? AND status = 'ACCEPTED'")
                .param(e.oficioId()).query((rs, n) -> new Origin(rs.getObject(1, UUID.class), rs.getString(2)))
                .optional().ifPresent(origin -> {
                    Acknowledgement ack = new Acknowledgement(UUID.randomUUID(), origin.envelopeId(), nodes.ownCode(),
                            origin.node(), directory.unit(e.unitId()).code(), e.entryNumber(), e.at(), e.sha256());
                    jdbc.sql("""
                                    INSERT INTO exchange_outbound (envelope_id, oficio_id, node_id, remote_unit, envelope,
                                        status, next_attempt_at, created_at, kind)
                                    SELECT ?, ?, id, 'ACK', ?, 'PENDING', ?, ?, 'ACK' FROM exchange_node WHERE code = ?
                                    ON CONFLICT (oficio_id, node_id, remote_unit) DO NOTHING""")
                            .params(ack.id(), e.oficioId(), exchange.pack(ack), Timestamp.from(e.at()),
                                    Timestamp.from(e.at()), origin.node())
                            .update();
                });
    }
}
