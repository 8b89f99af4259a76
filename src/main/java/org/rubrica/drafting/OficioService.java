package org.rubrica.drafting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.rubrica.directory.Actor;
import org.rubrica.directory.CurrentActor;
import org.rubrica.directory.Directory;
import org.rubrica.directory.Role;
import org.rubrica.directory.Unit;
import org.rubrica.drafting.ReviewModels.SaveOutcome;
import org.rubrica.drafting.internal.AnnexRepository;
import org.rubrica.drafting.internal.ChangeRepository;
import org.rubrica.drafting.internal.ChangeRow;
import org.rubrica.drafting.internal.DocumentAssembler;
import org.rubrica.drafting.internal.DraftBase;
import org.rubrica.drafting.internal.DraftLoader;
import org.rubrica.drafting.internal.InvitationRepository;
import org.rubrica.drafting.internal.Proposal;
import org.rubrica.drafting.internal.RevisionRepository;
import org.rubrica.drafting.internal.RevisionRow;
import org.rubrica.drafting.internal.text.BodyToken;
import org.rubrica.drafting.internal.text.BodyTokens;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.drafting.internal.DraftValidator;
import org.rubrica.drafting.internal.OficioAccess;
import org.rubrica.drafting.internal.OficioRepository;
import org.rubrica.drafting.internal.OficioRow;
import org.rubrica.shared.NotFoundException;
import org.rubrica.templates.DocumentData;
import org.rubrica.templates.DocumentRenderer;
import org.rubrica.templates.FieldDefinition;
import org.rubrica.templates.RichText;
import org.rubrica.templates.TemplateCatalog;
import org.rubrica.templates.TemplateSummary;
import org.rubrica.templates.TemplateVersion;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Oficios from the drafter's side: start one from a template, save its content, preview it as PDF, and
 * move it along its lifecycle. Every call checks the current actor against the oficio.
 */
@Service
@Transactional
public class OficioService {

    private static final int LIST_LIMIT = 200;

    private final OficioRepository oficios;
    private final DraftLoader loader;
    private final DraftBase base;
    private final RevisionRepository revisions;
    private final ChangeRepository changes;
    private final InvitationRepository invitations;
    private final AnnexRepository annexes;
    private final OficioAccess access;
    private final DraftValidator validator;
    private final DocumentAssembler assembler;
    private final TemplateCatalog templates;
    private final DocumentRenderer renderer;
    private final Directory directory;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OficioService(OficioRepository oficios, DraftLoader loader, DraftBase base, RevisionRepository revisions,
                  ChangeRepository changes, InvitationRepository invitations, AnnexRepository annexes,
                  OficioAccess access, DraftValidator validator,
                  DocumentAssembler assembler, TemplateCatalog templates, DocumentRenderer renderer,
                  Directory directory, CurrentActor currentActor, ApplicationEventPublisher events, Clock clock) {
        this.oficios = oficios;
        this.loader = loader;
        this.base = base;
        this.revisions = revisions;
        this.changes = changes;
        this.invitations = invitations;
        this.annexes = annexes;
        this.access = access;
        this.validator = validator;
        this.assembler = assembler;
        this.templates = templates;
        this.renderer = renderer;
        this.directory = directory;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
    }

    /** The templates the current drafter may start from: those available to their unit. */
    @Transactional(readOnly = true)
    public List<TemplateSummary> startingTemplates() {
        Actor actor = requireDrafter();
        return templates.publishedTemplatesFor(directory.unitPath(actor.unitId()));
    }

    /**
     * The version a new draft from this template starts from, if the current drafter's unit may use it.
     *
     * @throws org.rubrica.templates.TemplateNotFoundException when it is unknown or not available to them
     */
    @Transactional(readOnly = true)
    public TemplateVersion startingVersion(String templateCode) {
        return startingVersion(requireDrafter(), templateCode);
    }

    private TemplateVersion startingVersion(Actor actor, String templateCode) {
        return templates.publishedVersionFor(templateCode, directory.unitPath(actor.unitId()));
    }

    /** Starts a draft in the drafter's unit from the newest published version of a template available to it. */
    public UUID startDraft(String templateCode, DraftContent content) {
        return startDraft(templateCode, content, Priority.NORMAL);
    }

    /** The same, marked with a priority (null: normal) in the same transaction. */
    public UUID startDraft(String templateCode, DraftContent content, Priority priority) {
        Actor actor = requireDrafter();
        TemplateVersion template = startingVersion(actor, templateCode);
        DraftContent clean = validator.clean(content, template, actor.unitId());
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        Priority chosen = priority == null ? Priority.NORMAL : priority;
        oficios.insert(new OficioRow(id, template.id(), template.kind(), actor.unitId(), actor.personId(),
                clean.recipientUnitId(), clean.subject(), clean.bodyHtml(), clean.fields(), OficioStatus.DRAFT, null,
                now, now, null, 0, chosen, false));
        revisions.insert(new RevisionRow(id, 0, RevisionRow.Kind.CREATED, 0, actor.personId(), null,
                clean.recipientUnitId(), clean.subject(), clean.bodyHtml(), clean.fields(), now));
        events.publishEvent(new OficioEvents.DraftCreated(id, actor.personId(), template.templateCode(),
                template.versionNo(), template.kind(), actor.unitId(), now));
        if (chosen != Priority.NORMAL) {
            events.publishEvent(new OficioEvents.PriorityChanged(id, actor.personId(), chosen, now));
        }
        return id;
    }

    /**
     * Saves the owner's content. Saved against the current version it simply becomes the base. Saved against an
     * older one (another tab, an accepted change in between), the owner's edits are carried over to today's
     * text: those that do not touch what changed meanwhile apply, the others wait as the owner's own pending
     * changes flagged as conflicts, so nothing is overwritten and nothing is lost.
     */
    public SaveOutcome saveDraft(UUID id, DraftContent content, int expectedVersion) {
        return saveDraft(id, content, expectedVersion, null);
    }

    public SaveOutcome saveDraft(UUID id, DraftContent content, int expectedVersion, String note) {
        return saveDraft(id, content, expectedVersion, note, null);
    }

    /**
     * As {@link #saveDraft(UUID, DraftContent, int, String)}, for a form that already took in others' work: its
     * edits are those made since it held {@code editedFrom} (what it last saved), merged into today's text.
     */
    public SaveOutcome saveDraft(UUID id, DraftContent content, int expectedVersion, String note,
                                 DraftContent editedFrom) {
        Actor actor = currentActor.require();
        OficioRow oficio = loader.lockOwned(id, actor);
        DraftContent clean = validator.clean(content, templates.version(oficio.templateVersionId()),
                oficio.senderUnitId());
        Instant now = clock.instant();
        int conflicts = 0;
        DraftContent next = clean;
        boolean merge = editedFrom != null || expectedVersion != oficio.version();
        if (merge) {
            DraftContent opened = editedFrom != null
                    ? new DraftContent(editedFrom.recipientUnitId(), editedFrom.subject(),
                    RichText.sanitize(editedFrom.bodyHtml()), editedFrom.fields())
                    : base.baseAt(oficio, expectedVersion);
            Proposal proposal = Proposal.of(opened, clean, oficio.content());
            long recipient = clean.recipientUnitId().equals(opened.recipientUnitId()) ? oficio.recipientUnitId()
                    : clean.recipientUnitId();
            next = proposal.applyClean(oficio.content(), recipient);
            // the form may save the same clash again (an autosave before it reloads): keep one of each
            List<ChangeRow> mine = changes.pending(id).stream().filter(c -> c.authorId() == actor.personId()).toList();
            List<BodyToken> current = BodyTokens.tokenize(oficio.bodyHtml());
            for (Proposal.BodyEdit edit : proposal.body()) {
                if (edit.conflict()) {
                    conflicts++;
                    if (mine.stream().noneMatch(c -> c.target() == ChangeTarget.BODY && c.hunk().equals(edit.hunk()))) {
                        changes.insert(ChangeRow.body(id, actor.personId(), edit.hunk(),
                                List.copyOf(current.subList(edit.hunk().start(), edit.hunk().end())), true, null, now));
                    }
                }
            }
            for (Proposal.ValueEdit edit : proposal.values()) {
                if (edit.conflict()) {
                    conflicts++;
                    if (mine.stream().noneMatch(c -> c.target() == edit.target()
                            && java.util.Objects.equals(c.fieldName(), edit.fieldName())
                            && java.util.Objects.equals(c.newValue(), edit.newValue()))) {
                        changes.insert(ChangeRow.value(id, actor.personId(), edit.target(), edit.fieldName(),
                                edit.oldValue(), edit.newValue(), true, null, now));
                    }
                }
            }
        }
        int version = base.replace(oficio, next, merge ? RevisionRow.Kind.MERGED : RevisionRow.Kind.SAVED,
                actor.personId(), DraftLoader.note(note), now);
        events.publishEvent(new OficioEvents.DraftSaved(id, actor.personId(), version, now));
        boolean othersIn = merge && !(next.subject().equals(clean.subject()) && next.fields().equals(clean.fields())
                && BodyTokens.tokenize(next.bodyHtml()).equals(BodyTokens.tokenize(clean.bodyHtml())));
        return new SaveOutcome(version, conflicts, othersIn);
    }


    /** The oficio with what the current person may do with it, so views offer only what services accept. */
    @Transactional(readOnly = true)
    public OficioDetails get(UUID id) {
        Actor actor = currentActor.require();
        OficioRow oficio = load(id, actor);
        boolean canEdit = access.canEdit(actor, oficio);
        var can = new OficioAffordances(canEdit, access.canSend(actor, oficio),
                oficio.status() == OficioStatus.SENT && access.isRecipient(actor, oficio),
                canEdit && newerTemplateExists(oficio), access.canSuggest(actor, oficio),
                access.canComment(actor, oficio), mayAnnul(actor, oficio));
        return details(oficio, can);
    }

    /** The current person's own oficios, newest first. */
    @Transactional(readOnly = true)
    public List<OficioSummary> mine() {
        Actor actor = currentActor.require();
        Map<Long, String> unitNames = directory.units().stream().collect(Collectors.toMap(Unit::id, Unit::name));
        return oficios.byAuthor(actor.personId(), LIST_LIMIT).stream().map(o -> summary(o, unitNames)).toList();
    }

    /** Drafts colleagues invited the current person to, most recently changed first. */
    @Transactional(readOnly = true)
    public List<OficioSummary> sharedWithMe() {
        Actor actor = currentActor.require();
        Map<Long, String> unitNames = directory.units().stream().collect(Collectors.toMap(Unit::id, Unit::name));
        return oficios.byIds(invitations.oficiosOf(actor.personId(), LIST_LIMIT)).stream()
                .filter(o -> access.canView(actor, o))
                .map(o -> summary(o, unitNames))
                .toList();
    }

    /** Rendering happens outside any transaction: no pooled connection waits on the PDF engine. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public byte[] pdf(UUID id) {
        Actor actor = currentActor.require();
        OficioRow o = load(id, actor);
        return renderer.toPdf(o.templateVersionId(), assembler.assemble(o.senderUnitId(), o.authorId(),
                new DraftContent(o.recipientUnitId(), o.subject(), o.bodyHtml(), o.fields()),
                o.sentAt(), o.number(), o.status().isEditable()).withAnnexes(annexLines(id)));
    }

    /**
     * The PDF to be signed, for the signing module: the approved oficio with its number, the verification code and
     * QR signing gives it, and its signers (in route order) each under the room for their signature.
     *
     * @throws IllegalTransitionException when it is not numbered and approved (or signed) yet
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public byte[] finalPdf(UUID id, List<Long> signerIds, String verificationCode, byte[] verificationQr) {
        Actor actor = currentActor.require();
        OficioRow o = load(id, actor);
        if (o.number() == null || (o.status() != OficioStatus.APPROVED && o.status() != OficioStatus.SIGNED)) {
            throw new IllegalTransitionException(o.status(), OficioStatus.SIGNED);
        }
        List<DocumentData.SignerLine> signers = signerIds.stream().map(directory::person)
                .map(p -> new DocumentData.SignerLine(p.fullName(), p.cargo())).toList();
        return renderer.toPdf(o.templateVersionId(), assembler.assemble(o.senderUnitId(), o.authorId(), o.content(),
                o.sentAt(), o.number(), false).withAnnexes(annexLines(id))
                .signed(verificationCode, verificationQr, signers));
    }

    /** Renders a new draft's unsaved content exactly as it would be printed, after the same validation as a save. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public byte[] previewPdf(String templateCode, DraftContent content) {
        Actor actor = requireDrafter();
        TemplateVersion template = startingVersion(actor, templateCode);
        DraftContent clean = validator.clean(content, template, actor.unitId());
        return renderer.toPdf(template.id(), assembler.assemble(actor.unitId(), actor.personId(), clean,
                null, null, true));
    }

    /** Renders unsaved changes to an existing draft (its owner's or an invited editor's) with its template version. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public byte[] previewPdf(UUID id, DraftContent content) {
        Actor actor = currentActor.require();
        OficioRow oficio = load(id, actor);
        if (!access.canEdit(actor, oficio) && !access.canSuggest(actor, oficio)) {
            throw new AccessDeniedException("not editable by " + actor.username());
        }
        if (!access.canEdit(actor, oficio)) {
            content = new DraftContent(oficio.recipientUnitId(), content.subject(), content.bodyHtml(), content.fields());
        }
        DraftContent clean = validator.clean(content, templates.version(oficio.templateVersionId()),
                oficio.senderUnitId());
        return renderer.toPdf(oficio.templateVersionId(), assembler.assemble(oficio.senderUnitId(),
                oficio.authorId(), clean, null, null, true).withAnnexes(annexLines(id)));
    }

    /** The annexed files as the PDF lists them: name and SHA-256, which signing binds. */
    private List<DocumentData.AnnexLine> annexLines(UUID id) {
        return annexes.of(id).stream().map(a -> new DocumentData.AnnexLine(a.fileName(), a.sha256())).toList();
    }

    /** Page images of a PDF for on-screen previews (phones included). */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public List<byte[]> pageImages(byte[] pdf) {
        currentActor.require();
        return renderer.toPngPages(pdf, 110);
    }

    /**
     * Moves a draft to the newest published version of its template, on its owner's request. Values move
     * to fields of the same name; the result lists required fields left empty and values the new version no
     * longer has, which are dropped. The draft stays a draft; nothing is validated until the next save.
     */
    public TemplateMove moveToNewestTemplate(UUID id, int expectedVersion) {
        Actor actor = currentActor.require();
        OficioRow oficio = loader.lockOwned(id, actor);
        TemplateVersion from = templates.version(oficio.templateVersionId());
        TemplateVersion to = templates.publishedVersion(from.templateCode());
        Map<String, String> kept = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (FieldDefinition field : to.fields()) {
            String value = oficio.fields().get(field.name());
            if (value != null && !value.isBlank()) {
                kept.put(field.name(), value);
            } else if (field.required()) {
                missing.add(field.name());
            }
        }
        List<String> dropped = oficio.fields().keySet().stream().filter(name -> !kept.containsKey(name)).sorted().toList();
        Instant now = clock.instant();
        if (to.id() != from.id() && !oficios.moveToTemplateVersion(id, expectedVersion, to.id(), kept, now)) {
            throw new StaleDraftException();
        }
        if (to.id() != from.id()) {
            revisions.insert(new RevisionRow(id, 0, RevisionRow.Kind.SAVED, expectedVersion + 1, actor.personId(),
                    "v" + from.versionNo() + " → v" + to.versionNo(), oficio.recipientUnitId(), oficio.subject(),
                    oficio.bodyHtml(), kept, now));
            events.publishEvent(new OficioEvents.DraftSaved(id, actor.personId(), expectedVersion + 1, now));
        }
        return new TemplateMove(from.versionNo(), to.versionNo(), missing, dropped);
    }

    /**
     * The public facts of a numbered oficio for verification, which needs no login: number, kind, sender, status
     * and annulment. The caller has found it by its verification code or its signed PDF.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<RegisteredOficio> registered(UUID id) {
        return oficios.find(id).filter(o -> o.number() != null).map(o -> new RegisteredOficio(o.id(), o.number(),
                o.kind(), directory.unit(o.senderUnitId()).name(), directory.agencyOf(o.senderUnitId()).name(),
                directory.institution().name(), o.status(), annulment(o), o.senderUnitId()));
    }

    /** The longest annulment reason kept. */
    public static final int ANNULMENT_REASON_MAX = 1000;

    /**
     * Annuls a signed or sent oficio: it stays on record (number, signatures, trail) but void, with the reason, on
     * every view of it and on the public verification page. Only someone who signs for the sender unit may.
     *
     * @throws InvalidInputException      for a missing or over-long reason
     * @throws IllegalTransitionException when it is not signed or sent (a draft is cancelled instead)
     * @throws AccessDeniedException      for anyone without the signer role in the sender unit
     */
    public void annul(UUID id, String reason) {
        Actor actor = currentActor.require();
        OficioRow oficio = load(id, actor);
        if (!actor.hasRoleIn(oficio.senderUnitId(), Role.SIGNER)) {
            throw new AccessDeniedException(actor.username() + " does not sign for the sender unit of " + id);
        }
        if (!oficio.status().canBecome(OficioStatus.ANNULLED)) {
            throw new IllegalTransitionException(oficio.status(), OficioStatus.ANNULLED);
        }
        String text = reason == null ? "" : reason.strip();
        if (text.length() < 10) {
            throw new InvalidInputException("annulment.reason.required", "reason", 10);
        }
        if (text.length() > ANNULMENT_REASON_MAX) {
            throw new InvalidInputException("annulment.reason.too-long", "reason", ANNULMENT_REASON_MAX);
        }
        Instant now = clock.instant();
        if (!oficios.annul(id, oficio.version(), oficio.status(), actor.personId(), text, now)) {
            throw new StaleDraftException(); // annulled, or sent, meanwhile: look again
        }
        events.publishEvent(new OficioEvents.Annulled(id, actor.personId(), oficio.senderUnitId(),
                oficio.recipientUnitId(), text, now));
    }

    /**
     * Moves an oficio along its lifecycle for the routing module, which has checked who may; the transition
     * itself must be one {@link OficioStatus#canBecome} allows, from the status the caller saw.
     *
     * @throws IllegalTransitionException when the move is not allowed
     * @throws StaleDraftException        when the oficio is no longer in {@code from}
     */
    public void moveAlongRoute(UUID id, OficioStatus from, OficioStatus to) {
        OficioRow oficio = oficios.lock(id).orElseThrow(() -> new NotFoundException("oficio " + id));
        if (oficio.status() != from) {
            throw new StaleDraftException();
        }
        if (!from.canBecome(to)) {
            throw new IllegalTransitionException(from, to);
        }
        if (!oficios.transition(id, oficio.version(), from, to, clock.instant())) {
            throw new StaleDraftException();
        }
    }

    /**
     * The official number of an approved oficio, for the signing module: the one it has, or (the first time) the
     * one {@code take} gives for its sender unit and kind, stored in the caller's transaction under a lock on the
     * oficio.
     *
     * @throws IllegalTransitionException when it is not approved (nor signed already)
     */
    public String numberOnce(UUID id, java.util.function.BiFunction<Long, String, String> take) {
        OficioRow oficio = oficios.lock(id).orElseThrow(() -> new NotFoundException("oficio " + id));
        if (oficio.number() != null) {
            return oficio.number();
        }
        if (oficio.status() != OficioStatus.APPROVED) {
            throw new IllegalTransitionException(oficio.status(), OficioStatus.SIGNED);
        }
        String number = take.apply(oficio.senderUnitId(), oficio.kind());
        oficios.setNumber(id, number);
        events.publishEvent(new OficioEvents.Numbered(id, number, oficio.senderUnitId(), clock.instant()));
        return number;
    }

    /**
     * Locks the oficio until the caller's transaction ends, if it is still in {@code expected}: what another module
     * stores about it (a signature) cannot then land on an oficio cancelled meanwhile.
     *
     * @throws StaleDraftException when it is no longer in that status
     */
    public void lockIn(UUID id, OficioStatus expected) {
        OficioRow oficio = oficios.lock(id).orElseThrow(() -> new NotFoundException("oficio " + id));
        if (oficio.status() != expected) {
            throw new StaleDraftException();
        }
    }

    /** Subjects and facts of many oficios at once, for lists other modules build (pending work). */
    @Transactional(readOnly = true)
    public Map<UUID, OficioSummary> summaries(java.util.Collection<UUID> ids) {
        Map<Long, String> unitNames = directory.units().stream().collect(Collectors.toMap(Unit::id, Unit::name));
        Map<UUID, OficioSummary> result = new HashMap<>();
        for (OficioRow o : oficios.byIds(List.copyOf(ids))) {
            result.put(o.id(), summary(o, unitNames));
        }
        return result;
    }

    private static OficioSummary summary(OficioRow o, Map<Long, String> unitNames) {
        return new OficioSummary(o.id(), o.kind(), o.status(), o.subject(), unitNames.get(o.recipientUnitId()),
                o.number(), o.updatedAt(), o.priority());
    }

    /**
     * Sets how urgent a draft is, for its owner while they may edit it; not part of the text, so suggestions and
     * merges leave it alone and the draft's version stays.
     */
    public void setPriority(UUID id, Priority priority) {
        Actor actor = currentActor.require();
        OficioRow oficio = loader.lockOwned(id, actor);
        Priority chosen = priority == null ? Priority.NORMAL : priority;
        if (chosen != oficio.priority()) {
            oficios.updatePriority(id, chosen);
            events.publishEvent(new OficioEvents.PriorityChanged(id, actor.personId(), chosen, clock.instant()));
        }
    }

    /**
     * Marks a draft confidential (or not), for its owner while they may edit it: then only the people named on it
     * see it (see {@code OficioAccess}). Like the priority, not part of the text.
     */
    public void setConfidential(UUID id, boolean confidential) {
        Actor actor = currentActor.require();
        OficioRow oficio = loader.lockOwned(id, actor);
        if (confidential != oficio.confidential()) {
            oficios.updateConfidential(id, confidential);
            events.publishEvent(new OficioEvents.ConfidentialityChanged(id, actor.personId(), confidential,
                    clock.instant()));
        }
    }

    /** Whether the current person may see the oficio (used by other modules before showing its parts). */
    @Transactional(readOnly = true)
    public boolean canView(UUID id) {
        Actor actor = currentActor.require();
        return oficios.find(id).filter(o -> access.canView(actor, o)).isPresent();
    }

    private OficioRow load(UUID id, Actor actor) {
        return loader.visible(id, actor);
    }

    private boolean newerTemplateExists(OficioRow oficio) {
        String code = templates.version(oficio.templateVersionId()).templateCode();
        return templates.publishedVersion(code).id() != oficio.templateVersionId();
    }

    private Actor requireDrafter() {
        Actor actor = currentActor.require();
        if (!actor.hasRoleIn(actor.unitId(), Role.DRAFTER)) { // drafts are written for the drafter's own unit
            throw new AccessDeniedException(actor.username() + " is not a drafter");
        }
        return actor;
    }

    private OficioDetails details(OficioRow o, OficioAffordances can) {
        return new OficioDetails(o.id(), templates.version(o.templateVersionId()).templateCode(),
                o.templateVersionId(), o.kind(), o.status(), o.senderUnitId(), directory.unit(o.senderUnitId()).name(),
                o.authorId(), directory.person(o.authorId()).fullName(), o.recipientUnitId(),
                directory.unit(o.recipientUnitId()).name(), o.subject(), o.bodyHtml(), o.fields(), o.number(),
                o.createdAt(), o.updatedAt(), o.sentAt(), o.version(), o.priority(), o.confidential(), annulment(o),
                can);
    }

    private static boolean mayAnnul(Actor actor, OficioRow oficio) {
        return oficio.status().canBecome(OficioStatus.ANNULLED) && actor.hasRoleIn(oficio.senderUnitId(), Role.SIGNER);
    }

    private Annulment annulment(OficioRow o) {
        if (o.status() != OficioStatus.ANNULLED) {
            return null;
        }
        return oficios.annulment(o.id()).map(a -> new Annulment(a.reason(), a.at(), a.byId(),
                directory.person(a.byId()).fullName())).orElse(null);
    }
}
