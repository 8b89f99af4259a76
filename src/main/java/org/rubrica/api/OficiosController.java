package org.rubrica.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.rubrica.api.ApiModels.AssignmentRequest;
import org.rubrica.api.ApiModels.InboxEntry;
import org.rubrica.delivery.Assignment;
import org.rubrica.api.ApiModels.NewOficio;
import org.rubrica.api.ApiModels.Oficio;
import org.rubrica.api.ApiModels.PriorityChange;
import org.rubrica.api.ApiModels.UnitRef;
import org.rubrica.delivery.DeliveryService;
import org.rubrica.directory.Directory;
import org.rubrica.drafting.DraftContent;
import org.rubrica.drafting.OficioDetails;
import org.rubrica.drafting.OficioService;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Oficios and the inbox: the same services, and so the same rules, as the web UI. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Oficios")
class OficiosController {

    private final OficioService oficios;
    private final DeliveryService delivery;
    private final Directory directory;
    private final RecipientUnits recipients;

    OficiosController(OficioService oficios, DeliveryService delivery, Directory directory, RecipientUnits recipients) {
        this.oficios = oficios;
        this.delivery = delivery;
        this.directory = directory;
        this.recipients = recipients;
    }

    @PostMapping("/oficios")
    @Operation(summary = "Create a draft from a template")
    ResponseEntity<Oficio> create(@RequestBody NewOficio request) {
        String template = request.template() == null || request.template().isBlank() ? "oficio" : request.template();
        UUID id = oficios.startDraft(template, new DraftContent(
                recipients.resolve(request.recipientUnitId(), request.recipientUnitCode()), request.subject(),
                request.body(), request.fields()), request.priority());
        return ResponseEntity.created(URI.create("/api/v1/oficios/" + id)).body(oficio(oficios.get(id)));
    }

    @GetMapping("/oficios/{id}")
    @Operation(summary = "Read an oficio")
    Oficio get(@PathVariable String id) {
        return oficio(oficios.get(NotFoundException.parseId(id, "oficio")));
    }

    @PutMapping("/oficios/{id}/priority")
    @Operation(summary = "Mark a draft urgent or normal (its owner, while it is a draft)")
    Oficio setPriority(@PathVariable String id, @RequestBody PriorityChange request) {
        UUID oficioId = NotFoundException.parseId(id, "oficio");
        oficios.setPriority(oficioId, request.priority());
        return oficio(oficios.get(oficioId));
    }

    @PostMapping("/oficios/{id}/annulment")
    @Operation(summary = "Annul a signed or sent oficio, with a reason (someone who signs for the sender unit); it "
            + "stays on record, shown as annulled everywhere and on the public verification page")
    Oficio annul(@PathVariable String id, @RequestBody ApiModels.AnnulmentRequest request) {
        UUID oficioId = NotFoundException.parseId(id, "oficio");
        oficios.annul(oficioId, request.reason());
        return oficio(oficios.get(oficioId));
    }

    @GetMapping(path = "/oficios/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The oficio as PDF")
    ResponseEntity<byte[]> pdf(@PathVariable String id) {
        UUID oficioId = NotFoundException.parseId(id, "oficio");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"oficio-" + oficioId + ".pdf\"")
                .body(oficios.pdf(oficioId));
    }

    @PostMapping("/oficios/{id}/send")
    @Operation(summary = "Send a signed oficio to every recipient's inbox at once (all or none)")
    Oficio send(@PathVariable String id) {
        UUID oficioId = NotFoundException.parseId(id, "oficio");
        delivery.send(oficioId);
        return oficio(oficios.get(oficioId));
    }

    @GetMapping("/oficios/{id}/assignments")
    @Operation(summary = "A received oficio's assignments (turnos) I may see: those of the units I receive for, and mine")
    List<Assignment> assignments(@PathVariable String id) {
        return delivery.assignments(NotFoundException.parseId(id, "oficio"));
    }

    @PostMapping("/oficios/{id}/assignments")
    @Operation(summary = "Assign (turnar) a received oficio to people of the receiving unit, with instructions and a due date")
    List<Assignment> assign(@PathVariable String id, @RequestBody AssignmentRequest request) {
        UUID oficioId = NotFoundException.parseId(id, "oficio");
        List<Long> units = delivery.assignableUnits(oficioId);
        if (request.unitId() == null && units.size() != 1) {
            throw new InvalidInputException("delivery.assign.unit-required", "unitId");
        }
        long unitId = request.unitId() != null ? request.unitId() : units.getFirst();
        delivery.assign(oficioId, unitId, request.assigneeIds(), request.instructions(), request.dueAt());
        return delivery.assignments(oficioId);
    }

    @DeleteMapping("/oficios/{id}/assignments/{unitId}/{personId}")
    @Operation(summary = "Withdraw a person's open assignment (to reassign it)")
    List<Assignment> unassign(@PathVariable String id, @PathVariable long unitId, @PathVariable long personId) {
        UUID oficioId = NotFoundException.parseId(id, "oficio");
        delivery.unassign(oficioId, unitId, personId);
        return delivery.assignments(oficioId);
    }

    @PostMapping("/oficios/{id}/assignments/attended")
    @Operation(summary = "Mark my open assignment of the oficio as attended")
    List<Assignment> attended(@PathVariable String id) {
        UUID oficioId = NotFoundException.parseId(id, "oficio");
        delivery.markAttended(oficioId);
        return delivery.assignments(oficioId);
    }

    @GetMapping("/inbox")
    @Operation(summary = "The inboxes of the units I receive for (receiving office or head), and what was addressed "
            + "to me")
    List<InboxEntry> inbox() {
        return delivery.myInbox().stream().map(i -> new InboxEntry(i.oficioId(), i.kind(), i.subject(),
                i.senderUnitName(), i.authorName(), new UnitRef(i.unitId(), i.unitCode(), i.unitName()), i.deliveredAt(),
                i.readAt(), i.readByName(), i.annulled(), i.addressing().name(), i.forMe(), i.entryNumber(),
                i.answered(), i.archived(), i.forwardedFrom(), i.tags())).toList();
    }

    private Oficio oficio(OficioDetails o) {
        return new Oficio(o.id(), o.status().name(), o.templateCode(), o.kind(), o.subject(),
                DirectoryController.ref(directory.unit(o.senderUnitId())), o.authorName(),
                DirectoryController.ref(directory.unit(o.recipientUnitId())), o.number(), o.bodyHtml(), o.fields(),
                o.createdAt(), o.updatedAt(), o.sentAt(), o.version(), o.priority(), o.annulment() == null ? null
                : new ApiModels.AnnulmentInfo(o.annulment().reason(), o.annulment().at(), o.annulment().byName()));
    }
}
