package org.rubrica.verification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.OficioStatus;
import org.rubrica.drafting.RegisteredOficio;
import org.rubrica.shared.ContentHash;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.signing.PadesSignatures;
import org.rubrica.signing.SignatureVerdict;
import org.rubrica.signing.SignedRecords;
import org.rubrica.shared.ClientRateLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Answers anyone, without login, whether a document is what Rubrica signed: by its verification code, the
 * registration (number, sender, dates, signers, hash, annulment); by an uploaded PDF, DSS's verdict on each
 * signature with the reason in plain words, and whether the file is byte for byte the registered one.
 * Each client (address, or IPv6 /64) gets a limited number of tries per minute, and all together too.
 */
@Service
public class Verification {

    /** The largest PDF accepted for checking. */
    public static final int MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

    /** A signature as the registration lists it. */
    public record Signer(String name, String cargo, String standingInFor, Instant signedAt, String certificateSerial) {
    }

    /** A registered oficio, as the public may see it. */
    public record Registered(String code, String number, String kind, String senderUnitName, String agencyName,
                             String institutionName, OficioStatus status, boolean complete, List<Signer> signers,
                             String sha256, String annulmentReason, Instant annulledAt) {

        public boolean annulled() {
            return status == OficioStatus.ANNULLED;
        }

        public Instant signedAt() {
            return signers.getLast().signedAt();
        }
    }

    /** The overall verdict on an uploaded PDF. */
    public enum Verdict {
        /** Every signature passed. */
        VALID,
        /** No signature failed, but at least one could not be confirmed. */
        INDETERMINATE,
        /** At least one signature failed. */
        INVALID,
        /** The PDF carries no electronic signature. */
        UNSIGNED
    }

    /**
     * One signature of an uploaded PDF: who, DSS's indication, and why it did not pass (an i18n key with the
     * sub-indication as argument), {@code null} when it passed.
     */
    public record Finding(String signedBy, String indication, String reasonKey, String subIndication) {
    }

    /**
     * The result of checking an uploaded PDF: DSS's verdict; whether it is exactly a document Rubrica registered
     * (and whether that one is final, with every signature, or an earlier stage); and that registration.
     */
    public record UploadCheck(Verdict verdict, List<Finding> findings, boolean exactCopy, boolean latest,
                              String sha256, Optional<Registered> registered) {
    }

    private static final Set<OficioStatus> COMPLETE = Set.of(OficioStatus.SIGNED, OficioStatus.SENT,
            OficioStatus.ANNULLED);

    private final SignedRecords records;
    private final OficioService oficios;
    private final PadesSignatures pades;
    private final ClientRateLimiter lookups;
    private final ClientRateLimiter uploads;

    Verification(SignedRecords records, OficioService oficios, PadesSignatures pades, Clock clock,
                 @Value("${rubrica.verification.lookups-per-minute:30}") int lookupsPerMinute,
                 @Value("${rubrica.verification.uploads-per-minute:10}") int uploadsPerMinute,
                 @Value("${rubrica.verification.all-lookups-per-minute:1200}") int allLookupsPerMinute,
                 @Value("${rubrica.verification.all-uploads-per-minute:120}") int allUploadsPerMinute) {
        this.records = records;
        this.oficios = oficios;
        this.pades = pades;
        this.lookups = new ClientRateLimiter(lookupsPerMinute, allLookupsPerMinute, Duration.ofMinutes(1), clock);
        this.uploads = new ClientRateLimiter(uploadsPerMinute, allUploadsPerMinute, Duration.ofMinutes(1), clock);
    }

    /**
     * The registration behind a code, typed as printed or loosely (case, spaces, dashes).
     *
     * @param client who asks (their address), for the rate limit
     * @throws org.rubrica.shared.TooManyRequestsException after too many lookups from that client
     */
    public Optional<Registered> byCode(String code, String client) {
        lookups.acquire(client, "verification.too-many");
        return records.byCode(code).flatMap(this::registered);
    }

    /**
     * DSS's verdict on an uploaded PDF and whether it is, byte for byte, a document Rubrica registered.
     *
     * @throws InvalidInputException for an empty, oversized or non-PDF file
     * @throws org.rubrica.shared.TooManyRequestsException after too many checks from that client
     */
    public UploadCheck check(byte[] pdf, String client) {
        uploads.acquire(client, "verification.too-many"); // every try counts, refused ones too
        if (pdf == null || pdf.length == 0) {
            throw new InvalidInputException("verification.upload.empty", "file");
        }
        if (pdf.length > MAX_UPLOAD_BYTES) {
            throw new InvalidInputException("verification.upload.too-large", "file", MAX_UPLOAD_BYTES / (1024 * 1024));
        }
        if (!startsWithPdfHeader(pdf)) {
            throw new InvalidInputException("verification.upload.not-pdf", "file");
        }
        SignatureVerdict verdict;
        try {
            verdict = pades.validate(pdf);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("verification.upload.not-pdf", "file");
        }
        List<Finding> findings = verdict.signatures().stream().map(Verification::finding).toList();
        String sha256 = ContentHash.ofBytes(pdf);
        var match = records.bySha256(sha256);
        Optional<Registered> registered = match.flatMap(m -> registered(m.record()));
        return new UploadCheck(overall(verdict), findings, match.isPresent(),
                match.map(SignedRecords.Match::latest).orElse(false), sha256, registered);
    }

    private Optional<Registered> registered(SignedRecords.SignedRecord record) {
        return oficios.registered(record.oficioId()).map(o -> registered(o, record));
    }

    private static Registered registered(RegisteredOficio o, SignedRecords.SignedRecord record) {
        List<Signer> signers = record.signatures().stream().map(s -> new Signer(s.signerName(),
                s.standingIn() ? null : s.forCargo(), s.standingIn() ? s.forName() : null, s.signedAt(),
                s.certificateSerial())).toList();
        return new Registered(record.verificationCode(), o.number(), o.kind(), o.senderUnitName(), o.agencyName(),
                o.institutionName(), o.status(), COMPLETE.contains(o.status()), signers, record.sha256(),
                o.annulment() == null ? null : o.annulment().reason(), o.annulment() == null ? null : o.annulment().at());
    }

    private static Verdict overall(SignatureVerdict verdict) {
        if (verdict.signatures().isEmpty()) {
            return Verdict.UNSIGNED;
        }
        if (verdict.valid()) {
            return Verdict.VALID;
        }
        return verdict.signatures().stream().anyMatch(s -> "TOTAL_FAILED".equals(s.indication()))
                ? Verdict.INVALID : Verdict.INDETERMINATE;
    }

    private static Finding finding(SignatureVerdict.SignatureResult s) {
        return new Finding(s.signedBy(), s.indication(), s.passed() ? null : reasonKey(s.subIndication()),
                s.subIndication());
    }

    /** DSS's sub-indication, as a reason a person understands. */
    private static String reasonKey(String subIndication) {
        if (subIndication == null) {
            return "verification.reason.other";
        }
        return switch (subIndication) {
            case "HASH_FAILURE" -> "verification.reason.modified";
            case "SIG_CRYPTO_FAILURE", "SIG_CONSTRAINTS_FAILURE" -> "verification.reason.signature-broken";
            case "REVOKED", "REVOKED_NO_POE", "REVOKED_CA_NO_POE" -> "verification.reason.revoked";
            case "NO_CERTIFICATE_CHAIN_FOUND", "NO_CERTIFICATE_CHAIN_FOUND_NO_POE", "CHAIN_CONSTRAINTS_FAILURE",
                 "NO_SIGNING_CERTIFICATE_FOUND" -> "verification.reason.untrusted";
            case "OUT_OF_BOUNDS_NO_POE", "OUT_OF_BOUNDS_NOT_REVOKED", "EXPIRED", "NOT_YET_VALID" ->
                    "verification.reason.expired";
            case "TRY_LATER", "REVOCATION_OUT_OF_BOUNDS_NO_POE" -> "verification.reason.revocation-unknown";
            case "FORMAT_FAILURE", "SIGNED_DATA_NOT_FOUND" -> "verification.reason.format";
            default -> "verification.reason.other";
        };
    }

    private static boolean startsWithPdfHeader(byte[] bytes) {
        // readers accept the header within the first KB; Rubrica's own PDFs start with it
        int limit = Math.min(bytes.length - 5, 1024);
        for (int i = 0; i <= limit; i++) {
            if (bytes[i] == '%' && bytes[i + 1] == 'P' && bytes[i + 2] == 'D' && bytes[i + 3] == 'F' && bytes[i + 4] == '-') {
                return true;
            }
        }
        return false;
    }
}
