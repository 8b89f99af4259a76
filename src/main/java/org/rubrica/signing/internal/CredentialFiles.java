package org.rubrica.signing.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collections;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.rubrica.shared.InvalidInputException;

/**
 * Reads a signer's own key and certificate from the files they upload: a PKCS#12 store, or a DER certificate and
 * a password-protected PKCS#8 key (e.firma). Only the reading is here, each failure with its own message key;
 * whether the certificate may sign is {@code OwnCredentials}' question.
 */
public final class CredentialFiles {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private CredentialFiles() {
    }

    /** A private key and the certificate said to go with it (not yet checked to match). */
    public record Opened(PrivateKey key, X509Certificate certificate) {
    }

    /**
     * @throws InvalidInputException {@code signing.own.corrupt} (not a PKCS#12 store, or one without a key and its
     *                               certificate), {@code signing.own.wrong-password}
     */
    public static Opened pkcs12(byte[] file, char[] password) {
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(file), password);
        } catch (IOException e) {
            throw e.getCause() instanceof UnrecoverableKeyException || wrongPassword(e)
                    ? new InvalidInputException("signing.own.wrong-password", "password")
                    : new InvalidInputException("signing.own.corrupt", "p12");
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new InvalidInputException("signing.own.corrupt", "p12");
        }
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                Key key = store.getKey(alias, password);
                Certificate certificate = store.getCertificate(alias);
                if (key instanceof PrivateKey privateKey && certificate instanceof X509Certificate x509) {
                    return new Opened(privateKey, x509);
                }
            }
        } catch (UnrecoverableKeyException e) {
            throw new InvalidInputException("signing.own.wrong-password", "password");
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new InvalidInputException("signing.own.corrupt", "p12");
        }
        throw new InvalidInputException("signing.own.corrupt", "p12");
    }

    private static boolean wrongPassword(IOException e) {
        return e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("password");
    }

    /**
     * A certificate (DER, or PEM) and its private key (encrypted PKCS#8, DER or PEM), as e.firma issues them.
     *
     * @throws InvalidInputException {@code signing.own.bad-certificate}, {@code signing.own.bad-key},
     *                               {@code signing.own.wrong-password}
     */
    public static Opened certificateAndKey(byte[] certificate, byte[] key, char[] password) {
        X509Certificate cert;
        try {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificate));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new InvalidInputException("signing.own.bad-certificate", "cer");
        }
        PKCS8EncryptedPrivateKeyInfo encrypted;
        try {
            encrypted = new PKCS8EncryptedPrivateKeyInfo(der(key, "ENCRYPTED PRIVATE KEY"));
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("signing.own.bad-key", "key");
        }
        try {
            PrivateKeyInfo info = encrypted.decryptPrivateKeyInfo(
                    new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(password));
            return new Opened(new JcaPEMKeyConverter().setProvider(BC).getPrivateKey(info), cert);
        } catch (PKCSException | IOException | RuntimeException e) {
            // a wrong password decrypts to garbage: bad padding, or bytes that are no key
            throw new InvalidInputException("signing.own.wrong-password", "password");
        } catch (OperatorCreationException e) {
            throw new InvalidInputException("signing.own.bad-key", "key"); // an encryption scheme nobody supports
        }
    }

    /** The DER inside a PEM block of that type, or the bytes themselves. */
    private static byte[] der(byte[] bytes, String type) {
        String text = new String(bytes, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN " + type + "-----";
        int start = text.indexOf(begin);
        if (start < 0) {
            return bytes;
        }
        int end = text.indexOf("-----END " + type + "-----", start);
        if (end < 0) {
            throw new IllegalArgumentException("unterminated PEM block");
        }
        return Base64.getMimeDecoder().decode(text.substring(start + begin.length(), end));
    }

    /** Whether the private key is the one the certificate's public key belongs to: it signs, the certificate verifies. */
    public static boolean matches(PrivateKey key, X509Certificate certificate) {
        try {
            byte[] challenge = new byte[32];
            new java.security.SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
