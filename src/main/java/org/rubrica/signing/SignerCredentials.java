package org.rubrica.signing;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import javax.crypto.AEADBadTagException;

import org.rubrica.directory.Actor;
import org.rubrica.directory.CurrentActor;
import org.rubrica.directory.Directory;
import org.rubrica.directory.Person;
import org.rubrica.directory.Role;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.signing.internal.CredentialRepository;
import org.rubrica.signing.internal.CredentialRepository.CredentialRow;
import org.rubrica.signing.internal.PinSealing;
import org.rubrica.signing.internal.PlatformCa;
import org.rubrica.signing.internal.RsaKeys;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signers' credentials from the platform CA: a signer asks for theirs choosing a PIN; the private key is made
 * here and stored only sealed under that PIN. They change the PIN (the old one required), an administrator or
 * they themselves revoke it (it then appears on the CRL). Five wrong PINs in a row lock it for 15 minutes.
 */
@Service
@Transactional
public class SignerCredentials {

    public static final int PIN_MIN = 6;
    public static final int PIN_MAX = 32;
    static final int MAX_FAILURES = 5;
    static final Duration LOCK = Duration.ofMinutes(15);
    static final Duration VALIDITY = Duration.ofDays(2 * 365);
    static final Duration CRL_REFRESH = Duration.ofHours(1);

    /** What a person may know of their credential. */
    public record CredentialInfo(String serial, String subject, Instant issuedAt, Instant expiresAt, boolean locked) {
    }

    /** A key opened with its PIN, for one signing session; never stored. */
    public record UnlockedKey(PrivateKey key, X509Certificate certificate, X509Certificate caCertificate) {
    }

    private final CredentialRepository credentials;
    private final PlatformCa ca;
    private final PinSealing sealing;
    private final Directory directory;
    private final CurrentActor currentActor;
    private final Clock clock;
    private volatile PublishedCrl publishedCrl;

    SignerCredentials(CredentialRepository credentials, PlatformCa ca, PinSealing sealing, Directory directory,
                      CurrentActor currentActor, Clock clock) {
        this.credentials = credentials;
        this.ca = ca;
        this.sealing = sealing;
        this.directory = directory;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /**
     * Issues the current signer's credential, sealed under the PIN they chose.
     *
     * @throws InvalidInputException when they already have one in force, or the PIN is too short, too long or
     *                               too simple
     */
    public CredentialInfo issueMine(char[] pin) {
        Actor actor = currentActor.requireRole(Role.SIGNER);
        checkPin(pin, "pin");
        if (credentials.active(actor.personId()).isPresent()) {
            throw new InvalidInputException("signing.credential.exists", "pin");
        }
        Person person = directory.person(actor.personId());
        try {
            KeyPair pair = RsaKeys.generate(2048);
            BigInteger serial = ca.nextSerial();
            X509Certificate cert = ca.issue(person.fullName(), person.email(), directory.unit(person.unitId()).name(),
                    pair.getPublic(), serial, VALIDITY);
            byte[] salt = sealing.newSalt();
            byte[] encoded = pair.getPrivate().getEncoded();
            try {
                credentials.insert(actor.personId(), serial, cert.getEncoded(), sealing.seal(pin, salt, encoded, serial),
                        salt, clock.instant(), cert.getNotAfter().toInstant());
            } finally {
                Arrays.fill(encoded, (byte) 0);
            }
            return info(credentials.active(actor.personId()).orElseThrow());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("a signing certificate could not be encoded", e);
        }
    }

    @Transactional(readOnly = true)
    public Optional<CredentialInfo> mine() {
        return credentials.active(currentActor.require().personId()).map(this::info);
    }

    /** @throws InvalidInputException for a wrong current PIN (counted), a locked credential or a bad new PIN */
    public void changePin(char[] currentPin, char[] newPin) {
        Actor actor = currentActor.require();
        checkPin(newPin, "newPin");
        CredentialRow row = credentials.active(actor.personId())
                .orElseThrow(() -> new InvalidInputException("signing.credential.none", "pin"));
        byte[] plain = open(row, currentPin);
        try {
            byte[] salt = sealing.newSalt();
            credentials.reseal(row.id(), sealing.seal(newPin, salt, plain, row.serial()), salt);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** Revokes a person's credential in force: an organisation administrator, or its holder. */
    public void revoke(long personId) {
        Actor actor = currentActor.require();
        if (actor.personId() != personId && !actor.hasRole(Role.ORG_ADMIN)) {
            throw new AccessDeniedException(actor.username() + " may not revoke credentials of " + personId);
        }
        credentials.active(personId).ifPresent(row -> credentials.revoke(row.id(), clock.instant()));
    }

    /**
     * The CRL as published: DER, signed by the platform CA, valid a day. Signed anew when the revocations change
     * (on any node) or it is an hour old; in between the same one is served.
     */
    @Transactional(readOnly = true)
    public byte[] crl() {
        var revoked = credentials.revoked();
        PublishedCrl current = publishedCrl;
        Instant now = clock.instant();
        if (current == null || !current.revoked().equals(revoked) || current.at().plus(CRL_REFRESH).isBefore(now)) {
            try {
                current = new PublishedCrl(revoked, now, ca.crl(revoked).getEncoded());
            } catch (java.security.cert.CRLException e) {
                throw new IllegalStateException("the CRL cannot be encoded", e);
            }
            publishedCrl = current;
        }
        return current.der().clone();
    }

    private record PublishedCrl(java.util.List<PlatformCa.Revoked> revoked, Instant at, byte[] der) {
    }

    /**
     * Opens the current person's key with their PIN, for a signing session.
     *
     * @throws InvalidInputException for no credential, an expired or locked one, or a wrong PIN (counted)
     */
    // No surrounding transaction: the slow key derivation must not hold a pooled connection while the
    // attempt counter takes one of its own (ten parallel tries would otherwise starve the pool).
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public UnlockedKey unlockMine(char[] pin) {
        Actor actor = currentActor.requireRole(Role.SIGNER); // a role withdrawn stops signing at once
        CredentialRow row = credentials.active(actor.personId())
                .orElseThrow(() -> new InvalidInputException("signing.credential.none", "pin"));
        if (row.expiresAt().isBefore(clock.instant())) {
            throw new InvalidInputException("signing.credential.expired", "pin");
        }
        PrivateKey key = RsaKeys.read(open(row, pin));
        return new UnlockedKey(key, PlatformCa.certificate(row.certificate()), ca.certificate());
    }

    /** Every try is counted before the PIN is tried, so parallel guesses cannot outrun the lock-out. */
    private byte[] open(CredentialRow row, char[] pin) {
        Instant now = clock.instant();
        int attempts = credentials.claimAttempt(row.id(), MAX_FAILURES, now, now.plus(LOCK))
                .orElseThrow(() -> new InvalidInputException("signing.pin.locked", "pin"));
        try {
            byte[] plain = sealing.open(pin == null ? new char[0] : pin, row.salt(), row.sealedKey(), row.serial());
            credentials.recordSuccess(row.id());
            return plain;
        } catch (AEADBadTagException e) {
            throw new InvalidInputException(attempts >= MAX_FAILURES ? "signing.pin.locked" : "signing.pin.wrong", "pin",
                    Math.max(0, MAX_FAILURES - attempts));
        }
    }

    private static void checkPin(char[] pin, String field) {
        if (pin == null || pin.length < PIN_MIN || pin.length > PIN_MAX) {
            throw new InvalidInputException("signing.pin.length", field, PIN_MIN, PIN_MAX);
        }
        boolean allSame = true;
        for (char c : pin) {
            allSame &= c == pin[0];
        }
        String text = new String(pin);
        if (allSame || "0123456789".contains(text) || "9876543210".contains(text)) {
            throw new InvalidInputException("signing.pin.simple", field);
        }
    }

    private CredentialInfo info(CredentialRow row) {
        X509Certificate cert = PlatformCa.certificate(row.certificate());
        return new CredentialInfo(PlatformCa.serial(row.serial()),
                cert.getSubjectX500Principal().getName(), row.issuedAt(), row.expiresAt(),
                row.lockedUntil() != null && row.lockedUntil().isAfter(clock.instant()));
    }
}
