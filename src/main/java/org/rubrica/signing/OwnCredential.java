package org.rubrica.signing;

import java.util.Arrays;

/**
 * A signer's own credential as they hand it over to sign: a PKCS#12 file (.p12/.pfx), or a certificate and its
 * private key as Mexico's e.firma has them (.cer in DER, .key as encrypted PKCS#8), with the password. It is
 * opened for the signing and never stored; {@link #wipe()} clears the password and the key file once done.
 */
public sealed interface OwnCredential {

    /** Each file at most this size: a certificate with its key is a few kilobytes. */
    int MAX_FILE_BYTES = 64 * 1024;

    char[] password();

    /** Clears the password and the private key's bytes. */
    void wipe();

    record Pkcs12(byte[] file, char[] password) implements OwnCredential {

        @Override
        public void wipe() {
            fill(file, password);
        }
    }

    record CertificateAndKey(byte[] certificate, byte[] key, char[] password) implements OwnCredential {

        @Override
        public void wipe() {
            fill(key, password);
        }
    }

    private static void fill(byte[] secret, char[] password) {
        if (secret != null) {
            Arrays.fill(secret, (byte) 0);
        }
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
