package org.rubrica.signing.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import javax.crypto.AEADBadTagException;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.rubrica.directory.Directory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The institution's own certificate authority: created on first use (RSA-3072, ten years), its key sealed with
 * the master key. It issues signing certificates with a CRL distribution point at {@code <base-url>/pki/crl} and
 * signs that CRL, listing what was revoked.
 */
@Component
public class PlatformCa {

    private static final String CA_KEY = "platform-ca-key";
    static final Duration CRL_VALIDITY = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final PlatformTransactionManager transactionManager;
    private final MasterKey masterKey;
    private final Directory directory;
    private final Clock clock;
    private final String crlUrl;
    private volatile X509Certificate certificate;

    PlatformCa(JdbcClient jdbc, MasterKey masterKey, Directory directory, Clock clock,
               PlatformTransactionManager transactionManager,
               @Value("${rubrica.base-url:http://localhost:8080}") String baseUrl) {
        this.jdbc = jdbc;
        this.transactionManager = transactionManager;
        this.masterKey = masterKey;
        this.directory = directory;
        this.clock = clock;
        this.crlUrl = (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + "/pki/crl";
    }

    /** The CA's certificate, creating the CA first if this installation has none yet. */
    public X509Certificate certificate() {
        X509Certificate cert = certificate; // the CA's certificate never changes once made
        if (cert == null) {
            cert = certificate(row().certificate());
            certificate = cert;
        }
        return cert;
    }

    String crlUrl() {
        return crlUrl;
    }

    /**
     * A certificate for a signer's public key, from now for {@code validity}: digital signature and
     * non-repudiation, with the CRL distribution point.
     */
    public X509Certificate issue(String fullName, String email, String unitName, PublicKey subjectKey, BigInteger serial,
                          Duration validity) {
        X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "MX")
                .addRDN(BCStyle.O, directory.institution().name()).addRDN(BCStyle.OU, unitName)
                .addRDN(BCStyle.CN, fullName);
        if (email != null && !email.isBlank()) {
            subject.addRDN(BCStyle.EmailAddress, email);
        }
        return issue(subject.build(), subjectKey, serial, validity, false);
    }

    /**
     * A certificate for one of the platform's own keys: the timestamp authority's (time-stamping only, critical, as
     * RFC 3161 requires), the institution's electronic seal or the installation's node identity.
     */
    X509Certificate issueService(ServiceKeys.Kind kind, PublicKey subjectKey, BigInteger serial, Duration validity) {
        String name = directory.institution().name();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "MX").addRDN(BCStyle.O, name)
                .addRDN(BCStyle.CN, switch (kind) {
                    case TSA -> "Sello de tiempo de ";
                    case SEAL -> "Sello electrónico de ";
                    case NODE -> "Nodo de intercambio de ";
                } + name).build();
        return issue(subject, subjectKey, serial, validity, kind == ServiceKeys.Kind.TSA);
    }

    private X509Certificate issue(X500Name subject, PublicKey subjectKey, BigInteger serial, Duration validity,
                                  boolean timestamping) {
        CaRow ca = row();
        X509Certificate caCert = certificate(ca.certificate());
        Instant now = clock.instant();
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            Date notAfter = Date.from(now.plus(validity)).before(caCert.getNotAfter()) ? Date.from(now.plus(validity))
                    : caCert.getNotAfter(); // never beyond the CA's own certificate
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(caCert, serial,
                    Date.from(now.minusSeconds(60)), notAfter, subject, subjectKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .addExtension(Extension.extendedKeyUsage, timestamping,
                            new ExtendedKeyUsage(timestamping ? KeyPurposeId.id_kp_timeStamping : KeyPurposeId.id_kp_emailProtection))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKey))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(caCert))
                    .addExtension(Extension.cRLDistributionPoints, false, distributionPoint());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer(caKey(ca))));
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("issuing a certificate failed", e);
        }
    }

    /** A fresh CRL listing these revoked serials with their revocation times. */
    public X509CRL crl(List<Revoked> revoked) {
        CaRow ca = row();
        X509Certificate caCert = certificate(ca.certificate());
        Instant now = clock.instant();
        try {
            X509v2CRLBuilder builder = new X509v2CRLBuilder(new X509CertificateHolder(caCert.getEncoded()).getSubject(),
                    Date.from(now));
            builder.setNextUpdate(Date.from(now.plus(CRL_VALIDITY)));
            for (Revoked r : revoked) {
                builder.addCRLEntry(r.serial(), Date.from(r.at()), CRLReason.unspecified);
            }
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(caCert));
            builder.addExtension(Extension.cRLNumber, false,
                    new org.bouncycastle.asn1.x509.CRLNumber(BigInteger.valueOf(now.toEpochMilli())));
            return new JcaX509CRLConverter().getCRL(builder.build(signer(caKey(ca))));
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("signing the CRL failed", e);
        }
    }

    public record Revoked(BigInteger serial, Instant at) {
    }

    /** The next certificate serial: random high bits (unguessable) over a sequence (unique, and locks nothing). */
    public BigInteger nextSerial() {
        long counter = jdbc.sql("SELECT nextval('signing_certificate_serial_seq')").query(Long.class).single();
        byte[] random = new byte[8];
        new java.security.SecureRandom().nextBytes(random);
        return new BigInteger(1, random).shiftLeft(64).or(BigInteger.valueOf(counter));
    }

    private record CaRow(byte[] certificate, byte[] sealedKey) {
    }

    /** The certificate and sealed key of one of the platform's own keys, if made. */
    java.util.Optional<byte[][]> serviceKey(ServiceKeys.Kind kind) {
        row();
        return jdbc.sql("SELECT " + kind.column + "_certificate, " + kind.column + "_sealed_key FROM signing_ca"
                        + " WHERE id = 1 AND " + kind.column + "_certificate IS NOT NULL")
                .query((rs, n) -> new byte[][] {rs.getBytes(1), rs.getBytes(2)}).optional();
    }

    /**
     * Stores one of the platform's keys in place of {@code replacing} (null: none yet), unless another node did so
     * meanwhile: then theirs is kept.
     */
    void saveServiceKey(ServiceKeys.Kind kind, X509Certificate certificate, byte[] sealedKey, byte[] replacing) {
        try {
            jdbc.sql("UPDATE signing_ca SET " + kind.column + "_certificate = ?, " + kind.column + "_sealed_key = ?"
                            + " WHERE id = 1 AND " + kind.column + "_certificate IS NOT DISTINCT FROM ?")
                    .params(certificate.getEncoded(), sealedKey, replacing).update();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private CaRow row() {
        return find().orElseGet(() -> {
            create();
            return find().orElseThrow();
        });
    }

    private java.util.Optional<CaRow> find() {
        return jdbc.sql("SELECT certificate, sealed_key FROM signing_ca WHERE id = 1")
                .query((rs, n) -> new CaRow(rs.getBytes(1), rs.getBytes(2))).optional();
    }

    /**
     * Makes the CA in a transaction of its own, committed before anyone uses it (so a caller's rollback cannot
     * undo a CA already cached, and a read-only caller can still make it); two first uses at once create one CA:
     * the second insert does nothing and both read the same row.
     */
    private void create() {
        new TransactionTemplate(transactionManager, new DefaultTransactionDefinition(
                TransactionDefinition.PROPAGATION_REQUIRES_NEW)).executeWithoutResult(status -> insertNewCa());
    }

    private void insertNewCa() {
        try {
            KeyPair pair = RsaKeys.generate(3072);
            Instant now = clock.instant();
            String institution = directory.institution().name();
            X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "MX").addRDN(BCStyle.O, institution)
                    .addRDN(BCStyle.CN, "Autoridad certificadora de " + institution).build();
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                    Date.from(now.minusSeconds(60)), Date.from(now.plus(Duration.ofDays(3653))), name, pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(builder.build(signer(pair.getPrivate())));
            byte[] sealed = Sealed.seal(masterKey.key(), pair.getPrivate().getEncoded(), CA_KEY);
            jdbc.sql("""
                            INSERT INTO signing_ca (id, certificate, sealed_key, created_at)
                            VALUES (1, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                    .params(cert.getEncoded(), sealed, Timestamp.from(now)).update();
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("creating the platform CA failed", e);
        }
    }

    private PrivateKey caKey(CaRow ca) {
        try {
            return RsaKeys.read(Sealed.open(masterKey.key(), ca.sealedKey(), CA_KEY));
        } catch (AEADBadTagException e) {
            throw new SigningUnavailableException("the configured master key does not open the platform CA's key");
        }
    }

    private CRLDistPoint distributionPoint() {
        GeneralNames names = new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl));
        return new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(names), null, null)});
    }

    private static ContentSigner signer(PrivateKey key) throws OperatorCreationException {
        return new JcaContentSignerBuilder("SHA256withRSA").build(key);
    }

    /** A certificate serial as Rubrica prints it: upper-case hex. */
    public static String serial(java.math.BigInteger serial) {
        return serial.toString(16).toUpperCase(java.util.Locale.ROOT);
    }

    public static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored certificate cannot be read", e);
        }
    }
}
