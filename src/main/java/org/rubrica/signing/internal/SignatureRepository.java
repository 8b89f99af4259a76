package org.rubrica.signing.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for an oficio's signatures, each stored with the PDF as it stood after it. */
@Repository
public class SignatureRepository {

    private final JdbcClient jdbc;

    SignatureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The people whose signing steps are signed already (by them or for them). */
    public List<Long> signedFor(UUID oficioId) {
        return jdbc.sql("SELECT for_id FROM signing_signature WHERE oficio_id = ? ORDER BY sequence").param(oficioId)
                .query(Long.class).list();
    }

    /** DSS's simple report on the PDF as it was stored with that signature. */
    public Optional<String> report(UUID oficioId, int sequence) {
        return jdbc.sql("SELECT dss_report FROM signing_signature WHERE oficio_id = ? AND sequence = ? AND dss_report IS NOT NULL")
                .params(oficioId, sequence).query(String.class).optional();
    }

    /** A stored signature, without its PDF. */
    public record SignatureRow(UUID oficioId, int sequence, long signerId, long forId, String sha256,
                               String certificateSerial, String certificateSubject, Instant signedAt) {
    }

    /** The oficio's signatures in order. */
    public List<SignatureRow> all(UUID oficioId) {
        return jdbc.sql("""
                        SELECT oficio_id, sequence, signer_id, for_id, sha256, certificate_serial, certificate_subject,
                            signed_at
                        FROM signing_signature WHERE oficio_id = ? ORDER BY sequence""")
                .param(oficioId)
                .query((rs, n) -> new SignatureRow(rs.getObject(1, UUID.class), rs.getInt(2), rs.getLong(3),
                        rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
                .list();
    }

    /** A stored PDF with that hash, and whether it is its oficio's latest. */
    public record HashMatch(UUID oficioId, int sequence, boolean latest) {
    }

    public Optional<HashMatch> bySha256(String sha256) {
        return jdbc.sql("""
                        SELECT s.oficio_id, s.sequence,
                            s.sequence = (SELECT max(sequence) FROM signing_signature l WHERE l.oficio_id = s.oficio_id)
                        FROM signing_signature s WHERE s.sha256 = ? LIMIT 1""")
                .param(sha256)
                .query((rs, n) -> new HashMatch(rs.getObject(1, UUID.class), rs.getInt(2), rs.getBoolean(3)))
                .optional();
    }

    /** The PDF with every signature so far, if it was signed at all. */
    public Optional<byte[]> latest(UUID oficioId) {
        return jdbc.sql("SELECT pdf FROM signing_signature WHERE oficio_id = ? ORDER BY sequence DESC LIMIT 1")
                .param(oficioId).query(byte[].class).optional();
    }

    /**
     * Stores the signature as number {@code sequence}.
     *
     * @return false when that place was taken meanwhile (another signer signed the same version first)
     */
    public boolean insert(UUID oficioId, int sequence, long signerId, long forId, byte[] pdf, String sha256,
                          String indication, String dssReport, java.security.cert.X509Certificate certificate,
                          Instant at) {
        try {
            jdbc.sql("""
                            INSERT INTO signing_signature (oficio_id, sequence, signer_id, for_id, pdf, sha256, indication,
                                dss_report, certificate_subject, certificate_serial, certificate_issuer, signed_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(oficioId, sequence, signerId, forId, pdf, sha256, indication, dssReport,
                            certificate.getSubjectX500Principal().getName(), PlatformCa.serial(certificate.getSerialNumber()),
                            certificate.getIssuerX500Principal().getName(), Timestamp.from(at)).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
