package org.rubrica.drafting;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.rubrica.directory.Actor;
import org.rubrica.directory.CurrentActor;
import org.rubrica.directory.Directory;
import org.rubrica.directory.Person;
import org.rubrica.drafting.internal.ChangeRepository;
import org.rubrica.drafting.internal.ChangeRow;
import org.rubrica.drafting.internal.CommentRepository;
import org.rubrica.drafting.internal.CommentRow;
import org.rubrica.drafting.internal.DocumentAssembler;
import org.rubrica.drafting.internal.DraftBase;
import org.rubrica.drafting.internal.DraftLoader;
import org.rubrica.drafting.internal.DraftValidator;
import org.rubrica.drafting.internal.InvitationRepository;
import org.rubrica.drafting.internal.OficioAccess;
import org.rubrica.drafting.internal.OficioRow;
import org.rubrica.drafting.internal.RevisionRepository;
import org.rubrica.drafting.internal.RevisionRow;
import org.rubrica.drafting.internal.docx.DocxDraft;
import org.rubrica.drafting.internal.docx.DocxReader;
import org.rubrica.drafting.internal.docx.DocxWriter;
import org.rubrica.drafting.internal.text.BodyDiff;
import org.rubrica.drafting.internal.text.BodyToken;
import org.rubrica.drafting.internal.text.BodyTokens;
import org.rubrica.drafting.internal.text.Hunk;
import org.rubrica.shared.FoldedText;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.templates.BaseFormatSettings;
import org.rubrica.templates.DocumentData;
import org.rubrica.templates.DocumentRenderer;
import org.rubrica.templates.FieldDefinition;
import org.rubrica.templates.TemplateCatalog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Word round trip of a draft. Export: the draft in the institution's format with its pending changes as Word
 * tracked changes and its open comments as Word comments. Import: a copy edited in Word or LibreOffice comes back
 * as suggestions — tracked changes attributed to their authors (matched to people by name, otherwise to the
 * importer with the Word author noted), edits made without tracking as the importer's own.
 */
@Service
@Transactional
public class DocxService {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final int MAX_BYTES = org.rubrica.drafting.internal.docx.DocxSafety.MAX_BYTES;

    /** What an import produced: pending changes, how many clash with newer text, Word authors not found here. */
    public record ImportOutcome(int changes, int conflicts, List<String> unmatchedAuthors) {
    }

    private final DraftLoader loader;
    private final OficioAccess access;
    private final ChangeRepository changes;
    private final CommentRepository comments;
    private final RevisionRepository revisions;
    private final InvitationRepository invitations;
    private final DraftBase base;
    private final DocumentAssembler assembler;
    private final DocumentRenderer renderer;
    private final TemplateCatalog templates;
    private final Directory directory;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DocxService(DraftLoader loader, OficioAccess access, ChangeRepository changes, CommentRepository comments,
                RevisionRepository revisions, InvitationRepository invitations, DraftBase base, DocumentAssembler assembler, DocumentRenderer renderer,
                TemplateCatalog templates, Directory directory, CurrentActor currentActor,
                ApplicationEventPublisher events, Clock clock) {
        this.loader = loader;
        this.access = access;
        this.changes = changes;
        this.comments = comments;
        this.revisions = revisions;
        this.invitations = invitations;
        this.base = base;
        this.assembler = assembler;
        this.renderer = renderer;
        this.templates = templates;
        this.directory = directory;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public byte[] export(UUID id) {
        Actor actor = currentActor.require();
        OficioRow o = loader.reviewable(id, actor);
        DocumentData data = assembler.assemble(o.senderUnitId(), o.authorId(), o.content(), o.sentAt(), o.number(),
                o.status().isEditable());
        BaseFormatSettings f = renderer.formatOf(o.templateVersionId());
        var page = new DocxDraft.Page(f.pageSize().widthMm(), f.pageSize().heightMm(), f.marginTopMm(),
                f.marginRightMm(), f.marginBottomMm(), f.marginLeftMm(), f.typeface().family(),
                f.fontSizePt().doubleValue(), f.primaryColor(), f.headerText(), f.footerText());
        String date = data.date().format(DateTimeFormatter.ofPattern("d 'de' MMMM 'de' yyyy", Locale.forLanguageTag("es-MX")));
        var heading = new DocxDraft.Heading(data.institutionName(), data.agencyName(), data.unitName(),
                "Oficio núm. " + (o.number() == null ? data.unitCode() + "/____/" + data.date().getYear() : o.number()),
                data.place() + ", a " + date, data.recipientName(), data.recipientCargo(), data.recipientUnitName());

        Map<Long, String> names = new HashMap<>();
        List<DocxDraft.Tracked> tracked = new ArrayList<>();
        List<DocxDraft.ValueChange> subjectChanges = new ArrayList<>();
        for (ChangeRow c : changes.pending(id)) {
            String author = names.computeIfAbsent(c.authorId(), a -> directory.person(a).fullName());
            if (c.target() == ChangeTarget.BODY) {
                tracked.add(new DocxDraft.Tracked(c.hunk(), author, c.createdAt()));
            } else if (c.target() == ChangeTarget.SUBJECT) {
                subjectChanges.add(new DocxDraft.ValueChange(o.subject(), c.newValue(), author, c.createdAt()));
            }
        }
        List<DocxDraft.Tracked> applicable = new ArrayList<>();
        for (DocxDraft.Tracked t : tracked) { // Word cannot show two changes of one passage; the first made wins
            if (applicable.stream().noneMatch(a -> a.hunk().clashes(t.hunk()))) {
                applicable.add(t);
            }
        }
        List<BodyToken> body = BodyTokens.tokenize(o.bodyHtml());
        List<DocxDraft.Note> notes = notes(id, body.isEmpty() ? 0 : 1, names);
        List<DocxDraft.Field> fields = new ArrayList<>();
        for (FieldDefinition field : templates.version(o.templateVersionId()).fields()) {
            String value = o.fields().get(field.name());
            if (value != null && !value.isBlank()) {
                fields.add(new DocxDraft.Field(field.labelEs(), value));
            }
        }
        return DocxWriter.write(new DocxDraft(o.version(), page, heading, o.subject(), subjectChanges, fields, body,
                applicable, notes, "Atentamente", data.authorName(), data.authorCargo()));
    }

    private List<DocxDraft.Note> notes(UUID id, int wholeDraftAnchor, Map<Long, String> names) {
        Map<Long, CommentRow> openings = new java.util.LinkedHashMap<>();
        Map<Long, List<String>> texts = new HashMap<>();
        for (CommentRow c : comments.of(id)) {
            long thread = c.parentId() == null ? c.id() : c.parentId();
            if (c.parentId() == null) {
                if (c.resolvedAt() != null) {
                    continue;
                }
                openings.put(c.id(), c);
                texts.put(c.id(), new ArrayList<>(List.of(c.body())));
            } else if (texts.containsKey(thread)) {
                texts.get(thread).add(names.computeIfAbsent(c.authorId(), a -> directory.person(a).fullName()) + ": "
                        + c.body());
            }
        }
        List<DocxDraft.Note> notes = new ArrayList<>();
        for (CommentRow c : openings.values()) {
            int start = c.anchorStart() == null ? wholeDraftAnchor : c.anchorStart();
            int end = c.anchorEnd() == null ? wholeDraftAnchor : c.anchorEnd();
            notes.add(new DocxDraft.Note(start, end, names.computeIfAbsent(c.authorId(), a -> directory.person(a).fullName()),
                    c.createdAt(), texts.get(c.id())));
        }
        return notes;
    }

    /**
     * Reads an edited copy into pending changes. The owner and invited editors may import while it is a draft.
     *
     * @throws InvalidInputException for a file that is not a safe, readable .docx
     */
    public ImportOutcome importDocx(UUID id, String fileName, byte[] bytes) {
        Actor actor = currentActor.require();
        OficioRow seen = loader.visible(id, actor);
        if (!access.canEdit(actor, seen) && !access.canSuggest(actor, seen)) {
            throw new AccessDeniedException(actor.username() + " may not import into " + id);
        }
        DocxReader.ReadDocument doc = DocxReader.read(fileName, bytes); // parsed before the row is locked
        OficioRow oficio = loader.lockVisible(id, actor);
        if (!access.canEdit(actor, oficio) && !access.canSuggest(actor, oficio)) {
            throw new AccessDeniedException(actor.username() + " may not import into " + id);
        }
        if (BodyTokens.toHtml(doc.after()).length() > DraftValidator.BODY_MAX) {
            throw new InvalidInputException("validation.too-long", "file");
        }
        Instant now = clock.instant();
        DraftContent opened = openedBase(oficio, doc.baseVersion());
        List<BodyToken> openedTokens = BodyTokens.tokenize(opened.bodyHtml());
        List<BodyToken> current = BodyTokens.tokenize(oficio.bodyHtml());
        List<Hunk> sinceOpened = openedTokens.equals(current) ? List.of() : BodyDiff.diff(openedTokens, current);

        // edits made without tracking: the copy's text before its tracked changes, against the text exported
        List<Hunk> untracked = BodyDiff.diff(openedTokens, doc.before());
        List<Hunk> backToOpened = BodyDiff.diff(doc.before(), openedTokens);
        Set<Hunk> known = new java.util.HashSet<>(changes.pending(id).stream()
                .filter(c -> c.target() == ChangeTarget.BODY).map(ChangeRow::hunk).toList());
        Set<String> unmatched = new LinkedHashSet<>();
        List<Person> participants = participants(oficio);
        int count = 0;
        int conflicts = 0;
        for (BodyDiff.Rebased moved : BodyDiff.rebaseAll(untracked, sinceOpened, openedTokens)) {
            int stored = keep(oficio, current, known, moved, actor.personId(), null, now);
            count += stored >= 0 ? 1 : 0;
            conflicts += stored > 0 ? 1 : 0;
        }
        int shift = 0; // where each hunk's inserted tokens sit in the after version
        for (Hunk h : BodyDiff.diff(doc.before(), doc.after())) {
            int afterStart = h.start() + shift;
            shift += h.inserted().size() - (h.end() - h.start());
            for (Attributed part : attribute(h, afterStart, doc)) {
                BodyDiff.Rebased onOpened = BodyDiff.rebase(part.hunk(), backToOpened, doc.before());
                DocxReader.Revision revision = part.revision();
                Optional<Person> author = revision == null ? Optional.empty() : person(revision.author(), participants);
                String note = null;
                if (author.isEmpty() && revision != null && revision.author() != null) {
                    unmatched.add(revision.author());
                    note = revision.author();
                }
                long authorId = author.map(Person::id).orElse(actor.personId());
                Instant at = revision != null && revision.at() != null ? revision.at() : now;
                BodyDiff.Rebased moved = BodyDiff.rebase(onOpened.hunk(), sinceOpened, openedTokens);
                int stored = keep(oficio, current, known,
                        new BodyDiff.Rebased(moved.hunk(), moved.conflict() || onOpened.conflict()), authorId, note, at);
                count += stored >= 0 ? 1 : 0;
                conflicts += stored > 0 ? 1 : 0;
            }
        }
        // the subject as the copy left it, against the subject it was exported with: an untouched copy proposes nothing
        String subject = doc.subjectAfter();
        boolean subjectPending = subject != null && changes.pending(id).stream()
                .anyMatch(c -> c.target() == ChangeTarget.SUBJECT && subject.equals(c.newValue()));
        if (subject != null && !subject.isBlank() && !subject.equals(opened.subject()) && !subject.equals(oficio.subject())
                && !subjectPending) {
            if (subject.length() > DraftContent.SUBJECT_MAX_LENGTH) {
                throw new InvalidInputException("docx.subject-too-long", "file");
            }
            DocxReader.Revision revision = doc.subjectRevision();
            Optional<Person> author = revision == null ? Optional.empty() : person(revision.author(), participants);
            changes.insert(ChangeRow.value(id, author.map(Person::id).orElse(actor.personId()), ChangeTarget.SUBJECT,
                    null, oficio.subject(), subject, !opened.subject().equals(oficio.subject()),
                    author.isEmpty() && revision != null ? revision.author() : null, now));
            count++;
        }
        revisions.insert(new RevisionRow(id, 0, RevisionRow.Kind.IMPORTED, oficio.version(), actor.personId(),
                fileName == null ? null : clip(fileName), oficio.recipientUnitId(),
                subject == null || subject.isBlank() || subject.length() > DraftContent.SUBJECT_MAX_LENGTH ? oficio.subject() : subject,
                BodyTokens.toHtml(doc.after()), oficio.fields(), now));
        events.publishEvent(new OficioEvents.DocxImported(id, actor.personId(), fileName == null ? "" : clip(fileName), count, now));
        return new ImportOutcome(count, conflicts, List.copyOf(unmatched));
    }

    /**
     * Stores one change read from the copy, already carried to today's text.
     *
     * @return -1 when nothing new was stored, 0 stored, 1 stored as a conflict
     */
    private int keep(OficioRow oficio, List<BodyToken> current, Set<Hunk> known, BodyDiff.Rebased moved, long authorId,
                     String note, Instant at) {
        Hunk h = moved.hunk();
        List<BodyToken> replaced = current.subList(h.start(), h.end());
        if (replaced.equals(h.inserted()) || !known.add(h)) {
            return -1; // today's text already says it, or it is pending already (a copy exported with its changes)
        }
        changes.insert(ChangeRow.body(oficio.id(), authorId, h, List.copyOf(replaced), moved.conflict(), note, at));
        return moved.conflict() ? 1 : 0;
    }

    private DraftContent openedBase(OficioRow oficio, Integer version) {
        if (version == null || version > oficio.version() || version < 0) {
            return oficio.content();
        }
        try {
            return base.baseAt(oficio, version);
        } catch (StaleDraftException e) {
            return oficio.content();
        }
    }

    private record Attributed(Hunk hunk, DocxReader.Revision revision) {
    }

    /**
     * Splits a difference between the copy's two versions by the tracked changes it came from: next to each
     * other, one person's insertion and another's deletion are two suggestions, each with its author.
     */
    private static List<Attributed> attribute(Hunk h, int afterStart, DocxReader.ReadDocument doc) {
        List<DocxReader.Revision> deleted = new ArrayList<>();
        for (int i = h.start(); i < h.end(); i++) {
            deleted.add(doc.beforeOrigins().get(i) instanceof DocxReader.Revision r ? r : null);
        }
        List<DocxReader.Revision> inserted = new ArrayList<>();
        for (int i = afterStart; i < afterStart + h.inserted().size(); i++) {
            inserted.add(doc.afterOrigins().get(i) instanceof DocxReader.Revision r ? r : null);
        }
        fillGaps(deleted);
        fillGaps(inserted);
        Set<String> authors = new LinkedHashSet<>();
        deleted.stream().filter(java.util.Objects::nonNull).forEach(r -> authors.add(String.valueOf(r.author())));
        inserted.stream().filter(java.util.Objects::nonNull).forEach(r -> authors.add(String.valueOf(r.author())));
        if (authors.size() <= 1) {
            DocxReader.Revision any = !deleted.isEmpty() && deleted.getFirst() != null ? deleted.getFirst()
                    : inserted.isEmpty() ? null : inserted.getFirst();
            return List.of(new Attributed(h, any));
        }
        List<Attributed> parts = new ArrayList<>();
        List<BodyToken> insertedTokens = h.inserted();
        for (int from = 0; from < deleted.size(); ) { // one deletion per author run
            int to = from;
            while (to < deleted.size() && same(deleted.get(to), deleted.get(from))) {
                to++;
            }
            parts.add(new Attributed(new Hunk(h.start() + from, h.start() + to, List.of()), deleted.get(from)));
            from = to;
        }
        for (int from = 0; from < inserted.size(); ) { // an insertion joins its author's deletion, else stands alone
            int to = from;
            while (to < inserted.size() && same(inserted.get(to), inserted.get(from))) {
                to++;
            }
            List<BodyToken> tokens = insertedTokens.subList(from, to);
            DocxReader.Revision r = inserted.get(from);
            int match = -1;
            for (int k = 0; k < parts.size(); k++) {
                if (parts.get(k).hunk().inserted().isEmpty() && !parts.get(k).hunk().isInsertion()
                        && same(parts.get(k).revision(), r)) {
                    match = k;
                    break;
                }
            }
            if (match >= 0) {
                Hunk d = parts.get(match).hunk();
                parts.set(match, new Attributed(new Hunk(d.start(), d.end(), tokens), r));
            } else {
                int same = -1;
                for (int k = 0; k < parts.size(); k++) {
                    if (parts.get(k).hunk().isInsertion()) {
                        same = k;
                    }
                }
                if (same < 0) {
                    parts.add(new Attributed(new Hunk(h.start(), h.start(), tokens), r));
                } else { // two people inserting at one place: one suggestion, so neither text is lost
                    List<BodyToken> joined = new ArrayList<>(parts.get(same).hunk().inserted());
                    joined.addAll(tokens);
                    parts.set(same, new Attributed(new Hunk(h.start(), h.start(), joined), parts.get(same).revision()));
                }
            }
            from = to;
        }
        return parts;
    }

    /** Tokens with no tracked change inside a difference are spacing: they belong with their neighbours. */
    private static void fillGaps(List<DocxReader.Revision> origins) {
        for (int i = 1; i < origins.size(); i++) {
            if (origins.get(i) == null) {
                origins.set(i, origins.get(i - 1));
            }
        }
        for (int i = origins.size() - 2; i >= 0; i--) {
            if (origins.get(i) == null) {
                origins.set(i, origins.get(i + 1));
            }
        }
    }

    private static boolean same(DocxReader.Revision a, DocxReader.Revision b) {
        return java.util.Objects.equals(a == null ? null : a.author(), b == null ? null : b.author());
    }

    /** The author and the people invited: the only ones a Word author's name may stand for. */
    private List<Person> participants(OficioRow oficio) {
        List<Person> people = new ArrayList<>(List.of(directory.person(oficio.authorId())));
        invitations.of(oficio.id()).forEach(i -> people.add(directory.person(i.personId())));
        return people;
    }

    /**
     * Word authors are names anyone can type: matched, ignoring accents, case and titles such as «Lic.» or
     * «Ing.», only to people taking part in the draft, so an upload cannot put words in anyone else's mouth.
     */
    private static Optional<Person> person(String wordAuthor, List<Person> participants) {
        if (wordAuthor == null || wordAuthor.isBlank()) {
            return Optional.empty();
        }
        String wanted = normalName(wordAuthor);
        return participants.stream().filter(Person::active)
                .filter(p -> normalName(p.fullName()).equals(wanted) || p.username().equalsIgnoreCase(wordAuthor.strip()))
                .findFirst();
    }

    static String normalName(String name) {
        String plain = FoldedText.fold(name);
        StringBuilder out = new StringBuilder();
        for (String part : plain.split("\\s+")) {
            if (!part.isEmpty() && !part.endsWith(".")) {
                out.append(out.isEmpty() ? "" : " ").append(part);
            }
        }
        return out.toString();
    }

    private static String clip(String s) {
        return s.length() > 200 ? s.substring(0, 200) : s;
    }
}
