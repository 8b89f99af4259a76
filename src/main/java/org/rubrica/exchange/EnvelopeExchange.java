package org.rubrica.exchange;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.rubrica.delivery.DeliveryService;
import org.rubrica.directory.Directory;
import org.rubrica.directory.Unit;
import org.rubrica.directory.UnitKind;
import org.rubrica.drafting.IncomingOficios;
import org.rubrica.drafting.SentOficio;
import org.rubrica.exchange.internal.EnvelopeXml;
import org.rubrica.signing.OficioSigning;
import org.rubrica.shared.ContentHash;
import org.rubrica.signing.NodeIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs the envelopes this installation sends, and checks the ones that arrive: readable, from a registered and
 * active installation, signed with exactly its key, addressed here and to a unit it has, carrying exactly the
 * files it names (the first a signed PDF), and not received before. An accepted one is recorded as an oficio sent
 * by the unit standing for its sender and delivered to its unit's inbox, in the same transaction. Every arrival is
 * logged, accepted or refused with the reason.
 */
@Service
public class EnvelopeExchange {

    private static final Logger log = LoggerFactory.getLogger(EnvelopeExchange.class);
    /** How much of a refused envelope the log keeps. */
    static final int KEPT_OF_REFUSED = 64 * 1024;

    private final NodeIdentity identity;
    private final KnownNodes nodes;
    private final Directory directory;
    private final IncomingOficios incoming;
    private final OficioSigning signing;
    private final DeliveryService delivery;
    private final JdbcClient jdbc;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;

    EnvelopeExchange(NodeIdentity identity, KnownNodes nodes, Directory directory, IncomingOficios incoming,
                     OficioSigning signing, DeliveryService delivery, JdbcClient jdbc,
                     org.springframework.context.ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.identity = identity;
        this.nodes = nodes;
        this.directory = directory;
        this.incoming = incoming;
        this.signing = signing;
        this.delivery = delivery;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The envelope as signed XML, ready to travel with its files. */
    public byte[] pack(Envelope envelope) {
        return identity.sign(EnvelopeXml.write(envelope));
    }

    /** The acknowledgement as signed XML. */
    public byte[] pack(Acknowledgement acknowledgement) {
        return identity.sign(EnvelopeXml.write(acknowledgement));
    }

    /**
     * Checks an acknowledgement that arrived for an envelope this installation sent (signed by the installation it
     * was sent to, not received before), records it, and tells the trail of the oficio it was for.
     *
     * @throws EnvelopeRefused (after recording the refusal) when any check fails
     */
    @Transactional(noRollbackFor = EnvelopeRefused.class)
    public Acknowledgement acknowledge(byte[] xml) {
        Acknowledgement ack;
        try {
            ack = EnvelopeXml.readAcknowledgement(xml);
        } catch (EnvelopeXml.MalformedEnvelope e) {
            throw refuse(null, null, xml, EnvelopeRefused.Reason.MALFORMED);
        }
        checkSender(ack.id(), ack.fromNode(), ack.toNode(), xml);
        UUID oficioId = jdbc.sql("""
                        SELECT o.oficio_id FROM exchange_outbound o JOIN exchange_node n ON n.id = o.node_id
                        WHERE o.envelope_id = ? AND n.code = ? AND o.kind = 'OFICIO'""")
                .params(ack.envelopeId(), ack.fromNode()).query(UUID.class).optional()
                .orElseThrow(() -> refuse(ack.id(), ack.fromNode(), xml, EnvelopeRefused.Reason.NOT_FOR_US));
        notSeenBefore(ack.id(), ack.fromNode(), xml);
        long arrival = record(ack.id(), ack.fromNode(), xml, "ACCEPTED", null);
        jdbc.sql("UPDATE exchange_inbound SET oficio_id = ? WHERE id = ?").params(oficioId, arrival).update();
        events.publishEvent(new ExchangeEvents.AcknowledgedElsewhere(oficioId, ack.fromNode(), ack.unitCode(),
                ack.entryNumber(), ack.acuseSha256(), ack.receivedAt()));
        return ack;
    }

    /**
     * Checks an arrived envelope and its files (by name) and records it accepted.
     *
     * @throws EnvelopeRefused (after recording the refusal) when any check fails
     */
    @Transactional(noRollbackFor = EnvelopeRefused.class)
    public Envelope receive(byte[] xml, Map<String, byte[]> files) {
        Envelope envelope;
        try {
            envelope = EnvelopeXml.read(xml);
        } catch (EnvelopeXml.MalformedEnvelope e) {
            throw refuse(null, null, xml, EnvelopeRefused.Reason.MALFORMED);
        }
        checkSender(envelope.id(), envelope.fromNode(), envelope.toNode(), xml);
        Map<String, String> named = new HashMap<>();
        envelope.parts().forEach(p -> named.put(p.name(), p.sha256()));
        boolean sameFiles = !envelope.parts().isEmpty() && named.size() == envelope.parts().size()
                && named.keySet().equals(files.keySet())
                && files.entrySet().stream().allMatch(f -> ContentHash.ofBytes(f.getValue())
                        .equalsIgnoreCase(named.get(f.getKey())));
        if (!sameFiles) {
            throw refuse(envelope.id(), envelope.fromNode(), xml, EnvelopeRefused.Reason.FILES_MISMATCH);
        }
        notSeenBefore(envelope.id(), envelope.fromNode(), xml);
        Unit recipient = directory.unitByCode(envelope.toUnitCode())
                .filter(u -> u.active() && u.kind() != UnitKind.EXTERNAL).orElse(null);
        if (recipient == null) {
            throw refuse(envelope.id(), envelope.fromNode(), xml, EnvelopeRefused.Reason.UNKNOWN_UNIT);
        }
        KnownNodes.Sender from = nodes.sender(envelope.fromNode(), envelope.fromUnitCode()).orElse(null);
        if (from == null) {
            throw refuse(envelope.id(), envelope.fromNode(), xml, EnvelopeRefused.Reason.UNKNOWN_NODE);
        }
        byte[] pdf = files.get(envelope.parts().getFirst().name()); // the first part is the signed oficio
        if (!signing.isSignedPdf(pdf)) {
            throw refuse(envelope.id(), envelope.fromNode(), xml, EnvelopeRefused.Reason.UNSIGNED_DOCUMENT);
        }
        long arrival;
        try {
            arrival = record(envelope.id(), envelope.fromNode(), xml, "ACCEPTED", null);
        } catch (DuplicateKeyException e) { // the same envelope twice at once: the other one was taken
            log.warn("Envelope {} from {} refused: {} (concurrently)", envelope.id(), envelope.fromNode(),
                    EnvelopeRefused.Reason.REPLAYED);
            throw new EnvelopeRefused(EnvelopeRefused.Reason.REPLAYED);
        }
        List<IncomingOficios.IncomingAnnex> annexes = envelope.parts().stream().skip(1)
                .map(p -> new IncomingOficios.IncomingAnnex(p.name(), p.mediaType(), files.get(p.name()), p.sha256()))
                .toList();
        SentOficio received = incoming.record(new IncomingOficios.Incoming(envelope.kind(), envelope.number(),
                envelope.subject(), envelope.confidential(), from.unitId(), from.personId(), recipient.id(),
                envelope.sentAt(), annexes));
        signing.keepReceived(received.id(), from.personId(), pdf, envelope.sentAt());
        delivery.deliverReceived(received);
        jdbc.sql("UPDATE exchange_inbound SET oficio_id = ? WHERE id = ?").params(received.id(), arrival).update();
        return envelope;
    }

    /** From a registered, active installation, signed with exactly its key, and addressed here. */
    private void checkSender(UUID id, String fromNode, String toNode, byte[] xml) {
        KnownNode sender = nodes.find(fromNode).filter(KnownNode::active).orElse(null);
        if (sender == null) {
            throw refuse(id, fromNode, xml, EnvelopeRefused.Reason.UNKNOWN_NODE);
        }
        if (!identity.signedBy(xml, sender.certificate())) {
            throw refuse(id, fromNode, xml, EnvelopeRefused.Reason.BAD_SIGNATURE);
        }
        if (!nodes.ownCode().equals(toNode)) {
            throw refuse(id, fromNode, xml, EnvelopeRefused.Reason.NOT_FOR_US);
        }
    }

    private void notSeenBefore(UUID id, String fromNode, byte[] xml) {
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM exchange_inbound WHERE envelope_id = ? AND status = 'ACCEPTED')")
                .param(id).query(Boolean.class).single()) {
            throw refuse(id, fromNode, xml, EnvelopeRefused.Reason.REPLAYED);
        }
    }

    private EnvelopeRefused refuse(UUID id, String fromNode, byte[] xml, EnvelopeRefused.Reason reason) {
        log.warn("Envelope {} from {} refused: {}", id == null ? "?" : id, fromNode == null ? "?" : fromNode, reason);
        // kept (the refusal does not roll back), but never more than a refused envelope's worth: anyone may post here
        record(id, fromNode, xml.length > KEPT_OF_REFUSED ? java.util.Arrays.copyOf(xml, KEPT_OF_REFUSED) : xml,
                "REFUSED", reason.name());
        return new EnvelopeRefused(reason);
    }

    /** @return the arrival's row in the log */
    private long record(UUID id, String fromNode, byte[] xml, String status, String reason) {
        return jdbc.sql("""
                        INSERT INTO exchange_inbound (envelope_id, node_code, status, reason, received_at, envelope)
                        VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(id, fromNode, status, reason, Timestamp.from(clock.instant()), xml)
                .query(Long.class).single();
    }
}
