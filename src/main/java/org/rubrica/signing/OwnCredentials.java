package org.rubrica.signing;

import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.rubrica.directory.Actor;
import org.rubrica.directory.CurrentActor;
import org.rubrica.directory.Directory;
import org.rubrica.directory.Person;
import org.rubrica.directory.Role;
import org.rubrica.shared.FoldedText;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.signing.internal.CredentialFiles;
import org.rubrica.signing.internal.CredentialRepository;
import org.rubrica.signing.internal.TrustedCas;
import org.springframework.stereotype.Service;

/**
 * Opens a signer's own credential (PKCS#12, or e.firma's certificate and key) for one signing, after checking that
 * it may sign for them: the key matches the certificate; the certificate is for signing, valid now and issued by a
 * trusted CA; if the platform CA issued it, it is the person's credential in force (so not revoked); if another CA
 * did, it names the person (see {@link #belongsTo}). Nothing is stored.
 */
@Service
public class OwnCredentials {

    private final TrustedCas trust;
    private final CredentialRepository platformCredentials;
    private final Directory directory;
    private final CurrentActor currentActor;
    private final Clock clock;

    OwnCredentials(TrustedCas trust, CredentialRepository platformCredentials, Directory directory,
                   CurrentActor currentActor, Clock clock) {
        this.trust = trust;
        this.platformCredentials = platformCredentials;
        this.directory = directory;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /**
     * The current signer's key and certificate from their files, for one signing session.
     *
     * @throws InvalidInputException {@code signing.own.*}: a file missing, too large or unreadable, a wrong
     *                               password, a key and certificate that do not match, a certificate not for
     *                               signing, expired or not yet valid, untrusted, revoked or someone else's
     */
    public SignerCredentials.UnlockedKey open(OwnCredential credential) {
        Actor actor = currentActor.requireRole(Role.SIGNER); // as with the PIN: a role withdrawn stops signing
        CredentialFiles.Opened opened = read(credential);
        X509Certificate certificate = opened.certificate();
        if (!(opened.key() instanceof RSAPrivateKey)) {
            throw new InvalidInputException("signing.own.unsupported-key", "key");
        }
        if (!CredentialFiles.matches(opened.key(), certificate)) {
            throw new InvalidInputException("signing.own.mismatch", "key");
        }
        if (!forSigning(certificate)) {
            throw new InvalidInputException("signing.own.not-for-signing", "certificate");
        }
        Instant now = clock.instant();
        if (now.isAfter(certificate.getNotAfter().toInstant())) {
            throw new InvalidInputException("signing.own.expired", "certificate", day(certificate.getNotAfter().toInstant()));
        }
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            throw new InvalidInputException("signing.own.not-yet-valid", "certificate",
                    day(certificate.getNotBefore().toInstant()));
        }
        X509Certificate issuer = trust.issuerOf(certificate)
                .orElseThrow(() -> new InvalidInputException("signing.own.untrusted", "certificate"));
        if (trust.isPlatform(issuer)) {
            var owner = platformCredentials.bySerial(certificate.getSerialNumber())
                    .orElseThrow(() -> new InvalidInputException("signing.own.not-yours", "certificate"));
            if (owner.revokedAt() != null) {
                throw new InvalidInputException("signing.own.revoked", "certificate");
            }
            if (owner.personId() != actor.personId()) {
                throw new InvalidInputException("signing.own.not-yours", "certificate");
            }
        } else if (!belongsTo(certificate, directory.person(actor.personId()))) {
            throw new InvalidInputException("signing.own.not-yours", "certificate");
        }
        return new SignerCredentials.UnlockedKey(opened.key(), certificate, issuer);
    }

    /** Whether the key's certificate comes from a CA other than the platform's (so its subject is all that ties it to the person). */
    public boolean external(SignerCredentials.UnlockedKey key) {
        return !trust.isPlatform(key.caCertificate());
    }

    private static CredentialFiles.Opened read(OwnCredential credential) {
        char[] password = credential.password() == null ? new char[0] : credential.password();
        return switch (credential) {
            case OwnCredential.Pkcs12 p12 -> {
                requireFile(p12.file(), "p12");
                yield CredentialFiles.pkcs12(p12.file(), password);
            }
            case OwnCredential.CertificateAndKey pair -> {
                requireFile(pair.certificate(), "cer");
                requireFile(pair.key(), "key");
                yield CredentialFiles.certificateAndKey(pair.certificate(), pair.key(), password);
            }
        };
    }

    private static void requireFile(byte[] file, String field) {
        if (file == null || file.length == 0) {
            throw new InvalidInputException("signing.own.missing", field);
        }
        if (file.length > OwnCredential.MAX_FILE_BYTES) {
            throw new InvalidInputException("signing.own.too-large", field, OwnCredential.MAX_FILE_BYTES / 1024);
        }
    }

    /**
     * An end entity's certificate whose key usage (if stated, as RFC 5280 allows it not to be) includes digital
     * signature or non-repudiation: not a CA's, not one only for encryption or key agreement.
     */
    static boolean forSigning(X509Certificate certificate) {
        if (certificate.getBasicConstraints() >= 0) {
            return false;
        }
        boolean[] usage = certificate.getKeyUsage();
        return usage == null || usage[0] || usage[1];
    }

    /**
     * Whether a certificate from a CA other than the platform's names this person. Rubrica's directory holds no
     * RFC or CURP to compare, so: the certificate's e-mail is the person's, or every word of the person's name
     * (titles such as "Lic." or "C.P." left out; accents and case ignored) is in the certificate's common name, as
     * "Arq. Beatriz Elena Campos Rangel" is in "BEATRIZ ELENA CAMPOS RANGEL". The subject is kept with the signature
     * and in the trail either way.
     */
    static boolean belongsTo(X509Certificate certificate, Person person) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        String email = person.email() == null ? "" : person.email().strip();
        if (!email.isEmpty() && values(subject, BCStyle.EmailAddress).stream().anyMatch(email::equalsIgnoreCase)) {
            return true;
        }
        Set<String> certificateWords = new java.util.HashSet<>();
        // the common name, or "name" as e.firma also carries it
        values(subject, BCStyle.CN).forEach(v -> certificateWords.addAll(words(v)));
        values(subject, BCStyle.NAME).forEach(v -> certificateWords.addAll(words(v)));
        Set<String> nameWords = Arrays.stream(person.fullName().strip().split("\\s+"))
                .filter(w -> !w.endsWith(".")).flatMap(w -> words(w).stream()).collect(Collectors.toSet());
        return !nameWords.isEmpty() && certificateWords.containsAll(nameWords);
    }

    private static List<String> values(X500Name name, ASN1ObjectIdentifier type) {
        return Arrays.stream(name.getRDNs(type)).map(rdn -> IETFUtils.valueToString(rdn.getFirst().getValue()).strip())
                .toList();
    }

    private static List<String> words(String text) {
        return Arrays.stream(FoldedText.fold(text).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
    }

    private String day(Instant instant) {
        return instant.atZone(clock.getZone()).toLocalDate().toString();
    }
}
