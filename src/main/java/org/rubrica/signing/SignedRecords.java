package org.rubrica.signing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.rubrica.directory.Directory;
import org.rubrica.drafting.OficioService;
import org.rubrica.signing.internal.DocumentRepository;
import org.rubrica.signing.internal.SignatureRepository;
import org.rubrica.signing.internal.VerificationCodes;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What signing registered about each signed oficio, as public verification reads it: by verification code, or by
 * a signed PDF's SHA-256. These lookups need no login; they give only what a printed copy shows (signers, dates,
 * hashes), never content.
 */
@Service
@Transactional(readOnly = true)
public class SignedRecords {

    /** One signature: who signed, for whom (the same person unless standing in), when, with which certificate. */
    public record SignatureRecord(int sequence, String signerName, String forName, String forCargo, Instant signedAt,
                                  String certificateSerial, String certificateSubject, boolean standingIn) {
    }

    /** An oficio's registration: its code, its signatures in order, and the SHA-256 of the PDF with all of them. */
    public record SignedRecord(UUID oficioId, String verificationCode, List<SignatureRecord> signatures,
                               String sha256) {
    }

    /**
     * A PDF found among the registered ones: its oficio's registration, and whether it is the final one (with every
     * signature so far) or an earlier stage.
     */
    public record Match(SignedRecord record, boolean latest) {
    }

    private final DocumentRepository documents;
    private final SignatureRepository signatures;
    private final Directory directory;
    private final OficioService oficios;
    private final VerificationCodes codes;

    SignedRecords(DocumentRepository documents, SignatureRepository signatures, Directory directory,
                  OficioService oficios, VerificationCodes codes) {
        this.documents = documents;
        this.signatures = signatures;
        this.directory = directory;
        this.oficios = oficios;
        this.codes = codes;
    }

    /** The registration of the oficio with that code (typed loosely: case, spaces and dashes do not matter). */
    public Optional<SignedRecord> byCode(String typedCode) {
        return VerificationCodes.normalise(typedCode).flatMap(documents::oficioByCode).flatMap(this::record);
    }

    /** The registered PDF with that SHA-256 (hex), if Rubrica stored one. */
    public Optional<Match> bySha256(String sha256) {
        return signatures.bySha256(sha256).flatMap(s -> record(s.oficioId()).map(r -> new Match(r, s.latest())));
    }

    /** Only ever reached from a code or a PDF the public holds: never by an oficio's id from outside. */
    private Optional<SignedRecord> record(UUID oficioId) {
        var rows = signatures.all(oficioId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<SignatureRecord> list = rows.stream()
                .map(s -> {
                    var forPerson = directory.person(s.forId());
                    return new SignatureRecord(s.sequence(), directory.person(s.signerId()).fullName(),
                            forPerson.fullName(), forPerson.cargo(), s.signedAt(), s.certificateSerial(),
                            s.certificateSubject(), s.signerId() != s.forId());
                }).toList();
        return documents.code(oficioId).map(code -> new SignedRecord(oficioId, code, list, rows.getLast().sha256()));
    }

    /** The code printed on an oficio the current person may see, once it is signed at least once. */
    public Optional<String> verificationCode(UUID oficioId) {
        oficios.get(oficioId); // refuses, as not found, whoever may not see it
        return documents.code(oficioId);
    }

    /**
     * DSS's simple report (XML) on the PDF as stored with the oficio's signature number {@code sequence}, for
     * whoever may see the oficio.
     */
    public Optional<String> validationReport(UUID oficioId, int sequence) {
        oficios.get(oficioId); // refuses, as not found, whoever may not see it
        return signatures.report(oficioId, sequence);
    }

    /** DSS's report on the oficio's latest stored signed PDF (the one with every signature so far). */
    public Optional<String> latestValidationReport(UUID oficioId) {
        oficios.get(oficioId); // refuses, as not found, whoever may not see it
        var rows = signatures.all(oficioId);
        return rows.isEmpty() ? Optional.empty() : signatures.report(oficioId, rows.getLast().sequence());
    }

    /** The address a code's QR leads to. */
    public String verificationUrl(String code) {
        return codes.url(code);
    }
}
