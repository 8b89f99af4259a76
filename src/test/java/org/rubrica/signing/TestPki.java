package org.rubrica.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfoBuilder;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.rubrica.signing.internal.RsaKeys;

/**
 * Certificate authorities and signers' certificates made for the tests: one external CA the test run trusts through
 * {@code rubrica.signing.trusted-cas} (set by {@code TestDatabase} before any Spring context starts), one nobody
 * trusts, and whatever certificates, .p12 stores and e.firma key files a test needs from them.
 */
public final class TestPki {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static Ca trusted;
    private static Ca untrusted;
    private static Path trustedFile;

    private TestPki() {
    }

    public record Ca(PrivateKey key, X509Certificate certificate) {
    }

    public record Issued(PrivateKey key, X509Certificate certificate) {
    }

    /** An external CA, as the SAT is for e.firma, that this test run trusts. */
    public static synchronized Ca trustedCa() {
        if (trusted == null) {
            trusted = ca("AUTORIDAD CERTIFICADORA DE PRUEBAS CONFIABLE");
        }
        return trusted;
    }

    /** A CA nobody configured. */
    public static synchronized Ca untrustedCa() {
        if (untrusted == null) {
            untrusted = ca("AUTORIDAD CERTIFICADORA DESCONOCIDA");
        }
        return untrusted;
    }

    /** The trusted CA's certificate as a PEM file, for the trust configuration. */
    public static synchronized String trustedCaFiles() {
        if (trustedFile == null) {
            try {
                trustedFile = Files.createTempFile("rubrica-test-ca-", ".pem");
                trustedFile.toFile().deleteOnExit();
                Files.writeString(trustedFile, pem(trustedCa().certificate()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return trustedFile.toString();
    }

    private static Ca ca(String name) {
        KeyPair pair = RsaKeys.generate(2048);
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "MX").addRDN(BCStyle.O, "Pruebas")
                .addRDN(BCStyle.CN, name).build();
        Instant now = Instant.now();
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, BigInteger.ONE,
                    Date.from(now.minus(Duration.ofDays(30))), Date.from(now.plus(Duration.ofDays(3650))), subject,
                    pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return new Ca(pair.getPrivate(), new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A signer's certificate in the e.firma style (common name, name, serial number and e-mail), valid for a year. */
    public static Issued signer(Ca ca, String name, String email) {
        Instant now = Instant.now();
        return issue(ca, name, email, KeyUsage.digitalSignature | KeyUsage.nonRepudiation, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(365)), false);
    }

    /** Any certificate: key usage bits (or -1 for none stated), validity, and whether it claims to be a CA. */
    public static Issued issue(Ca ca, String name, String email, int keyUsage, Instant notBefore, Instant notAfter,
                               boolean isCa) {
        KeyPair pair = RsaKeys.generate(2048);
        X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name)
                .addRDN(BCStyle.NAME, name).addRDN(BCStyle.O, name).addRDN(BCStyle.C, "MX")
                .addRDN(BCStyle.SERIALNUMBER, " / XEXX010101HNEXXXA4");
        if (email != null) {
            subject.addRDN(BCStyle.EmailAddress, email);
        }
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(),
                    new BigInteger(64, RANDOM), Date.from(notBefore), Date.from(notAfter), subject.build(),
                    pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
            if (keyUsage >= 0) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            }
            X509Certificate cert = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(ca.key())));
            return new Issued(pair.getPrivate(), cert);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PKCS#12 store with the key, its certificate and the issuer's, under the password. */
    public static byte[] p12(PrivateKey key, X509Certificate certificate, X509Certificate caCertificate, String password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("firma", key, password.toCharArray(),
                    new java.security.cert.Certificate[] {certificate, caCertificate});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password.toCharArray());
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] p12(Issued issued, Ca ca, String password) {
        return p12(issued.key(), issued.certificate(), ca.certificate(), password);
    }

    /** The private key as e.firma's .key: DER, encrypted PKCS#8 (PBES2 with triple DES) under the password. */
    public static byte[] efirmaKey(PrivateKey key, String password) {
        try {
            var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(org.bouncycastle.openssl.PKCS8Generator.DES3_CBC)
                    .setProvider(BC).setPassword(password.toCharArray()).build();
            return new PKCS8EncryptedPrivateKeyInfoBuilder(PrivateKeyInfo.getInstance(key.getEncoded()))
                    .build(encryptor).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The certificate as e.firma's .cer: DER. */
    public static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pem(X509Certificate certificate) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(certificate);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }
}
