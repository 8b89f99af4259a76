package org.rubrica.signing.internal;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.generators.SCrypt;
import org.springframework.stereotype.Component;

/**
 * A private key sealed under its holder's PIN. The PIN is first keyed with the installation's master key
 * (HMAC-SHA-256), so a copy of the database alone does not allow guessing PINs offline; scrypt (N = 2^15, r = 8,
 * p = 1: about a tenth of a second and 32 MiB per guess) then turns it and a salt into an AES-256 key, and AES-GCM
 * seals the key, bound to its certificate's serial. A wrong PIN fails the GCM tag.
 */
@Component
public class PinSealing {

    private static final int N = 1 << 15;

    private final MasterKey masterKey;

    PinSealing(MasterKey masterKey) {
        this.masterKey = masterKey;
    }

    public byte[] newSalt() {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return salt;
    }

    public byte[] seal(char[] pin, byte[] salt, byte[] privateKey, BigInteger serial) {
        return Sealed.seal(key(pin, salt), privateKey, purpose(serial));
    }

    /** @throws AEADBadTagException for a wrong PIN */
    public byte[] open(char[] pin, byte[] salt, byte[] sealed, BigInteger serial) throws AEADBadTagException {
        return Sealed.open(key(pin, salt), sealed, purpose(serial));
    }

    private static String purpose(BigInteger serial) {
        return "signer-private-key:" + serial.toString(16);
    }

    private SecretKey key(char[] pin, byte[] salt) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(pin));
        byte[] bytes = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
        byte[] keyed = null;
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            byte[] pepper = masterKey.pinPepper();
            hmac.init(new SecretKeySpec(pepper, "HmacSHA256"));
            Arrays.fill(pepper, (byte) 0);
            keyed = hmac.doFinal(bytes);
            return new SecretKeySpec(SCrypt.generate(keyed, salt, N, 8, 1, 32), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 unavailable", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
            Arrays.fill(encoded.array(), (byte) 0);
            if (keyed != null) {
                Arrays.fill(keyed, (byte) 0);
            }
        }
    }
}
