package org.rubrica.signing.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The key that seals the platform CA's private key, derived from a secret in configuration
 * ({@code RUBRICA_MASTER_KEY}, at least 32 characters), never from the repository. Without one, a key file may be
 * named ({@code rubrica.signing.master-key-file}, as the demo profile does): created once with a random secret,
 * readable by its owner only. With neither, signing is unavailable and says so.
 */
@Component
class MasterKey {

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);
    static final int MIN_LENGTH = 32;

    private final String secret;
    private final String file;
    private volatile SecretKey key;
    private volatile byte[] pinPepper;

    MasterKey(@Value("${rubrica.signing.master-key:}") String secret,
              @Value("${rubrica.signing.master-key-file:}") String file) {
        this.secret = secret;
        this.file = file;
    }

    /**
     * The key that seals the CA's and the timestamp authority's private keys.
     *
     * @throws SigningUnavailableException when no master key is configured
     */
    SecretKey key() {
        SecretKey k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(derive(secretValue(), "rubrica platform CA key sealing"), "AES");
                }
                k = key;
            }
        }
        return k;
    }

    /** A second key, for keying signers' PINs (never used to seal anything). */
    byte[] pinPepper() {
        byte[] p = pinPepper;
        if (p == null) {
            synchronized (this) {
                if (pinPepper == null) {
                    pinPepper = derive(secretValue(), "rubrica signer PIN pepper");
                }
                p = pinPepper;
            }
        }
        return p.clone();
    }

    private String secretValue() {
        if (secret != null && !secret.isBlank()) {
            if (secret.length() < MIN_LENGTH) {
                throw new SigningUnavailableException("the master key must have at least " + MIN_LENGTH + " characters");
            }
            return secret;
        }
        if (file == null || file.isBlank()) {
            throw new SigningUnavailableException("no master key configured (RUBRICA_MASTER_KEY)");
        }
        Path path = Path.of(file.replace("~", System.getProperty("user.home")));
        try {
            if (!Files.exists(path)) {
                createKeyFile(path);
            }
            String value = Files.readString(path, StandardCharsets.US_ASCII).strip();
            if (value.length() < MIN_LENGTH) { // being written by another process this instant, or cut short
                throw new SigningUnavailableException("the master key file " + path + " is incomplete");
            }
            return value;
        } catch (IOException e) {
            throw new SigningUnavailableException("the master key file " + path + " cannot be read or created");
        }
    }

    /**
     * Writes a random secret to a new file readable by its owner only, from the first byte; if another process
     * created it meanwhile, theirs is kept.
     */
    private static void createKeyFile(Path path) throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        Files.createDirectories(path.toAbsolutePath().getParent());
        try {
            try {
                Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) { // not a POSIX file system: the directory's protection applies
                Files.createFile(path);
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return;
        }
        Files.writeString(path, Base64.getEncoder().encodeToString(random), StandardCharsets.US_ASCII);
        log.warn("Created a master key for signing at {}: keep it safe and back it up with the database", path);
    }

    /** HKDF-SHA-256: one independent key per purpose from the one secret. */
    private static byte[] derive(String secret, String purpose) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(secret.getBytes(StandardCharsets.UTF_8), null,
                purpose.getBytes(StandardCharsets.UTF_8)));
        byte[] bytes = new byte[32];
        hkdf.generateBytes(bytes, 0, bytes.length);
        return bytes;
    }
}
