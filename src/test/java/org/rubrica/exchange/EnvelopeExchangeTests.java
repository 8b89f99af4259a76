package org.rubrica.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.rubrica.shared.ContentHash;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.signing.internal.ServiceKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Envelopes between installations: one signed with the sender's node key (XAdES, checked by DSS) and carrying the
 * files it names is accepted once; a changed envelope, one from an unknown installation or signed with another key,
 * one whose files differ, one for another installation, one that is not XML (or smuggles an external entity) and
 * the same envelope again are refused, each logged with its reason.
 * <p>
 * One installation plays both sides here: it registers its own node certificate as that of "PEER".
 */
@RubricaTest
class EnvelopeExchangeTests {

    /** A real signed PDF (made once for the class): an envelope's first file must be one. */
    static byte[] PDF;

    @Autowired EnvelopeExchange exchange;
    @Autowired KnownNodes nodes;
    @Autowired ServiceKeys serviceKeys;
    @Autowired Acting acting;
    @Autowired JdbcClient jdbc;

    @Autowired org.rubrica.SignedOficios signedOficios;
    @Autowired org.rubrica.delivery.DeliveryService delivery;
    @Autowired org.rubrica.drafting.AnnexService annexes;

    @org.junit.jupiter.api.BeforeEach
    void signedPdf() {
        if (PDF == null) {
            var id = signedOficios.signed("Oficio para un sobre de prueba");
            acting.as(Acting.DRAFTER);
            PDF = signedOficios.signedPdf(id);
        }
        acting.nobody();
    }

    @AfterEach
    void logout() {
        acting.nobody();
    }

    private void trustPeer(String certificatePem) {
        acting.as(Acting.ADMIN);
        nodes.register("PEER", "Gobierno del Estado (prueba)", "http://127.0.0.1:9/rubrica", certificatePem,
                List.of(new KnownNode.RemoteUnit("SEDU/DPE", "Dirección de Planeación Educativa")));
        acting.nobody();
    }

    private Envelope envelope(String from, String to) {
        return new Envelope(UUID.randomUUID(), Instant.now(), from, "SEDU/DPE", "Dirección de Planeación Educativa",
                to, "SEC/DGE", "SEDU/DPE/0042/2026", "OFICIO", "Calendario escolar 2027", false,
                List.of(new Envelope.Part("oficio.pdf", "application/pdf", ContentHash.ofBytes(PDF))));
    }

    private EnvelopeRefused.Reason refusal(byte[] xml, Map<String, byte[]> files) {
        try {
            exchange.receive(xml, files);
        } catch (EnvelopeRefused e) {
            return e.reason();
        }
        throw new AssertionError("accepted");
    }

    private long logged(String status, String reason) {
        return jdbc.sql("SELECT count(*) FROM exchange_inbound WHERE status = ? AND reason IS NOT DISTINCT FROM ?")
                .params(status, reason).query(Long.class).single();
    }

    @Test
    void a_signed_envelope_is_accepted_once_and_every_bad_one_is_refused_and_logged() {
        trustPeer(nodes.ownCertificatePem());
        byte[] annex = "%PDF-1.7 anexo: calendario".getBytes(StandardCharsets.US_ASCII);
        Envelope plain = envelope("PEER", nodes.ownCode());
        Envelope envelope = new Envelope(plain.id(), plain.sentAt(), plain.fromNode(), plain.fromUnitCode(),
                plain.fromUnitName(), plain.toNode(), plain.toUnitCode(), plain.number(), plain.kind(),
                plain.subject(), plain.confidential(), List.of(plain.parts().getFirst(),
                        new Envelope.Part("calendario.pdf", "application/pdf", ContentHash.ofBytes(annex))));
        Map<String, byte[]> files = Map.of("oficio.pdf", PDF, "calendario.pdf", annex);
        byte[] xml = exchange.pack(envelope);
        assertThat(new String(xml, StandardCharsets.UTF_8)).contains("ds:Signature", "xades:SignedProperties");

        Envelope accepted = exchange.receive(xml, files);
        assertThat(accepted).isEqualTo(envelope);
        assertThat(logged("ACCEPTED", null)).isPositive();
        // it is in the addressed unit's inbox, sent by the unit standing for the sender's unit there
        acting.as(Acting.RECIPIENT);
        var item = delivery.myInbox().stream().filter(i -> i.subject().equals("Calendario escolar 2027")).findFirst()
                .orElseThrow();
        assertThat(item.senderUnitName()).isEqualTo("Dirección de Planeación Educativa");
        assertThat(annexes.list(item.oficioId())).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("calendario.pdf");
            assertThat(a.sha256()).isEqualTo(ContentHash.ofBytes(annex));
        });
        acting.nobody();

        assertThat(refusal(xml, files)).isEqualTo(EnvelopeRefused.Reason.REPLAYED);

        byte[] changed = new String(exchange.pack(envelope("PEER", nodes.ownCode())), StandardCharsets.UTF_8)
                .replace("Calendario escolar 2027", "Calendario escolar 2028").getBytes(StandardCharsets.UTF_8);
        assertThat(refusal(changed, Map.of("oficio.pdf", PDF))).isEqualTo(EnvelopeRefused.Reason.BAD_SIGNATURE);

        assertThat(refusal(exchange.pack(envelope("OTRO", nodes.ownCode())), Map.of("oficio.pdf", PDF)))
                .isEqualTo(EnvelopeRefused.Reason.UNKNOWN_NODE);
        assertThat(refusal(exchange.pack(envelope("PEER", "OTRO")), Map.of("oficio.pdf", PDF)))
                .isEqualTo(EnvelopeRefused.Reason.NOT_FOR_US);

        byte[] fresh = exchange.pack(envelope("PEER", nodes.ownCode()));
        assertThat(refusal(fresh, Map.of("oficio.pdf", "%PDF-1.7 otro".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo(EnvelopeRefused.Reason.FILES_MISMATCH);
        assertThat(refusal(fresh, Map.of())).isEqualTo(EnvelopeRefused.Reason.FILES_MISMATCH);
        assertThat(refusal(exchange.pack(new Envelope(UUID.randomUUID(), Instant.now(), "PEER", "SEDU/DPE", "X",
                nodes.ownCode(), "SEC/DGE", "X/3/2026", "OFICIO", "Sin archivos", false, List.of())), Map.of()))
                .isEqualTo(EnvelopeRefused.Reason.FILES_MISMATCH);
        assertThat(refusal(fresh, Map.of("oficio.pdf", PDF, "extra.pdf", PDF)))
                .isEqualTo(EnvelopeRefused.Reason.FILES_MISMATCH);
        byte[] unsigned = "%PDF-1.7 sin firma".getBytes(StandardCharsets.US_ASCII);
        assertThat(refusal(exchange.pack(new Envelope(UUID.randomUUID(), Instant.now(), "PEER", "SEDU/DPE", "X",
                nodes.ownCode(), "SEC/DGE", "X/1/2026", "OFICIO", "Sin firma", false, List.of(new Envelope.Part(
                        "oficio.pdf", "application/pdf", ContentHash.ofBytes(unsigned))))), Map.of("oficio.pdf", unsigned)))
                .isEqualTo(EnvelopeRefused.Reason.UNSIGNED_DOCUMENT);
        assertThat(refusal(exchange.pack(new Envelope(UUID.randomUUID(), Instant.now(), "PEER", "SEDU/DPE", "X",
                nodes.ownCode(), "NO/EXISTE", "X/2/2026", "OFICIO", "A nadie", false, plain.parts())),
                Map.of("oficio.pdf", PDF))).isEqualTo(EnvelopeRefused.Reason.UNKNOWN_UNIT);

        assertThat(refusal("no es XML".getBytes(StandardCharsets.UTF_8), Map.of()))
                .isEqualTo(EnvelopeRefused.Reason.MALFORMED);
        String entity = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Envelope xmlns=\"urn:rubrica:exchange:1\">&x;</Envelope>";
        assertThat(refusal(entity.getBytes(StandardCharsets.UTF_8), Map.of()))
                .isEqualTo(EnvelopeRefused.Reason.MALFORMED);

        for (EnvelopeRefused.Reason reason : EnvelopeRefused.Reason.values()) {
            assertThat(logged("REFUSED", reason.name())).as(reason.name()).isPositive();
        }
    }

    @Test
    void an_envelope_signed_with_a_key_other_than_the_registered_one_is_refused() throws Exception {
        // the registered certificate is another key's (the institution's seal), not the node key that signs
        var seal = serviceKeys.get(ServiceKeys.Kind.SEAL).certificate();
        trustPeer("-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder().encodeToString(seal.getEncoded())
                + "\n-----END CERTIFICATE-----");
        byte[] xml = exchange.pack(envelope("PEER", nodes.ownCode()));
        assertThat(refusal(xml, Map.of("oficio.pdf", PDF))).isEqualTo(EnvelopeRefused.Reason.BAD_SIGNATURE);

        acting.as(Acting.ADMIN);
        nodes.deactivate("PEER");
        acting.nobody();
        assertThat(refusal(xml, Map.of("oficio.pdf", PDF))).isEqualTo(EnvelopeRefused.Reason.UNKNOWN_NODE);
    }

    @Test
    void only_an_organisation_administrator_registers_installations_and_bad_fields_are_named() {
        acting.as(Acting.DRAFTER);
        assertThatThrownBy(() -> nodes.register("PEER", "X", "http://x", nodes.ownCertificatePem(), List.of()))
                .isInstanceOf(AccessDeniedException.class);
        acting.as(Acting.ADMIN);
        assertThatThrownBy(() -> nodes.register("peer minúsculas", "X", "http://x", nodes.ownCertificatePem(),
                List.of())).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageKey()).isEqualTo("exchange.node.code"));
        assertThatThrownBy(() -> nodes.register("PEER", "X", "ftp://x", nodes.ownCertificatePem(), List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("exchange.node.url"));
        assertThatThrownBy(() -> nodes.register("PEER", "X", "http://x", "no es un certificado", List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("exchange.node.certificate"));
    }
}
