package org.rubrica.signing.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.generators.SCrypt;

/**
 * A private key sealed under its holder's PIN: scrypt (N = 2^15, r = 8, p = 1: about a tenth of a second and
 * 32 MiB per guess) turns PIN and salt into an AES-256 key, and AES-GCM seals the key. Without the PIN the
 * stored bytes are noise; a wrong PIN fails the GCM tag.
 */
@org.springframework.stereotype.Component
public class PinSealing {

    private static final int N = 1 << 15;
    private static final String PURPOSE = "signer-private-key";

    public byte[] newSalt() {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return salt;
    }

    public byte[] seal(char[] pin, byte[] salt, byte[] privateKey) {
        return Sealed.seal(key(pin, salt), privateKey, PURPOSE);
    }

    /** @throws AEADBadTagException for a wrong PIN */
    public byte[] open(char[] pin, byte[] salt, byte[] sealed) throws AEADBadTagException {
        return Sealed.open(key(pin, salt), sealed, PURPOSE);
    }

    private static SecretKey key(char[] pin, byte[] salt) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(pin));
        byte[] bytes = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
        try {
            return new SecretKeySpec(SCrypt.generate(bytes, salt, N, 8, 1, 32), "AES");
        } finally {
            Arrays.fill(bytes, (byte) 0);
            Arrays.fill(encoded.array(), (byte) 0);
        }
    }
}
