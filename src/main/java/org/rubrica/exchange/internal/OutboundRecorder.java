package org.rubrica.exchange.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.rubrica.delivery.DeliveryEvents;
import org.rubrica.directory.Directory;
import org.rubrica.drafting.Annex;
import org.rubrica.drafting.AnnexService;
import org.rubrica.drafting.OficioDetails;
import org.rubrica.drafting.OficioService;
import org.rubrica.exchange.Envelope;
import org.rubrica.exchange.EnvelopeExchange;
import org.rubrica.exchange.KnownNodes;
import org.rubrica.shared.ContentHash;
import org.rubrica.signing.OficioSigning;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When a send delivers an oficio to a unit that stands for another installation's unit, packs the envelope (the
 * signed PDF, the annexes, the XML signed with this node's key) in the send's transaction: a rolled-back send
 * sends nothing, and a committed one cannot lose its envelope. {@link OutboundDispatcher} posts it.
 */
@Component
class OutboundRecorder {

    static final String PDF_NAME = "oficio-firmado.pdf";

    private final KnownNodes nodes;
    private final EnvelopeExchange exchange;
    private final OficioService oficios;
    private final OficioSigning signing;
    private final AnnexService annexes;
    private final Directory directory;
    private final JdbcClient jdbc;

    OutboundRecorder(KnownNodes nodes, EnvelopeExchange exchange, OficioService oficios, OficioSigning signing,
                     AnnexService annexes, Directory directory, JdbcClient jdbc) {
        this.nodes = nodes;
        this.exchange = exchange;
        this.oficios = oficios;
        this.signing = signing;
        this.annexes = annexes;
        this.directory = directory;
        this.jdbc = jdbc;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(DeliveryEvents.OficioDelivered e) {
        nodes.remote(e.unitId()).ifPresent(remote -> record(e, remote));
    }

    private void record(DeliveryEvents.OficioDelivered e, KnownNodes.RemoteAddress remote) {
        OficioDetails oficio = oficios.get(e.oficioId());
        byte[] pdf = signing.signedPdf(e.oficioId())
                .orElseThrow(() -> new IllegalStateException("a sent oficio without its signed PDF: " + e.oficioId()));
        List<Envelope.Part> parts = new ArrayList<>();
        List<Object[]> files = new ArrayList<>();
        parts.add(new Envelope.Part(PDF_NAME, "application/pdf", ContentHash.ofBytes(pdf)));
        files.add(new Object[] {PDF_NAME, "application/pdf", pdf});
        for (Annex annex : annexes.list(e.oficioId())) {
            parts.add(new Envelope.Part(annex.fileName(), annex.mediaType(), annex.sha256()));
            files.add(new Object[] {annex.fileName(), annex.mediaType(), annexes.content(e.oficioId(), annex.id())});
        }
        Envelope envelope = new Envelope(UUID.randomUUID(), e.at(), nodes.ownCode(),
                directory.unit(oficio.senderUnitId()).code(), oficio.senderUnitName(), remote.node(),
                remote.unitCode(), oficio.number(), oficio.kind(), oficio.subject(), oficio.confidential(), parts);
        int inserted = jdbc.sql("""
                        INSERT INTO exchange_outbound (envelope_id, oficio_id, node_id, remote_unit, envelope, status,
                            next_attempt_at, created_at)
                        SELECT ?, ?, id, ?, ?, 'PENDING', ?, ? FROM exchange_node WHERE code = ?
                        ON CONFLICT (oficio_id, node_id, remote_unit) DO NOTHING""")
                .params(envelope.id(), e.oficioId(), remote.unitCode(), exchange.pack(envelope),
                        Timestamp.from(e.at()), Timestamp.from(e.at()), remote.node())
                .update();
        if (inserted > 0) {
            for (Object[] file : files) {
                jdbc.sql("INSERT INTO exchange_outbound_file (envelope_id, name, media_type, content) VALUES (?, ?, ?, ?)")
                        .params(envelope.id(), file[0], file[1], file[2]).update();
            }
        }
    }
}
