package org.rubrica.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.rubrica.drafting.CommentService;
import org.rubrica.drafting.DocxService;
import org.rubrica.drafting.DraftAccess;
import org.rubrica.drafting.DraftContent;
import org.rubrica.drafting.InvitationService;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.ReviewModels;
import org.rubrica.drafting.ReviewService;
import org.rubrica.shared.NotFoundException;
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
import org.springframework.web.bind.annotation.RestController;

/** Working on a draft together: saves, suggestions, decisions, revisions, comments, invitations and Word copies. */
@RestController
@RequestMapping("/api/v1/oficios/{id}")
@Tag(name = "Review")
class ReviewController {

    /** A save: the content and the version it was edited from. */
    record DraftSave(@Schema(example = "Solicitud de información") String subject,
                     @Schema(example = "<p>Por medio del presente…</p>") String body, Map<String, String> fields,
                     @Schema(description = "The version the text was loaded at", example = "3") int baseVersion,
                     @Schema(example = "Ajustes de redacción") String note,
                     @Schema(description = "Suggestions only: when the text was loaded (working.loadedAt); what the owner "
                             + "rejected after it does not come back with this save", example = "2026-12-02T15:04:05Z")
                     java.time.Instant since) {
    }

    record NewComment(@Schema(description = "A passage of the current text the comment is about; empty for the whole draft",
            example = "matrícula de educación básica") String quote,
                      @Schema(example = "¿Incluye preescolar? @gtorres") String text) {
    }

    record Reply(@Schema(example = "Sí, también preescolar.") String text) {
    }

    record NewInvitation(@Schema(example = "31") long personId, @Schema(example = "EDITOR") DraftAccess access) {
    }

    private final OficioService oficios;
    private final ReviewService review;
    private final CommentService comments;
    private final InvitationService invitations;
    private final DocxService docx;

    ReviewController(OficioService oficios, ReviewService review, CommentService comments,
                     InvitationService invitations, DocxService docx) {
        this.oficios = oficios;
        this.review = review;
        this.comments = comments;
        this.invitations = invitations;
        this.docx = docx;
    }

    @PutMapping
    @Operation(summary = "Save the owner's text; a save against an older version is merged, clashes become pending changes")
    ReviewModels.SaveOutcome save(@PathVariable String id, @RequestBody DraftSave save) {
        UUID oficioId = NotFoundException.parseId(id, "oficio");
        var current = oficios.get(oficioId);
        return oficios.saveDraft(oficioId, new DraftContent(current.recipientUnitId(), save.subject(), save.body(),
                save.fields() == null ? current.fields() : save.fields()), save.baseVersion(), save.note());
    }

    @GetMapping("/working")
    @Operation(summary = "The text I edit: the owner's base, or for an invited editor the base with their own suggestions")
    ReviewModels.WorkingDraft working(@PathVariable String id) {
        return review.working(NotFoundException.parseId(id, "oficio"));
    }

    @PostMapping("/suggestions")
    @Operation(summary = "Save an invited editor's version as tracked changes attributed to them")
    ReviewModels.SuggestOutcome suggest(@PathVariable String id, @RequestBody DraftSave save) {
        UUID oficioId = NotFoundException.parseId(id, "oficio");
        var working = review.working(oficioId);
        return review.suggest(oficioId, new DraftContent(working.content().recipientUnitId(), save.subject(),
                save.body(), save.fields() == null ? working.content().fields() : save.fields()), save.baseVersion(),
                save.note(), save.since());
    }

    @GetMapping("/changes")
    @Operation(summary = "The redline of pending changes, every change (pending first) and counts per author")
    ReviewModels.ChangeOverview changes(@PathVariable String id) {
        return review.changes(NotFoundException.parseId(id, "oficio"));
    }

    @PostMapping("/changes/{changeId}/accept")
    @Operation(summary = "Accept one change (owner)")
    ReviewModels.ChangeOverview accept(@PathVariable String id, @PathVariable long changeId) {
        UUID oficioId = NotFoundException.parseId(id, "oficio");
        review.accept(oficioId, changeId);
        return review.changes(oficioId);
    }

    @PostMapping("/changes/{changeId}/reject")
    @Operation(summary = "Reject one change (owner); it stays in the history")
    ReviewModels.ChangeOverview reject(@PathVariable String id, @PathVariable long changeId) {
        UUID oficioId = NotFoundException.parseId(id, "oficio");
        review.reject(oficioId, changeId);
        return review.changes(oficioId);
    }

    @PostMapping("/changes/accept-all")
    @Operation(summary = "Accept every pending change, or every one of one author")
    ReviewModels.ChangeOverview acceptAll(@PathVariable String id, @RequestParam(required = false) Long authorId) {
        UUID oficioId = NotFoundException.parseId(id, "oficio");
        review.decideAll(oficioId, authorId, true);
        return review.changes(oficioId);
    }

    @PostMapping("/changes/reject-all")
    @Operation(summary = "Reject every pending change, or every one of one author")
    ReviewModels.ChangeOverview rejectAll(@PathVariable String id, @RequestParam(required = false) Long authorId) {
        UUID oficioId = NotFoundException.parseId(id, "oficio");
        review.decideAll(oficioId, authorId, false);
        return review.changes(oficioId);
    }

    @GetMapping("/revisions")
    @Operation(summary = "Every save, newest first")
    List<ReviewModels.RevisionSummary> revisions(@PathVariable String id) {
        return review.revisions(NotFoundException.parseId(id, "oficio"));
    }

    @GetMapping("/revisions/compare")
    @Operation(summary = "Two revisions compared as a redline")
    ReviewModels.RevisionComparison compare(@PathVariable String id, @RequestParam int from, @RequestParam int to) {
        return review.compare(NotFoundException.parseId(id, "oficio"), from, to);
    }

    @GetMapping("/comments")
    @Operation(summary = "Comment threads")
    List<CommentService.Thread> comments(@PathVariable String id) {
        return comments.threads(NotFoundException.parseId(id, "oficio"));
    }

    @PostMapping("/comments")
    @Operation(summary = "Open a thread on a passage (or on the whole draft); @username notifies that person")
    List<CommentService.Thread> comment(@PathVariable String id, @RequestBody NewComment comment) {
        UUID oficioId = NotFoundException.parseId(id, "oficio");
        comments.comment(oficioId, comment.quote(), comment.text());
        return comments.threads(oficioId);
    }

    @PostMapping("/comments/{threadId}/replies")
    @Operation(summary = "Reply to a thread")
    List<CommentService.Thread> reply(@PathVariable String id, @PathVariable long threadId, @RequestBody Reply reply) {
        UUID oficioId = NotFoundException.parseId(id, "oficio");
        comments.reply(oficioId, threadId, reply.text());
        return comments.threads(oficioId);
    }

    @PostMapping("/comments/{threadId}/resolve")
    @Operation(summary = "Resolve a thread")
    List<CommentService.Thread> resolve(@PathVariable String id, @PathVariable long threadId) {
        UUID oficioId = NotFoundException.parseId(id, "oficio");
        comments.resolve(oficioId, threadId);
        return comments.threads(oficioId);
    }

    @GetMapping("/invitations")
    @Operation(summary = "Colleagues invited to the draft")
    List<InvitationService.Invitation> invitations(@PathVariable String id) {
        return invitations.invitations(NotFoundException.parseId(id, "oficio"));
    }

    @PostMapping("/invitations")
    @Operation(summary = "Invite a colleague as editor (suggests changes) or reader (owner)")
    List<InvitationService.Invitation> invite(@PathVariable String id, @RequestBody NewInvitation invitation) {
        UUID oficioId = NotFoundException.parseId(id, "oficio");
        invitations.invite(oficioId, invitation.personId(), invitation.access());
        return invitations.invitations(oficioId);
    }

    @DeleteMapping("/invitations/{personId}")
    @Operation(summary = "Withdraw an invitation (owner)")
    List<InvitationService.Invitation> uninvite(@PathVariable String id, @PathVariable long personId) {
        UUID oficioId = NotFoundException.parseId(id, "oficio");
        invitations.remove(oficioId, personId);
        return invitations.invitations(oficioId);
    }

    @GetMapping(path = "/docx", produces = DocxService.MEDIA_TYPE)
    @Operation(summary = "The draft as a Word document: pending changes as tracked changes, open threads as comments")
    ResponseEntity<byte[]> exportDocx(@PathVariable String id) {
        UUID oficioId = NotFoundException.parseId(id, "oficio");
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(DocxService.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"oficio-" + oficioId + ".docx\"")
                .body(docx.export(oficioId));
    }

    @PostMapping(path = "/docx", consumes = {DocxService.MEDIA_TYPE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(summary = "Import a copy edited in Word or LibreOffice: its tracked changes and edits become suggestions")
    DocxService.ImportOutcome importDocx(@PathVariable String id, @RequestBody byte[] file,
                                         @RequestParam(defaultValue = "documento.docx") String fileName) {
        return docx.importDocx(NotFoundException.parseId(id, "oficio"), fileName, file);
    }
}
