package org.rubrica.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.rubrica.api.ApiModels.ForwardRequest;
import org.rubrica.api.ApiModels.RecipientRequest;
import org.rubrica.api.ApiModels.TagsRequest;
import org.rubrica.api.ApiModels.UnitAction;
import org.rubrica.audit.Trail;
import org.rubrica.audit.TrailEntry;
import org.rubrica.delivery.DeliveryService;
import org.rubrica.delivery.Outbox;
import org.rubrica.delivery.Receipt;
import org.rubrica.delivery.ReceiptService;
import org.rubrica.delivery.RecipientStatus;
import org.rubrica.delivery.SentItem;
import org.rubrica.drafting.Annex;
import org.rubrica.drafting.AnnexService;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.OficioStatus;
import org.rubrica.drafting.Recipient;
import org.rubrica.drafting.RecipientLine;
import org.rubrica.drafting.RecipientService;
import org.rubrica.drafting.ReplyService;
import org.rubrica.drafting.ThreadItem;
import org.rubrica.search.SearchPage;
import org.rubrica.search.SearchQuery;
import org.rubrica.search.SearchService;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * What happens around sending and receiving: recipients, annexes, the outbox and each recipient's progress,
 * receipts and acknowledgements, replies and threads, forwarding, archiving, tags, the trail and search.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Delivery")
class DeliveryController {

    private final DeliveryService delivery;
    private final ReceiptService receipts;
    private final Outbox outbox;
    private final ReplyService replies;
    private final RecipientService recipients;
    private final AnnexService annexes;
    private final OficioService oficios;
    private final SearchService search;
    private final Trail trail;
    private final RecipientUnits units;

    DeliveryController(DeliveryService delivery, ReceiptService receipts, Outbox outbox, ReplyService replies,
                       RecipientService recipients, AnnexService annexes, OficioService oficios, SearchService search,
                       Trail trail, RecipientUnits units) {
        this.delivery = delivery;
        this.receipts = receipts;
        this.outbox = outbox;
        this.replies = replies;
        this.recipients = recipients;
        this.annexes = annexes;
        this.oficios = oficios;
        this.search = search;
        this.trail = trail;
        this.units = units;
    }

    @GetMapping("/oficios/{id}/recipients")
    @Operation(summary = "Everyone the oficio goes to, addressee first")
    List<RecipientLine> recipients(@PathVariable String id) {
        return recipients.lines(oficio(id));
    }

    @PutMapping("/oficios/{id}/recipients")
    @Operation(summary = "Set the recipients besides the addressee: units or people, addressed (TO) or copied (CC)")
    List<RecipientLine> setRecipients(@PathVariable String id, @RequestBody List<RecipientRequest> request) {
        UUID oficioId = oficio(id);
        recipients.setOthers(oficioId, request.stream().map(this::recipient).toList());
        return recipients.lines(oficioId);
    }

    @PutMapping("/oficios/{id}/confidential")
    @Operation(summary = "Mark a draft confidential (or not): only the people named on it will see it")
    void setConfidential(@PathVariable String id, @RequestBody ApiModels.ConfidentialityChange request) {
        oficios.setConfidential(oficio(id), request.confidential());
    }

    @GetMapping("/oficios/{id}/annexes")
    @Operation(summary = "The oficio's annexes, with their type, size and SHA-256")
    List<Annex> annexes(@PathVariable String id) {
        return annexes.list(oficio(id));
    }

    @PostMapping(path = "/oficios/{id}/annexes", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Annex a file to a draft (PDF, PNG, JPEG or an office document; checked by content, size "
            + "and virus scanner)")
    ResponseEntity<Annex> addAnnex(@PathVariable String id, @RequestPart("file") MultipartFile file)
            throws java.io.IOException {
        UUID oficioId = oficio(id);
        Annex annex = annexes.add(oficioId, file.getOriginalFilename(), file.getBytes());
        return ResponseEntity.created(URI.create("/api/v1/oficios/" + oficioId + "/annexes/" + annex.id()))
                .body(annex);
    }

    @GetMapping("/oficios/{id}/annexes/{annexId}")
    @Operation(summary = "An annex's content")
    ResponseEntity<byte[]> annex(@PathVariable String id, @PathVariable long annexId) {
        UUID oficioId = oficio(id);
        Annex annex = annexes.list(oficioId).stream().filter(a -> a.id() == annexId).findFirst()
                .orElseThrow(() -> new NotFoundException("annex " + annexId));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(annex.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(annex.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(annexes.content(oficioId, annexId));
    }

    @DeleteMapping("/oficios/{id}/annexes/{annexId}")
    @Operation(summary = "Take an annex off a draft")
    ResponseEntity<Void> removeAnnex(@PathVariable String id, @PathVariable long annexId) {
        annexes.remove(oficio(id), annexId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/outbox")
    @Operation(summary = "What I sent, newest first, with how many recipients read and registered each")
    List<SentItem> outbox() {
        return outbox.mine();
    }

    @GetMapping("/oficios/{id}/delivery")
    @Operation(summary = "Each recipient unit's progress with a sent oficio (for its sending side)")
    List<RecipientStatus> delivery(@PathVariable String id) {
        return outbox.statusOf(oficio(id));
    }

    @GetMapping("/oficios/{id}/receipts")
    @Operation(summary = "The registered receipts I may see")
    List<Receipt> receipts(@PathVariable String id) {
        return receipts.receipts(oficio(id));
    }

    @PostMapping("/oficios/{id}/receipts")
    @Operation(summary = "Register a received oficio's receipt: entry number and sealed acknowledgement; "
            + "registering again returns the same receipt")
    Receipt register(@PathVariable String id, @RequestBody(required = false) UnitAction request) {
        UUID oficioId = oficio(id);
        return receipts.register(oficioId, receivingUnit(oficioId, request == null ? null : request.unitId()));
    }

    @GetMapping(path = "/oficios/{id}/receipts/{unitId}/acknowledgement", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "A unit's sealed acknowledgement of receipt (acuse de recibo)")
    ResponseEntity<byte[]> acknowledgement(@PathVariable String id, @PathVariable long unitId) {
        UUID oficioId = oficio(id);
        byte[] pdf = receipts.acknowledgementPdf(oficioId, unitId)
                .orElseThrow(() -> new NotFoundException("acknowledgement of " + unitId));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(pdf);
    }

    @PostMapping("/oficios/{id}/forward")
    @Operation(summary = "Forward a received oficio to another unit's inbox, with a note")
    void forward(@PathVariable String id, @RequestBody ForwardRequest request) {
        UUID oficioId = oficio(id);
        if (request.toUnitId() == null) {
            throw new InvalidInputException("validation.required", "toUnitId");
        }
        delivery.forward(oficioId, receivingUnit(oficioId, request.fromUnitId()), request.toUnitId(), request.note());
    }

    @PostMapping("/oficios/{id}/archive")
    @Operation(summary = "Archive a received oficio in one of my units' inboxes")
    void archive(@PathVariable String id, @RequestBody(required = false) UnitAction request) {
        UUID oficioId = oficio(id);
        delivery.archive(oficioId, receivingUnit(oficioId, request == null ? null : request.unitId()));
    }

    @PutMapping("/oficios/{id}/tags")
    @Operation(summary = "Set a receiving unit's own tags on the oficio")
    List<String> tag(@PathVariable String id, @RequestBody TagsRequest request) {
        UUID oficioId = oficio(id);
        return delivery.tag(oficioId, receivingUnit(oficioId, request.unitId()),
                request.tags() == null ? List.of() : request.tags());
    }

    @PostMapping("/oficios/{id}/reply")
    @Operation(summary = "Start a reply: a draft from the reply template citing the oficio, to its sender")
    ResponseEntity<ApiModels.Created> reply(@PathVariable String id) {
        UUID reply = replies.startReply(oficio(id));
        return ResponseEntity.created(URI.create("/api/v1/oficios/" + reply)).body(new ApiModels.Created(reply));
    }

    @GetMapping("/oficios/{id}/thread")
    @Operation(summary = "The conversation the oficio belongs to, oldest first (only what I may see)")
    List<ThreadItem> thread(@PathVariable String id) {
        return replies.thread(oficio(id));
    }

    @GetMapping("/oficios/{id}/trail")
    @Operation(summary = "The oficio's trail: every event with actor, time and detail")
    List<TrailEntry> trail(@PathVariable String id) {
        return trail.of(oficio(id));
    }

    @GetMapping("/search")
    @Operation(summary = "Search the oficios I may see: words (accents and case do not matter) and filters; pages "
            + "follow the 'next' cursor")
    SearchPage search(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
                      @RequestParam(required = false) String status, @RequestParam(required = false) Long unitId,
                      @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                      @RequestParam(required = false) String due, @RequestParam(required = false) String after,
                      @RequestParam(defaultValue = "20") int size) {
        return search.search(new SearchQuery(q, kind, parse(OficioStatus.class, status, "status"), unitId, from, to,
                due == null ? SearchQuery.Due.ANY : parse(SearchQuery.Due.class, due, "due")), after, size);
    }

    private Recipient recipient(RecipientRequest r) {
        Recipient.Addressing addressing = parse(Recipient.Addressing.class,
                r.addressing() == null ? "TO" : r.addressing(), "addressing");
        if (r.personId() != null) {
            return new Recipient(addressing, 0, r.personId());
        }
        return new Recipient(addressing, units.resolve(r.unitId(), r.unitCode()), null);
    }

    /** The unit named, or the only one of the oficio's recipient units I receive for. */
    private long receivingUnit(UUID oficioId, Long unitId) {
        if (unitId != null) {
            return unitId;
        }
        List<Long> mine = delivery.assignableUnits(oficioId);
        if (mine.size() != 1) {
            throw new InvalidInputException("delivery.assign.unit-required", "unitId");
        }
        return mine.getFirst();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("api.error.invalid-value", field);
        }
    }

    private static UUID oficio(String id) {
        return NotFoundException.parseId(id, "oficio");
    }
}
