package org.rubrica.signing.internal;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import javax.crypto.AEADBadTagException;

import org.springframework.stereotype.Component;

/**
 * The keys the platform itself signs with: its timestamp authority's, the institution's electronic seal and the
 * installation's node identity (for envelopes sent to other installations). Each
 * is made on first use with a certificate from the platform CA, its private key sealed with the master key, and
 * renewed a year before it ends (while what it signed can still be checked against it).
 */
@Component
public class ServiceKeys {

    static final Duration VALIDITY = Duration.ofDays(5 * 365);
    static final Duration RENEW_AHEAD = Duration.ofDays(365);

    /** Which key; {@code column} names its place in {@code signing_ca}, {@code label} binds its sealing. */
    public enum Kind {
        TSA("tsa", "platform-tsa-key"), SEAL("seal", "platform-seal-key"), NODE("node", "platform-node-key");

        final String column;
        final String label;

        Kind(String column, String label) {
            this.column = column;
            this.label = label;
        }
    }

    /** An opened key with its certificate and the CA's. */
    public record ServiceKey(PrivateKey key, X509Certificate certificate, X509Certificate caCertificate) {
    }

    private final PlatformCa ca;
    private final MasterKey masterKey;
    private final Clock clock;
    private final Map<Kind, ServiceKey> opened = new java.util.concurrent.ConcurrentHashMap<>();

    ServiceKeys(PlatformCa ca, MasterKey masterKey, Clock clock) {
        this.ca = ca;
        this.masterKey = masterKey;
        this.clock = clock;
    }

    /** The opened key; read without a lock while it is fresh, loaded (or renewed) by one thread at a time. */
    public ServiceKey get(Kind kind) {
        ServiceKey current = opened.get(kind);
        if (current != null && !renewable(current.certificate())) {
            return current;
        }
        synchronized (this) {
            current = opened.get(kind);
            if (current == null || renewable(current.certificate())) {
                current = load(kind);
                opened.put(kind, current);
            }
            return current;
        }
    }

    private boolean renewable(X509Certificate certificate) {
        return certificate.getNotAfter().toInstant().isBefore(clock.instant().plus(RENEW_AHEAD));
    }

    /** Reads the key, making it first when there is none or it nears its end; of two nodes, the first stored wins. */
    private ServiceKey load(Kind kind) {
        byte[][] stored = ca.serviceKey(kind).orElse(null);
        if (stored == null || renewable(PlatformCa.certificate(stored[0]))) {
            make(kind, stored == null ? null : stored[0]);
            stored = ca.serviceKey(kind).orElseThrow();
        }
        try {
            PrivateKey key = RsaKeys.read(Sealed.open(masterKey.key(), stored[1], kind.label));
            return new ServiceKey(key, PlatformCa.certificate(stored[0]), ca.certificate());
        } catch (AEADBadTagException e) {
            throw new SigningUnavailableException("the configured master key does not open the " + kind.column
                    + " key");
        }
    }

    private void make(Kind kind, byte[] replacing) {
        KeyPair pair = RsaKeys.generate(2048);
        X509Certificate cert = ca.issueService(kind, pair.getPublic(), ca.nextSerial(), VALIDITY);
        byte[] encoded = pair.getPrivate().getEncoded();
        try {
            ca.saveServiceKey(kind, cert, Sealed.seal(masterKey.key(), encoded, kind.label), replacing);
        } finally {
            java.util.Arrays.fill(encoded, (byte) 0);
        }
    }
}
