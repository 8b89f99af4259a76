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
import org.rubrica.directory.Directory;
import org.rubrica.directory.DirectoryAdministration;
import org.rubrica.directory.Person;
import org.rubrica.directory.PersonForm;
import org.rubrica.directory.Unit;
import org.rubrica.directory.UnitCode;
import org.rubrica.directory.UnitForm;
import org.rubrica.directory.UnitKind;
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
    private final Directory directory;
    private final DirectoryAdministration administration;
    private final String configuredCode;

    KnownNodes(JdbcClient jdbc, CurrentActor currentActor, NodeIdentity identity, Clock clock,
               @Value("${rubrica.exchange.node-code:}") String configuredCode, Directory directory,
               DirectoryAdministration administration) {
        this.jdbc = jdbc;
        this.administration = administration;
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
        // the code is also the code of the agency its units hang from in this directory
        if (code == null || !code.matches("[A-Z0-9]{1,12}") || code.equals(ownCode())) {
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
        long agency = localUnit(null, code, name.strip(), UnitKind.EXTERNAL);
        jdbc.sql("UPDATE exchange_node SET local_unit_id = ? WHERE id = ?").params(agency, id).update();
        if (jdbc.sql("SELECT person_id FROM exchange_node WHERE id = ?").param(id).query(Long.class).optional()
                .isEmpty()) {
            jdbc.sql("UPDATE exchange_node SET person_id = ? WHERE id = ?")
                    .params(nodePerson(code, name.strip(), agency), id).update();
        }
        for (KnownNode.RemoteUnit unit : units == null ? List.<KnownNode.RemoteUnit>of() : units) {
            String localCode = code + "/" + unit.code();
            if (unit.code() == null || !UnitCode.isValid(localCode) || unit.name() == null || unit.name().isBlank()) {
                throw new InvalidInputException("exchange.node.unit", "units", String.valueOf(unit.code()));
            }
            long local = localUnit(agency, localCode, unit.name().strip(), UnitKind.EXTERNAL);
            jdbc.sql("""
                            INSERT INTO exchange_node_unit (node_id, unit_code, unit_name, local_unit_id)
                            VALUES (?, ?, ?, ?)
                            ON CONFLICT (node_id, unit_code) DO UPDATE SET unit_name = EXCLUDED.unit_name,
                                local_unit_id = EXCLUDED.local_unit_id""")
                    .params(id, unit.code(), unit.name().strip(), local).update();
        }
        return find(code).orElseThrow();
    }

    /**
     * The unit of this directory that stands for another installation (its agency) or one of its units, made
     * when first registered: drafts address it like any unit, and sending to it sends an envelope.
     */
    private long localUnit(Long parentId, String code, String name, UnitKind kind) {
        return directory.unitByCode(code).map(Unit::id)
                .orElseGet(() -> administration.saveUnit(new UnitForm(null, parentId, code, name, kind, null, true)));
    }

    /**
     * The person standing for the installation as the author of what it sends here: inactive (nobody logs in as
     * them), with a random password nobody is told.
     */
    private long nodePerson(String code, String name, long agency) {
        String username = "nodo." + code.toLowerCase(java.util.Locale.ROOT);
        return directory.people().stream().filter(p -> p.username().equals(username)).map(Person::id).findFirst()
                .orElseGet(() -> {
                    byte[] random = new byte[24];
                    new java.security.SecureRandom().nextBytes(random);
                    return administration.savePerson(new PersonForm(null, username, name, "Instalación de Rubrica",
                            username + "@instalaciones.invalid", agency, false,
                            java.util.HexFormat.of().formatHex(random), java.util.Set.of()));
                });
    }

    /** Who, in this directory, stands for the installation's side of what it sends here. */
    public record Sender(long unitId, long personId) {
    }

    /** The unit (the one registered for that code, or the installation's own) and person an arrival comes from. */
    @Transactional(readOnly = true)
    public Optional<Sender> sender(String node, String unitCode) {
        return jdbc.sql("""
                        SELECT coalesce(u.local_unit_id, n.local_unit_id), n.person_id FROM exchange_node n
                        LEFT JOIN exchange_node_unit u ON u.node_id = n.id AND u.unit_code = ?
                        WHERE n.code = ? AND n.person_id IS NOT NULL AND n.local_unit_id IS NOT NULL""")
                .params(unitCode, node).query((rs, n) -> new Sender(rs.getLong(1), rs.getLong(2))).optional();
    }

    /** The installation and unit code there that a unit of this directory stands for, if it does. */
    @Transactional(readOnly = true)
    public Optional<RemoteAddress> remote(long localUnitId) {
        return jdbc.sql("""
                        SELECT n.code, u.unit_code FROM exchange_node_unit u JOIN exchange_node n ON n.id = u.node_id
                        WHERE u.local_unit_id = ? AND n.active""")
                .param(localUnitId).query((rs, n) -> new RemoteAddress(rs.getString(1), rs.getString(2))).optional();
    }

    /** A unit of another installation: the installation's code and the unit's code there. */
    public record RemoteAddress(String node, String unitCode) {
    }

    /** Stops trusting an installation: its envelopes are refused from now on. */
    public void deactivate(String code) {
        currentActor.requireRole(Role.ORG_ADMIN);
        jdbc.sql("UPDATE exchange_node SET active = false WHERE code = ?").param(code).update();
    }

    @Transactional(readOnly = true)
    public List<KnownNode> list() {
        currentActor.requireRole(Role.ORG_ADMIN);
        return select("ORDER BY n.code", null);
    }

    /** The node by its code, active or not; read by the envelope check before anyone is logged in. */
    @Transactional(readOnly = true)
    public Optional<KnownNode> find(String code) {
        return select("WHERE n.code = ?", code).stream().findFirst();
    }

    /** Nodes with their units, read in one query (units gathered as arrays, in code order). */
    private List<KnownNode> select(String where, String code) {
        var statement = jdbc.sql("""
                SELECT n.id, n.code, n.name, n.base_url, n.certificate, n.active,
                       coalesce(array_agg(u.unit_code ORDER BY u.unit_code) FILTER (WHERE u.unit_code IS NOT NULL), '{}'),
                       coalesce(array_agg(u.unit_name ORDER BY u.unit_code) FILTER (WHERE u.unit_code IS NOT NULL), '{}')
                FROM exchange_node n LEFT JOIN exchange_node_unit u ON u.node_id = n.id
                """ + (where.startsWith("WHERE") ? where + " GROUP BY n.id" : "GROUP BY n.id " + where));
        if (code != null) {
            statement = statement.param(code);
        }
        return statement.query((rs, n) -> {
            String[] codes = (String[]) rs.getArray(7).getArray();
            String[] names = (String[]) rs.getArray(8).getArray();
            List<KnownNode.RemoteUnit> units = new java.util.ArrayList<>();
            for (int i = 0; i < codes.length; i++) {
                units.add(new KnownNode.RemoteUnit(codes[i], names[i]));
            }
            return new KnownNode(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    parse(rs.getBytes(5)), rs.getBoolean(6), List.copyOf(units));
        }).list();
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
