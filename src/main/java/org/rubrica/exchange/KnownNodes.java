package org.rubrica.exchange;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.rubrica.directory.CurrentActor;
import org.rubrica.directory.Role;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.signing.NodeIdentity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory of installations this one exchanges with. An organisation administrator registers each, with the
 * node certificate its administrator gave (this installation's own is {@link #ownCertificatePem()}), its address
 * and its units. Only envelopes signed with a registered, active node's key are accepted.
 */
@Service
@Transactional
public class KnownNodes {

    private final JdbcClient jdbc;
    private final CurrentActor currentActor;
    private final NodeIdentity identity;
    private final Clock clock;
    private final org.rubrica.directory.Directory directory;
    private final String configuredCode;

    KnownNodes(JdbcClient jdbc, CurrentActor currentActor, NodeIdentity identity, Clock clock,
               @Value("${rubrica.exchange.node-code:}") String configuredCode,
               org.rubrica.directory.Directory directory) {
        this.jdbc = jdbc;
        this.currentActor = currentActor;
        this.identity = identity;
        this.clock = clock;
        this.directory = directory;
        this.configuredCode = configuredCode;
    }

    /** This installation's code in envelopes: configured, or the institution's short name. */
    public String ownCode() {
        return configuredCode.isBlank() ? directory.institution().shortName() : configuredCode;
    }

    /** This installation's name: its institution's. */
    public String ownName() {
        return directory.institution().name();
    }

    /** This installation's node certificate, as PEM, for other installations to register. */
    public String ownCertificatePem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(identity.certificate().getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Registers (or updates, by code) another installation.
     *
     * @throws InvalidInputException for a missing code or name, an address that is not http(s), or a certificate
     *                               that cannot be read
     */
    public KnownNode register(String code, String name, String baseUrl, String certificatePem,
                              List<KnownNode.RemoteUnit> units) {
        currentActor.requireRole(Role.ORG_ADMIN);
        if (code == null || !code.matches("[A-Z0-9][A-Z0-9_-]{0,39}") || code.equals(ownCode())) {
            throw new InvalidInputException("exchange.node.code", "code");
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidInputException("exchange.node.name", "name");
        }
        try {
            URI uri = new URI(baseUrl == null ? "" : baseUrl.strip());
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new InvalidInputException("exchange.node.url", "baseUrl");
            }
        } catch (java.net.URISyntaxException e) {
            throw new InvalidInputException("exchange.node.url", "baseUrl");
        }
        X509Certificate certificate = certificate(certificatePem);
        long id;
        try {
            id = jdbc.sql("""
                            INSERT INTO exchange_node (code, name, base_url, certificate, active, created_at)
                            VALUES (:code, :name, :url, :cert, true, :now)
                            ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, base_url = EXCLUDED.base_url,
                                certificate = EXCLUDED.certificate, active = true
                            RETURNING id""")
                    .param("code", code).param("name", name.strip()).param("url", baseUrl.strip())
                    .param("cert", certificate.getEncoded()).param("now", Timestamp.from(clock.instant()))
                    .query(Long.class).single();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new InvalidInputException("exchange.node.certificate", "certificate");
        }
        jdbc.sql("DELETE FROM exchange_node_unit WHERE node_id = ?").param(id).update();
        for (KnownNode.RemoteUnit unit : units == null ? List.<KnownNode.RemoteUnit>of() : units) {
            jdbc.sql("INSERT INTO exchange_node_unit (node_id, unit_code, unit_name) VALUES (?, ?, ?)"
                            + " ON CONFLICT DO NOTHING")
                    .params(id, unit.code(), unit.name()).update();
        }
        return find(code).orElseThrow();
    }

    /** Stops trusting an installation: its envelopes are refused from now on. */
    public void deactivate(String code) {
        currentActor.requireRole(Role.ORG_ADMIN);
        jdbc.sql("UPDATE exchange_node SET active = false WHERE code = ?").param(code).update();
    }

    @Transactional(readOnly = true)
    public List<KnownNode> list() {
        currentActor.requireRole(Role.ORG_ADMIN);
        return jdbc.sql("SELECT code FROM exchange_node ORDER BY code").query(String.class).list().stream()
                .map(c -> find(c).orElseThrow()).toList();
    }

    /** The node by its code, active or not; read by the envelope check before anyone is logged in. */
    @Transactional(readOnly = true)
    public Optional<KnownNode> find(String code) {
        return jdbc.sql("SELECT id, code, name, base_url, certificate, active FROM exchange_node WHERE code = ?")
                .param(code)
                .query((rs, n) -> new KnownNode(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        parse(rs.getBytes(5)), rs.getBoolean(6), jdbc.sql("SELECT unit_code, unit_name FROM"
                                        + " exchange_node_unit WHERE node_id = ? ORDER BY unit_code")
                                .param(rs.getLong(1))
                                .query((u, m) -> new KnownNode.RemoteUnit(u.getString(1), u.getString(2))).list()))
                .optional();
    }

    private static X509Certificate certificate(String pem) {
        if (pem == null) {
            throw new InvalidInputException("exchange.node.certificate", "certificate");
        }
        try {
            String body = pem.replaceAll("-----(BEGIN|END) CERTIFICATE-----", "").replaceAll("\\s", "");
            return parse(Base64.getDecoder().decode(body));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("exchange.node.certificate", "certificate");
        }
    }

    private static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new InvalidInputException("exchange.node.certificate", "certificate");
        }
    }
}
