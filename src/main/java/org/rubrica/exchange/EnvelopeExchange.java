package org.rubrica.exchange;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.rubrica.exchange.internal.EnvelopeXml;
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
 * active installation, signed with exactly its key, addressed here, carrying exactly the files it names, and not
 * received before. Every arrival is logged, accepted or refused with the reason.
 */
@Service
public class EnvelopeExchange {

    private static final Logger log = LoggerFactory.getLogger(EnvelopeExchange.class);
    /** How much of a refused envelope the log keeps. */
    static final int KEPT_OF_REFUSED = 64 * 1024;

    private final NodeIdentity identity;
    private final KnownNodes nodes;
    private final JdbcClient jdbc;
    private final Clock clock;

    EnvelopeExchange(NodeIdentity identity, KnownNodes nodes, JdbcClient jdbc, Clock clock) {
        this.identity = identity;
        this.nodes = nodes;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The envelope as signed XML, ready to travel with its files. */
    public byte[] pack(Envelope envelope) {
        return identity.sign(EnvelopeXml.write(envelope));
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
            throw refuse(null, xml, EnvelopeRefused.Reason.MALFORMED);
        }
        KnownNode sender = nodes.find(envelope.fromNode()).filter(KnownNode::active).orElse(null);
        if (sender == null) {
            throw refuse(envelope, xml, EnvelopeRefused.Reason.UNKNOWN_NODE);
        }
        if (!identity.signedBy(xml, sender.certificate())) {
            throw refuse(envelope, xml, EnvelopeRefused.Reason.BAD_SIGNATURE);
        }
        if (!nodes.ownCode().equals(envelope.toNode())) {
            throw refuse(envelope, xml, EnvelopeRefused.Reason.NOT_FOR_US);
        }
        Map<String, String> named = new HashMap<>();
        envelope.parts().forEach(p -> named.put(p.name(), p.sha256()));
        boolean sameFiles = named.size() == envelope.parts().size() && named.keySet().equals(files.keySet())
                && files.entrySet().stream().allMatch(f -> ContentHash.ofBytes(f.getValue())
                        .equalsIgnoreCase(named.get(f.getKey())));
        if (!sameFiles) {
            throw refuse(envelope, xml, EnvelopeRefused.Reason.FILES_MISMATCH);
        }
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM exchange_inbound WHERE envelope_id = ? AND status = 'ACCEPTED')")
                .param(envelope.id()).query(Boolean.class).single()) {
            throw refuse(envelope, xml, EnvelopeRefused.Reason.REPLAYED);
        }
        try {
            record(envelope, xml, "ACCEPTED", null);
        } catch (DuplicateKeyException e) { // the same envelope twice at once: the other one was taken
            log.warn("Envelope {} from {} refused: {} (concurrently)", envelope.id(), envelope.fromNode(),
                    EnvelopeRefused.Reason.REPLAYED);
            throw new EnvelopeRefused(EnvelopeRefused.Reason.REPLAYED);
        }
        return envelope;
    }

    private EnvelopeRefused refuse(Envelope envelope, byte[] xml, EnvelopeRefused.Reason reason) {
        log.warn("Envelope {} from {} refused: {}", envelope == null ? "?" : envelope.id(),
                envelope == null ? "?" : envelope.fromNode(), reason);
        // kept (the refusal does not roll back), but never more than a refused envelope's worth: anyone may post here
        record(envelope, xml.length > KEPT_OF_REFUSED ? java.util.Arrays.copyOf(xml, KEPT_OF_REFUSED) : xml,
                "REFUSED", reason.name());
        return new EnvelopeRefused(reason);
    }

    private void record(Envelope envelope, byte[] xml, String status, String reason) {
        jdbc.sql("""
                        INSERT INTO exchange_inbound (envelope_id, node_code, status, reason, received_at, envelope)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(envelope == null ? null : envelope.id(), envelope == null ? null : envelope.fromNode(),
                        status, reason, Timestamp.from(clock.instant()), xml)
                .update();
    }
}
