package org.rubrica.signing.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The certificate authorities whose certificates a signer may sign with: the platform CA always, and those
 * configured in {@code rubrica.signing.trusted-cas} (paths to PEM or DER certificates, comma-separated; a PEM file
 * may hold several). Read once at start-up: a file that cannot be read, is not a certificate or is not a CA's stops
 * the start with one line saying which and why.
 */
@Component
public class TrustedCas {

    private static final Logger log = LoggerFactory.getLogger(TrustedCas.class);
    static final String PROPERTY = "rubrica.signing.trusted-cas";

    private final PlatformCa platform;
    private final List<X509Certificate> external;

    TrustedCas(PlatformCa platform, @Value("${" + PROPERTY + ":}") List<String> paths) {
        this.platform = platform;
        this.external = read(paths);
        external.forEach(ca -> log.info("Trusting signers' certificates issued by {}", ca.getSubjectX500Principal()));
    }

    /** Every configured CA certificate, in order, checked: the platform CA is not among them. */
    static List<X509Certificate> read(List<String> paths) {
        List<X509Certificate> cas = new ArrayList<>();
        for (String entry : paths == null ? List.<String>of() : paths) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry.strip().replaceFirst("^~(?=/|$)", System.getProperty("user.home")));
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(path);
            } catch (IOException e) {
                throw new TrustConfigurationException(path + " cannot be read (" + e.getClass().getSimpleName() + ")");
            }
            List<X509Certificate> found = certificates(bytes);
            if (found.isEmpty()) {
                throw new TrustConfigurationException(path + " is not a PEM or DER X.509 certificate");
            }
            for (X509Certificate ca : found) {
                if (ca.getBasicConstraints() < 0) {
                    throw new TrustConfigurationException(path + " holds " + ca.getSubjectX500Principal()
                            + ", which is not a CA certificate (no basicConstraints CA:true)");
                }
                if (ca.getNotAfter().getTime() < System.currentTimeMillis()) {
                    log.warn("The trusted CA {} in {} expired on {}: nothing new can be signed under it",
                            ca.getSubjectX500Principal(), path, ca.getNotAfter().toInstant());
                }
                cas.add(ca);
            }
        }
        return List.copyOf(cas);
    }

    /** The certificates in a DER file or a PEM file (one or more blocks); none when it is neither. */
    static List<X509Certificate> certificates(byte[] bytes) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            String text = new String(bytes, StandardCharsets.US_ASCII);
            if (text.contains("-----BEGIN CERTIFICATE-----")) {
                return factory.generateCertificates(new ByteArrayInputStream(bytes)).stream()
                        .map(X509Certificate.class::cast).toList();
            }
            return List.of((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(bytes)));
        } catch (GeneralSecurityException | RuntimeException e) {
            return List.of();
        }
    }

    /** The platform CA and the configured ones: the anchors DSS validates against. */
    public List<X509Certificate> anchors() {
        List<X509Certificate> all = new ArrayList<>(external.size() + 1);
        all.add(platform.certificate());
        all.addAll(external);
        return all;
    }

    /** The trusted CA that issued (and signed) the certificate, if any. */
    public Optional<X509Certificate> issuerOf(X509Certificate certificate) {
        return anchors().stream()
                .filter(ca -> ca.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()))
                .filter(ca -> verifies(ca, certificate))
                .findFirst();
    }

    /** Whether this CA certificate is the platform's own, whose revocations Rubrica knows. */
    public boolean isPlatform(X509Certificate ca) {
        return platform.certificate().equals(ca);
    }

    private static boolean verifies(X509Certificate ca, X509Certificate certificate) {
        try {
            certificate.verify(ca.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
