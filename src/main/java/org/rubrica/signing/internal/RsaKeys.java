package org.rubrica.signing.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;

/** RSA keys as the CA, the timestamp authority and signers use them: made fresh, or read back from PKCS#8. */
public final class RsaKeys {

    private RsaKeys() {
    }

    public static KeyPair generate(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA unavailable", e);
        }
    }

    /** Reads an unsealed PKCS#8 key and wipes those bytes. */
    public static PrivateKey read(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored key cannot be read", e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }
}
