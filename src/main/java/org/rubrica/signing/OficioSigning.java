package org.rubrica.signing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.rubrica.directory.Actor;
import org.rubrica.directory.CurrentActor;
import org.rubrica.directory.Directory;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.OficioStatus;
import org.rubrica.drafting.StaleDraftException;
import org.rubrica.routing.RouteModels.Signer;
import org.rubrica.routing.RoutingService;
import org.rubrica.shared.ContentHash;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.signing.internal.DocumentRepository;
import org.rubrica.signing.internal.PlatformCa;
import org.rubrica.signing.internal.SignatureRepository;
import org.rubrica.signing.internal.VerificationCodes;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signing an approved oficio: whoever approved a signing step (or stood in for its head) opens their key with
 * the PIN; the oficio gets its official number in a short transaction of its own (so the series is never held
 * while rendering or signing); the PDF (or the one already signed by others) is signed at PAdES BASELINE-LT,
 * checked with DSS, and stored with its SHA-256; the last signature makes the oficio SIGNED. A signer may instead
 * bring their own credential (.p12 or e.firma); one from another trusted CA signs at BASELINE-T (see
 * {@link PadesSignatures#longestLevel}).
 */
@Service
public class OficioSigning {

    private static final java.time.format.DateTimeFormatter BLOCK_DATE =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss xxx");

    /** The outcome: the number, how many signatures it has now, whether it is complete, the stored PDF's hash. */
    public record Signed(String number, int signatures, boolean complete, String sha256) {
    }

    private final SignerCredentials credentials;
    private final OwnCredentials ownCredentials;
    private final PadesSignatures pades;
    private final NumberSeries numbers;
    private final OficioService oficios;
    private final RoutingService routing;
    private final SignatureRepository signatures;
    private final DocumentRepository documents;
    private final VerificationCodes codes;
    private final Directory directory;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OficioSigning(SignerCredentials credentials, OwnCredentials ownCredentials, PadesSignatures pades,
                  NumberSeries numbers, OficioService oficios, RoutingService routing, SignatureRepository signatures,
                  DocumentRepository documents, VerificationCodes codes, Directory directory,
                  CurrentActor currentActor, ApplicationEventPublisher events, TransactionTemplate transactions,
                  Clock clock) {
        this.credentials = credentials;
        this.ownCredentials = ownCredentials;
        this.pades = pades;
        this.numbers = numbers;
        this.oficios = oficios;
        this.routing = routing;
        this.signatures = signatures;
        this.documents = documents;
        this.codes = codes;
        this.directory = directory;
        this.currentActor = currentActor;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * @throws InvalidInputException  for a wrong or locked PIN, no credential, a signature already given, or a
     *                                concurrent signature (sign again)
     * @throws AccessDeniedException  when the person approved no signing step of it
     */
    public Signed sign(UUID oficioId, char[] pin) {
        Actor actor = currentActor.require();
        Due due = owed(oficioId, actor); // refused before the PIN is tried
        return signWith(oficioId, actor, credentials.unlockMine(pin), due); // a wrong PIN stops here: nothing numbered
    }

    /**
     * Signs with the signer's own credential (PKCS#12, or e.firma's certificate and key), opened for this signing
     * only, under the same rules as with the PIN.
     *
     * @throws InvalidInputException  for a credential that cannot sign for them ({@code signing.own.*}; nothing is
     *                                numbered), a signature already given, or a concurrent one
     * @throws AccessDeniedException  when the person approved no signing step of it
     */
    public Signed sign(UUID oficioId, OwnCredential credential) {
        Actor actor = currentActor.require();
        Due due = owed(oficioId, actor); // refused before the credential is opened
        return signWith(oficioId, actor, ownCredentials.open(credential), due);
    }

    /** One oficio of a batch: signed (with its number), or why not (an i18n key). */
    public record BatchResult(UUID oficioId, String number, String reasonKey) {

        public boolean signed() {
            return reasonKey == null;
        }
    }

    /**
     * A signer's pile, with the PIN entered once: each oficio is signed on its own, so one that fails (no longer
     * approved, not theirs, signed already) does not stop the rest; {@code progress} hears of each as it ends.
     *
     * @throws InvalidInputException for a wrong or locked PIN (nothing is signed)
     */
    public List<BatchResult> signAll(List<UUID> oficioIds, char[] pin, java.util.function.Consumer<BatchResult> progress) {
        Actor actor = currentActor.require();
        return signEach(oficioIds, actor, credentials.unlockMine(pin), progress);
    }

    /**
     * A signer's pile with their own credential, opened once for all of it; as {@link #signAll(List, char[],
     * java.util.function.Consumer)}.
     *
     * @throws InvalidInputException for a credential that cannot sign for them (nothing is signed)
     */
    public List<BatchResult> signAll(List<UUID> oficioIds, OwnCredential credential,
                                     java.util.function.Consumer<BatchResult> progress) {
        Actor actor = currentActor.require();
        return signEach(oficioIds, actor, ownCredentials.open(credential), progress);
    }

    private List<BatchResult> signEach(List<UUID> oficioIds, Actor actor, SignerCredentials.UnlockedKey key,
                                       java.util.function.Consumer<BatchResult> progress) {
        List<BatchResult> results = new java.util.ArrayList<>();
        for (UUID id : oficioIds) {
            BatchResult result;
            try {
                result = new BatchResult(id, signWith(id, actor, key, owed(id, actor)).number(), null);
            } catch (InvalidInputException e) {
                result = new BatchResult(id, null, e.messageKey());
            } catch (AccessDeniedException | org.rubrica.shared.NotFoundException e) {
                result = new BatchResult(id, null, "signing.batch.not-yours");
            }
            results.add(result);
            progress.accept(result);
        }
        return results;
    }

    /** The signatures of an approved oficio, one of them owed by the actor; refused otherwise. */
    private Due owed(UUID oficioId, Actor actor) {
        if (oficios.get(oficioId).status() != OficioStatus.APPROVED) { // refuses, as not found, whoever may not see it
            throw new InvalidInputException("signing.not-approved", "oficio");
        }
        Due due = due(oficioId, actor);
        if (due.mine().isEmpty()) {
            throw due.signedAlready() ? new InvalidInputException("signing.already-signed", "oficio")
                    : new AccessDeniedException(actor.username() + " approved no signing step of " + oficioId);
        }
        return due;
    }

    private Signed signWith(UUID oficioId, Actor actor, SignerCredentials.UnlockedKey key, Due due) {
        Signer mine = due.mine().orElseThrow();

        int year = LocalDate.now(clock).getYear();
        Registration registration = transactions.execute(status -> new Registration(
                oficios.numberOnce(oficioId, (unitId, kind) -> numbers.next(unitId, kind, year).formatted()),
                documents.codeOnce(oficioId, codes.newCode(), clock.instant())));
        String number = registration.number();

        List<Long> signerIds = due.signers().stream().map(Signer::personId).toList();
        byte[] base = signatures.latest(oficioId).orElseGet(() -> oficios.finalPdf(oficioId, signerIds,
                registration.code(), codes.qrPng(registration.code())));
        var block = new PadesSignatures.Appearance("firma-" + (signerIds.indexOf(mine.personId()) + 1),
                blockText(actor, mine, key.certificate()));
        byte[] signed = pades.sign(base, key, "Firma del oficio " + number, pades.longestLevel(key), block);
        SignatureVerdict verdict = pades.validate(signed);
        if (!verdict.valid()) {
            throw new IllegalStateException("a fresh signature did not pass DSS: " + verdict);
        }
        String indication = verdict.signatures().getLast().indication();
        String sha256 = ContentHash.ofBytes(signed);
        int pages = pageCount(signed);
        Instant now = clock.instant();
        int sequence = due.signed().size() + 1;
        boolean complete = sequence >= due.signers().size();
        try {
            transactions.executeWithoutResult(status -> {
                oficios.lockIn(oficioId, OficioStatus.APPROVED); // not cancelled meanwhile
                if (!signatures.insert(oficioId, sequence, actor.personId(), mine.personId(), signed, sha256, indication,
                        verdict.report(), key.certificate(), now)) {
                    throw new InvalidInputException("signing.concurrent", "oficio");
                }
                traceOwnCertificate(oficioId, actor, key, now);
                routing.signatureGiven(oficioId, actor.personId());
                if (complete) {
                    oficios.moveAlongRoute(oficioId, OficioStatus.APPROVED, OficioStatus.SIGNED);
                }
                events.publishEvent(new SigningEvents.OficioSigned(oficioId, actor.personId(), mine.personId(),
                        sequence, sha256, indication, complete, pages, now));
            });
        } catch (StaleDraftException e) {
            throw new InvalidInputException("signing.not-approved", "oficio");
        }
        return new Signed(number, sequence, complete, sha256);
    }

    private record Registration(String number, String code) {
    }

    /**
     * What the signature's visible block says: who signed (and for whom, standing in), their position, when, and
     * the certificate's serial, so a printed copy can be matched to it.
     */
    private String blockText(Actor actor, Signer mine, java.security.cert.X509Certificate certificate) {
        var signer = directory.person(actor.personId());
        StringBuilder text = new StringBuilder("Firmado electrónicamente por:\n").append(signer.fullName());
        if (signer.cargo() != null && !signer.cargo().isBlank()) {
            text.append("\n").append(signer.cargo());
        }
        if (mine.personId() != actor.personId()) {
            text.append("\nPor ausencia de ").append(directory.person(mine.personId()).fullName());
        }
        return text.append("\nFecha: ").append(BLOCK_DATE.format(clock.instant().atZone(clock.getZone())))
                .append("\nCertificado: ").append(serial(certificate)).toString();
    }

    private static String serial(java.security.cert.X509Certificate certificate) {
        return PlatformCa.serial(certificate.getSerialNumber());
    }

    /**
     * A signature made with a certificate from a CA other than the platform's (whose link to the person is only the
     * name it carries) goes into the trail with that certificate.
     */
    private void traceOwnCertificate(UUID oficioId, Actor actor, SignerCredentials.UnlockedKey key, Instant now) {
        if (ownCredentials.external(key)) {
            java.security.cert.X509Certificate certificate = key.certificate();
            events.publishEvent(new SigningEvents.SignedWithOwnCertificate(oficioId, actor.personId(),
                    certificate.getSubjectX500Principal().getName(), serial(certificate),
                    certificate.getIssuerX500Principal().getName(), now));
        }
    }

    /** Whether the current person may sign the oficio now: it is approved and their signing step is unsigned. */
    public boolean canSign(UUID oficioId) {
        Actor actor = currentActor.require();
        return oficios.get(oficioId).status() == OficioStatus.APPROVED && due(oficioId, actor).mine().isPresent();
    }

    /** Who signs (once each, in route order), who has, and the signature the actor owes, if any. */
    private record Due(List<Signer> signers, List<Long> signed, java.util.Optional<Signer> mine, boolean signedAlready) {
    }

    private Due due(UUID oficioId, Actor actor) {
        java.util.Set<Long> seen = new java.util.HashSet<>();
        List<Signer> signers = routing.signers(oficioId).stream()
                .filter(s -> seen.add(s.personId())).toList(); // one signature per person, whatever their steps
        List<Long> signed = signatures.signedFor(oficioId);
        var mine = signers.stream().filter(s -> s.actedById() == actor.personId() && !signed.contains(s.personId()))
                .findFirst();
        boolean already = signers.stream().anyMatch(s -> s.actedById() == actor.personId());
        return new Due(signers, signed, mine, already);
    }

    /** The oficio's signed PDF (with every signature so far), for whoever may see the oficio. */
    public java.util.Optional<byte[]> signedPdf(UUID oficioId) {
        oficios.get(oficioId);
        return signatures.latest(oficioId);
    }

    /**
     * Keeps the signed PDF of an oficio another installation sent here (recorded by drafting as received), with
     * DSS's verdict on it as this installation sees it and its last signer's certificate, as the oficio's signed
     * PDF: the oficio page, the API and the recipients read it like any other. The exchange checked who sent it.
     *
     * @throws InvalidInputException when it is not a signed PDF
     */
    public void keepReceived(UUID oficioId, long authorId, byte[] pdf, Instant at) {
        java.security.cert.X509Certificate signer = lastSigner(pdf);
        SignatureVerdict verdict = pades.validate(pdf);
        String indication = verdict.signatures().isEmpty() ? "NO_SIGNATURE"
                : verdict.signatures().getLast().indication();
        signatures.insert(oficioId, 1, authorId, authorId, pdf, ContentHash.ofBytes(pdf), indication,
                verdict.report(), signer, at);
    }

    /** Whether the file is a PDF with at least one electronic signature (whose certificate it carries). */
    public boolean isSignedPdf(byte[] pdf) {
        try {
            lastSigner(pdf);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    /** The certificate of the PDF's last signature. */
    private static java.security.cert.X509Certificate lastSigner(byte[] pdf) {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            var signature = document.getLastSignatureDictionary();
            if (signature == null) {
                throw new InvalidInputException("signing.not-signed", "file");
            }
            var cms = new org.bouncycastle.cms.CMSSignedData(signature.getContents(pdf));
            var signerInfo = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            var holder = (org.bouncycastle.cert.X509CertificateHolder) cms.getCertificates()
                    .getMatches((org.bouncycastle.util.Selector<org.bouncycastle.cert.X509CertificateHolder>)
                            signerInfo.getSID()).iterator().next();
            return new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(holder);
        } catch (java.io.IOException | org.bouncycastle.cms.CMSException | java.security.cert.CertificateException
                 | java.util.NoSuchElementException e) {
            throw new InvalidInputException("signing.not-signed", "file");
        }
    }

    private static int pageCount(byte[] pdf) {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (java.io.IOException e) { // DSS has just read it: cannot happen
            throw new java.io.UncheckedIOException(e);
        }
    }
}
