package org.rubrica.api;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.rubrica.directory.CurrentActor;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.NotFoundException;
import org.rubrica.signing.OficioSigning;
import org.rubrica.signing.OficioSigning.BatchResult;
import org.rubrica.signing.OwnCredential;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Signing approved oficios: one, or a batch followed as it goes, with the PIN (the platform CA's certificate) or
 * with the signer's own credential uploaded for that signing and never kept; and the signed PDF.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Signing")
class SigningController {

    record PinSignature(@Schema(example = "482915") String pin) {
    }

    record PinBatch(@Schema(example = "[\"0b6f1c9e-5d1a-4c7e-9a51-2f3f4f7e8a10\", \"5e2d8a41-7b3c-4f0a-8d2e-6c1b9a3f4e21\"]")
                    List<UUID> oficioIds, @Schema(example = "482915") String pin) {
    }

    record SignedOficio(UUID oficioId, @Schema(example = "SOP/DOP/0042/2026") String number,
                        @Schema(description = "Signatures it has now") int signatures,
                        @Schema(description = "Every signer has signed: the oficio is SIGNED") boolean complete,
                        @Schema(description = "SHA-256 of the signed PDF as stored") String sha256) {
    }

    record BatchItem(UUID oficioId, boolean signed, String number,
                     @Schema(description = "Why it was not signed: a message key") String reason,
                     @Schema(description = "The reason in the caller's language") String message) {
    }

    record BatchStatus(UUID id, int total, int done, boolean finished,
                       @Schema(description = "It stopped on an unexpected fault; the results say how far it got") boolean failed,
                       List<BatchItem> results) {
    }

    private final OficioSigning signing;
    private final org.rubrica.signing.SignedRecords records;
    private final SigningBatches batches;
    private final CurrentActor currentActor;
    private final MessageSource messages;

    SigningController(OficioSigning signing, org.rubrica.signing.SignedRecords records, SigningBatches batches,
                      CurrentActor currentActor, MessageSource messages) {
        this.records = records;
        this.signing = signing;
        this.batches = batches;
        this.currentActor = currentActor;
        this.messages = messages;
    }

    @PostMapping(path = "/oficios/{id}/sign", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Sign an approved oficio with my PIN (my certificate from the platform CA): it is numbered, "
            + "signed at PAdES BASELINE-LT and checked")
    SignedOficio signWithPin(@PathVariable String id, @RequestBody PinSignature request) {
        UUID oficioId = NotFoundException.parseId(id, "oficio");
        char[] pin = chars(request.pin());
        try {
            return signed(oficioId, signing.sign(oficioId, pin));
        } finally {
            java.util.Arrays.fill(pin, '\0');
        }
    }

    @PostMapping(path = "/oficios/{id}/sign", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Sign an approved oficio with my own credential: part p12 (.p12/.pfx), or parts cer and key "
            + "(e.firma), and password; used for this signature only, never stored. Another CA's certificate signs at "
            + "PAdES BASELINE-T")
    SignedOficio signWithFile(@PathVariable String id, @RequestPart(required = false) MultipartFile p12,
                              @RequestPart(required = false) MultipartFile cer,
                              @RequestPart(required = false) MultipartFile key,
                              @RequestParam(required = false) String password) {
        UUID oficioId = NotFoundException.parseId(id, "oficio");
        OwnCredential credential = credential(p12, cer, key, password);
        try {
            return signed(oficioId, signing.sign(oficioId, credential));
        } finally {
            credential.wipe();
        }
    }

    /** Any other content type is answered 415 naming the two accepted (not 404, as an unknown path would be). */
    @PostMapping({"/oficios/{id}/sign", "/signing-batches"})
    @io.swagger.v3.oas.annotations.Hidden
    void unsupported(jakarta.servlet.http.HttpServletRequest request) throws HttpMediaTypeNotSupportedException {
        throw new HttpMediaTypeNotSupportedException("Content-Type " + request.getContentType() + " not supported",
                List.of(MediaType.APPLICATION_JSON, MediaType.MULTIPART_FORM_DATA));
    }

    @GetMapping(path = "/oficios/{id}/signed-pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The signed PDF with every signature so far; 404 while nobody has signed")
    ResponseEntity<byte[]> signedPdf(@PathVariable String id) {
        UUID oficioId = NotFoundException.parseId(id, "oficio");
        byte[] pdf = signing.signedPdf(oficioId).orElseThrow(() -> new NotFoundException("signed PDF of " + oficioId));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"oficio-" + oficioId + "-firmado.pdf\"")
                .body(pdf);
    }

    @GetMapping(path = "/oficios/{id}/signatures/{sequence}/report", produces = MediaType.APPLICATION_XML_VALUE)
    @Operation(summary = "EU DSS's simple validation report (XML) on the PDF as stored with signature number {sequence}")
    ResponseEntity<String> validationReport(@PathVariable String id, @PathVariable int sequence) {
        UUID oficioId = NotFoundException.parseId(id, "oficio");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(records.validationReport(oficioId, sequence)
                .orElseThrow(() -> new NotFoundException("validation report " + sequence + " of " + oficioId)));
    }

    @PostMapping(path = "/signing-batches", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Sign several approved oficios with my PIN, entered once: 202 with the batch to follow; "
            + "a wrong PIN is refused at once and signs nothing")
    ResponseEntity<BatchStatus> startWithPin(@RequestBody PinBatch request, Locale locale) {
        List<UUID> ids = ids(request.oficioIds());
        char[] pin = chars(request.pin());
        return started(ids, progress -> {
            try {
                return signing.signAll(ids, pin, progress);
            } finally {
                java.util.Arrays.fill(pin, '\0');
            }
        }, locale);
    }

    @PostMapping(path = "/signing-batches", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Sign several approved oficios with my own credential (parts as for one, and oficioIds "
            + "repeated or comma-separated): 202 with the batch to follow")
    ResponseEntity<BatchStatus> startWithFile(@RequestParam(required = false) List<UUID> oficioIds,
                                              @RequestPart(required = false) MultipartFile p12,
                                              @RequestPart(required = false) MultipartFile cer,
                                              @RequestPart(required = false) MultipartFile key,
                                              @RequestParam(required = false) String password, Locale locale) {
        List<UUID> ids = ids(oficioIds);
        OwnCredential credential = credential(p12, cer, key, password);
        return started(ids, progress -> {
            try {
                return signing.signAll(ids, credential, progress);
            } finally {
                credential.wipe();
            }
        }, locale);
    }

    @GetMapping("/signing-batches/{id}")
    @Operation(summary = "How my batch goes: how many of how many are done, and each one signed (with its number) or why not")
    BatchStatus batch(@PathVariable String id, Locale locale) {
        return status(batches.get(NotFoundException.parseId(id, "signing batch"), currentActor.require().personId()),
                locale);
    }

    private ResponseEntity<BatchStatus> started(List<UUID> ids,
                                                java.util.function.Function<java.util.function.Consumer<BatchResult>, List<BatchResult>> work,
                                                Locale locale) {
        SigningBatches.Batch batch = batches.start(currentActor.require().personId(), ids.size(), work);
        return ResponseEntity.accepted().location(URI.create("/api/v1/signing-batches/" + batch.id))
                .body(status(batch, locale));
    }

    private BatchStatus status(SigningBatches.Batch batch, Locale locale) {
        boolean finished = batch.finished; // read first: every result is in once it is set
        List<BatchItem> items = batch.results.stream().map(r -> new BatchItem(r.oficioId(), r.signed(), r.number(),
                r.reasonKey(), r.signed() ? null : messages.getMessage(r.reasonKey(), null, r.reasonKey(), locale))).toList();
        return new BatchStatus(batch.id, batch.total, items.size(), finished, batch.failed, items);
    }

    private static List<UUID> ids(List<UUID> oficioIds) {
        List<UUID> ids = oficioIds == null ? List.of() : oficioIds.stream().filter(java.util.Objects::nonNull)
                .distinct().toList();
        if (ids.isEmpty()) {
            throw new InvalidInputException("signing.batch.empty", "oficioIds");
        }
        return ids;
    }

    /** A .p12, or a .cer with its .key; the password may be empty (a store without one). */
    private static OwnCredential credential(MultipartFile p12, MultipartFile cer, MultipartFile key, String password) {
        boolean store = present(p12);
        boolean pair = present(cer) || present(key);
        if (store && pair) {
            throw new InvalidInputException("signing.own.choose-one", "p12");
        }
        if (store) {
            return new OwnCredential.Pkcs12(bytes(p12, "p12"), chars(password));
        }
        if (!present(cer) || !present(key)) {
            throw new InvalidInputException("signing.own.missing", present(cer) ? "key" : "cer");
        }
        return new OwnCredential.CertificateAndKey(bytes(cer, "cer"), bytes(key, "key"), chars(password));
    }

    private static boolean present(MultipartFile file) {
        return file != null && !file.isEmpty();
    }

    private static byte[] bytes(MultipartFile file, String field) {
        if (file.getSize() > OwnCredential.MAX_FILE_BYTES) {
            throw new InvalidInputException("signing.own.too-large", field, OwnCredential.MAX_FILE_BYTES / 1024);
        }
        try {
            // our own copy, wiped after signing: getBytes may hand out the part's own array (kept in memory: see the
            // multipart threshold), which is not ours to wipe
            return file.getBytes().clone();
        } catch (IOException e) {
            throw new InvalidInputException("signing.own.missing", field);
        }
    }

    private static char[] chars(String secret) {
        return secret == null ? new char[0] : secret.toCharArray();
    }

    private static SignedOficio signed(UUID oficioId, OficioSigning.Signed signed) {
        return new SignedOficio(oficioId, signed.number(), signed.signatures(), signed.complete(), signed.sha256());
    }
}
