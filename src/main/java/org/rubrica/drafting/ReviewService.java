package org.rubrica.drafting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

import org.rubrica.directory.Actor;
import org.rubrica.directory.CurrentActor;
import org.rubrica.directory.Directory;
import org.rubrica.drafting.ReviewModels.AuthorCount;
import org.rubrica.drafting.ReviewModels.ChangeOverview;
import org.rubrica.drafting.ReviewModels.ChangeView;
import org.rubrica.drafting.ReviewModels.RevisionComparison;
import org.rubrica.drafting.ReviewModels.RevisionSummary;
import org.rubrica.drafting.ReviewModels.Role;
import org.rubrica.drafting.ReviewModels.SuggestOutcome;
import org.rubrica.drafting.ReviewModels.ValueDifference;
import org.rubrica.drafting.ReviewModels.WorkingDraft;
import org.rubrica.drafting.internal.ChangeRepository;
import org.rubrica.drafting.internal.ChangeRow;
import org.rubrica.drafting.internal.DraftBase;
import org.rubrica.drafting.internal.DraftLoader;
import org.rubrica.drafting.internal.DraftValidator;
import org.rubrica.drafting.internal.OficioAccess;
import org.rubrica.drafting.internal.OficioRow;
import org.rubrica.drafting.internal.Proposal;
import org.rubrica.drafting.internal.RevisionRepository;
import org.rubrica.drafting.internal.RevisionRow;
import org.rubrica.drafting.internal.text.BodyDiff;
import org.rubrica.drafting.internal.text.BodyToken;
import org.rubrica.drafting.internal.text.BodyTokens;
import org.rubrica.drafting.internal.text.Hunk;
import org.rubrica.drafting.internal.text.Redline;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.NotFoundException;
import org.rubrica.templates.TemplateCatalog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Review of a draft: invited editors save suggestions (tracked changes attributed to them), the owner accepts or
 * rejects them one by one, by author or all at once, and anyone who may see the draft reads its revisions and
 * compares any two. Every action locks the draft's row, so concurrent saves and decisions take turns; reads see
 * one snapshot. The review is for the author, the people invited and auditors.
 */
@Service
@Transactional
public class ReviewService {

    public static final int NOTE_MAX = DraftLoader.NOTE_MAX;

    private final DraftLoader loader;
    private final OficioAccess access;
    private final DraftValidator validator;
    private final DraftBase base;
    private final ChangeRepository changes;
    private final RevisionRepository revisions;
    private final TemplateCatalog templates;
    private final Directory directory;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReviewService(DraftLoader loader, OficioAccess access, DraftValidator validator, DraftBase base,
                  ChangeRepository changes, RevisionRepository revisions, TemplateCatalog templates,
                  Directory directory, CurrentActor currentActor, ApplicationEventPublisher events, Clock clock) {
        this.loader = loader;
        this.access = access;
        this.validator = validator;
        this.base = base;
        this.changes = changes;
        this.revisions = revisions;
        this.templates = templates;
        this.directory = directory;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
    }

    /** The text the current person edits, and as whom. Read in one snapshot, so text and changes agree. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public WorkingDraft working(UUID id) {
        Actor actor = currentActor.require();
        OficioRow oficio = loader.reviewable(id, actor);
        Role role = role(actor, oficio);
        if (role != Role.EDITOR) {
            return new WorkingDraft(oficio.content(), oficio.version(), role, clock.instant());
        }
        return new WorkingDraft(withOwnChanges(oficio, actor.personId()), oficio.version(), role, clock.instant());
    }

    /**
     * Saves an invited editor's version as their suggestions: everything that differs from the base they opened
     * (at {@code baseVersion}) replaces their earlier pending suggestions. Text saved against an older base is
     * carried over to today's; where the base changed too, the suggestion is kept and flagged as a conflict.
     */
    public SuggestOutcome suggest(UUID id, DraftContent content, int baseVersion, String note) {
        return suggest(id, content, baseVersion, note, null);
    }

    /**
     * As {@link #suggest(UUID, DraftContent, int, String)}, from a form loaded at {@code since}: what the owner
     * rejected after that is still in the form's text, but it is decided and does not come back.
     */
    public SuggestOutcome suggest(UUID id, DraftContent content, int baseVersion, String note, Instant since) {
        Actor actor = currentActor.require();
        OficioRow oficio = loader.lockVisible(id, actor);
        if (!access.canSuggest(actor, oficio)) {
            throw new AccessDeniedException(actor.username() + " may not suggest on " + id);
        }
        String cleanNote = DraftLoader.note(note);
        DraftContent opened = base.baseAt(oficio, baseVersion);
        DraftContent saved = validator.clean(new DraftContent(oficio.recipientUnitId(), content.subject(),
                content.bodyHtml(), content.fields()), templates.version(oficio.templateVersionId()), oficio.senderUnitId());
        Proposal proposal = withoutRejected(Proposal.of(opened, saved, oficio.content()), oficio, actor.personId(), since);
        Instant now = clock.instant();
        int pending = replaceSuggestions(oficio, actor.personId(), proposal, now);
        revisions.insert(new RevisionRow(id, 0, RevisionRow.Kind.SUGGESTED, oficio.version(), actor.personId(), cleanNote,
                oficio.recipientUnitId(), saved.subject(), saved.bodyHtml(), saved.fields(), now));
        events.publishEvent(new OficioEvents.SuggestionsSaved(id, actor.personId(), pending, (int) proposal.conflicts(),
                now));
        return new SuggestOutcome(oficio.version(), pending, (int) proposal.conflicts());
    }

    /** Edits the owner rejected after the form was opened: the form still shows them, but they are decided. */
    private Proposal withoutRejected(Proposal proposal, OficioRow oficio, long authorId, Instant since) {
        if (since == null) {
            return proposal;
        }
        List<ChangeRow> rejected = changes.all(oficio.id()).stream().filter(c -> c.authorId() == authorId
                && c.status() == ChangeStatus.REJECTED && c.decidedAt() != null && c.decidedAt().isAfter(since)).toList();
        if (rejected.isEmpty()) {
            return proposal;
        }
        List<BodyToken> current = BodyTokens.tokenize(oficio.bodyHtml());
        return new Proposal(
                proposal.body().stream().filter(e -> rejected.stream().noneMatch(r -> r.target() == ChangeTarget.BODY
                        && r.inserted().equals(e.hunk().inserted())
                        && r.deleted().equals(current.subList(e.hunk().start(), e.hunk().end())))).toList(),
                proposal.values().stream().filter(v -> rejected.stream().noneMatch(r -> r.target() == v.target()
                        && Objects.equals(r.fieldName(), v.fieldName()) && Objects.equals(r.newValue(), v.newValue())))
                        .toList());
    }

    /** The person's pending changes become the proposal's; changes kept as they were keep their ids. */
    private int replaceSuggestions(OficioRow oficio, long authorId, Proposal proposal, Instant now) {
        List<ChangeRow> mine = changes.pending(oficio.id()).stream().filter(c -> c.authorId() == authorId).toList();
        List<ChangeRow> kept = new ArrayList<>();
        List<BodyToken> current = BodyTokens.tokenize(oficio.bodyHtml());
        int count = 0;
        for (Proposal.BodyEdit edit : proposal.body()) {
            Hunk h = edit.hunk();
            var same = mine.stream().filter(c -> c.target() == ChangeTarget.BODY && c.hunk().equals(h)).findFirst();
            if (same.isPresent()) {
                kept.add(same.get());
            } else {
                changes.insert(ChangeRow.body(oficio.id(), authorId, h, List.copyOf(current.subList(h.start(), h.end())),
                        edit.conflict(), null, now));
            }
            count++;
        }
        for (Proposal.ValueEdit edit : proposal.values()) {
            var same = mine.stream().filter(c -> c.target() == edit.target()
                    && Objects.equals(c.fieldName(), edit.fieldName()) && Objects.equals(c.newValue(), edit.newValue()))
                    .findFirst();
            if (same.isPresent()) {
                kept.add(same.get());
            } else {
                changes.insert(ChangeRow.value(oficio.id(), authorId, edit.target(), edit.fieldName(), edit.oldValue(),
                        edit.newValue(), edit.conflict(), null, now));
            }
            count++;
        }
        for (ChangeRow old : mine) {
            if (!kept.contains(old)) {
                changes.decide(old.id(), ChangeStatus.SUPERSEDED, null, now);
            }
        }
        return count;
    }

    /** The redline of every pending change, and the list of all changes with counts per author. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ChangeOverview changes(UUID id) {
        Actor actor = currentActor.require();
        OficioRow oficio = loader.reviewable(id, actor);
        List<ChangeRow> all = changes.all(id);
        Map<Long, Integer> colours = colours(all);
        Map<Long, String> names = new HashMap<>();
        List<Redline.Shown> shown = new ArrayList<>();
        List<ChangeView> views = new ArrayList<>();
        Map<Long, Integer> pendingByAuthor = new LinkedHashMap<>();
        colours.keySet().forEach(a -> pendingByAuthor.put(a, 0));
        for (ChangeRow c : all) {
            String author = names.computeIfAbsent(c.authorId(), a -> directory.person(a).fullName());
            int colour = colours.get(c.authorId());
            if (c.status() == ChangeStatus.PENDING) {
                pendingByAuthor.merge(c.authorId(), 1, Integer::sum);
                if (c.target() == ChangeTarget.BODY) {
                    shown.add(new Redline.Shown(c.id(), c.hunk(), colour, author));
                }
            }
            views.add(view(c, author, colour));
        }
        List<AuthorCount> authors = pendingByAuthor.entrySet().stream()
                .map(e -> new AuthorCount(e.getKey(), names.get(e.getKey()), colours.get(e.getKey()), e.getValue()))
                .toList();
        return new ChangeOverview(Redline.render(BodyTokens.tokenize(oficio.bodyHtml()), shown), views, authors,
                oficio.version());
    }

    /** Accepts one pending change: its text becomes the base. */
    public void accept(UUID id, long changeId) {
        Actor actor = currentActor.require();
        OficioRow oficio = loader.lockOwned(id, actor);
        decide(oficio, actor, List.of(pendingChange(oficio, changeId)), true);
    }

    public void reject(UUID id, long changeId) {
        Actor actor = currentActor.require();
        OficioRow oficio = loader.lockOwned(id, actor);
        decide(oficio, actor, List.of(pendingChange(oficio, changeId)), false);
    }

    /**
     * Accepts or rejects every pending change, or every one of one author.
     *
     * @return how many were decided
     */
    public int decideAll(UUID id, Long authorId, boolean accept) {
        Actor actor = currentActor.require();
        OficioRow oficio = loader.lockOwned(id, actor);
        List<ChangeRow> chosen = changes.pending(id).stream()
                .filter(c -> authorId == null || c.authorId() == authorId).toList();
        return decide(oficio, actor, chosen, accept);
    }

    /** @return how many were decided (an "accept all" leaves changes that became conflicts meanwhile pending) */
    private int decide(OficioRow oficio, Actor actor, List<ChangeRow> chosen, boolean accept) {
        Instant now = clock.instant();
        if (accept) {
            return acceptInto(oficio, actor, chosen, now);
        }
        chosen.forEach(c -> record(oficio, actor, c, ChangeStatus.REJECTED, now));
        return chosen.size();
    }

    private void record(OficioRow oficio, Actor actor, ChangeRow c, ChangeStatus status, Instant now) {
        changes.decide(c.id(), status, actor.personId(), now);
        events.publishEvent(new OficioEvents.ChangeDecided(oficio.id(), actor.personId(), c.id(), c.authorId(),
                describe(c), status == ChangeStatus.ACCEPTED, now));
    }

    /**
     * Applies the chosen changes in rounds: all that do not touch each other at once, then (after the rest moved
     * onto the new text) the next round. A change that became a conflict because an earlier round rewrote its
     * passage is not applied: it stays pending and flagged, for the owner to look at.
     */
    private int acceptInto(OficioRow oficio, Actor actor, List<ChangeRow> chosen, Instant now) {
        Set<Long> remaining = new HashSet<>(chosen.stream().map(ChangeRow::id).toList());
        Set<Long> conflictsBefore = new HashSet<>(chosen.stream().filter(ChangeRow::conflict).map(ChangeRow::id).toList());
        OficioRow current = oficio;
        int accepted = 0;
        while (!remaining.isEmpty()) {
            List<ChangeRow> round = new ArrayList<>();
            List<Hunk> hunks = new ArrayList<>();
            Set<String> valuesSet = new HashSet<>();
            DraftContent content = current.content();
            DraftContent next = content;
            for (ChangeRow c : changes.pending(oficio.id())) {
                if (!remaining.contains(c.id())) {
                    continue;
                }
                if (c.conflict() && !conflictsBefore.contains(c.id())) {
                    remaining.remove(c.id()); // an earlier round rewrote its passage
                    continue;
                }
                if (c.target() == ChangeTarget.BODY) {
                    if (hunks.stream().anyMatch(h -> h.clashes(c.hunk()))) {
                        continue; // next round, after it moved onto the new text
                    }
                    hunks.add(c.hunk());
                } else if (!valuesSet.add(c.target() + ":" + c.fieldName())) {
                    continue; // one value per round: the next one then sees whether it still fits
                } else {
                    next = next.withValue(c.target(), c.fieldName(), c.newValue());
                }
                round.add(c);
            }
            if (round.isEmpty()) {
                break; // decided or superseded meanwhile
            }
            List<BodyToken> body = BodyDiff.apply(BodyTokens.tokenize(content.bodyHtml()), hunks);
            next = new DraftContent(next.recipientUnitId(), next.subject(), BodyTokens.toHtml(body), next.fields());
            for (ChangeRow c : round) {
                remaining.remove(c.id());
                record(oficio, actor, c, ChangeStatus.ACCEPTED, now); // before the text moves: only others are carried
            }
            accepted += round.size();
            base.replace(current, next, RevisionRow.Kind.ACCEPTED, actor.personId(),
                    round.size() == 1 ? describe(round.getFirst()) : null, now);
            current = loader.lockVisible(oficio.id(), actor);
        }
        return accepted;
    }

    /** Revisions, newest first. */
    @Transactional(readOnly = true)
    public List<RevisionSummary> revisions(UUID id) {
        loader.reviewable(id, currentActor.require());
        Map<Long, String> names = new HashMap<>();
        return revisions.of(id).stream().map(r -> new RevisionSummary(r.no(), r.kind().name(), r.authorId(),
                names.computeIfAbsent(r.authorId(), a -> directory.person(a).fullName()), r.createdAt(), r.note(),
                r.baseVersion())).toList();
    }

    /** Any two revisions as a redline from {@code from} to {@code to}. */
    @Transactional(readOnly = true)
    public RevisionComparison compare(UUID id, int from, int to) {
        Actor actor = currentActor.require();
        loader.reviewable(id, actor);
        RevisionRow a = revisions.find(id, from).orElseThrow(() -> new NotFoundException("revision " + from));
        RevisionRow b = revisions.find(id, to).orElseThrow(() -> new NotFoundException("revision " + to));
        String html = Redline.compare(BodyTokens.tokenize(a.bodyHtml()), BodyTokens.tokenize(b.bodyHtml()),
                directory.person(b.authorId()).fullName());
        List<ValueDifference> values = new ArrayList<>();
        if (!a.subject().equals(b.subject())) {
            values.add(new ValueDifference(ChangeTarget.SUBJECT, null, a.subject(), b.subject()));
        }
        var names = new TreeSet<>(a.fields().keySet());
        names.addAll(b.fields().keySet());
        for (String name : names) {
            String before = a.fields().getOrDefault(name, "");
            String after = b.fields().getOrDefault(name, "");
            if (!before.equals(after)) {
                values.add(new ValueDifference(ChangeTarget.FIELD, name, before, after));
            }
        }
        return new RevisionComparison(from, to, html, values);
    }

    private DraftContent withOwnChanges(OficioRow oficio, long personId) {
        List<Hunk> hunks = new ArrayList<>();
        DraftContent working = oficio.content();
        for (ChangeRow c : changes.pending(oficio.id())) {
            if (c.authorId() != personId) {
                continue;
            }
            if (c.target() != ChangeTarget.BODY) {
                working = working.withValue(c.target(), c.fieldName(), c.newValue());
            } else if (hunks.stream().noneMatch(h -> h.clashes(c.hunk()))) {
                hunks.add(c.hunk());
            }
        }
        String body = hunks.isEmpty() ? working.bodyHtml()
                : BodyTokens.toHtml(BodyDiff.apply(BodyTokens.tokenize(working.bodyHtml()), hunks));
        return new DraftContent(working.recipientUnitId(), working.subject(), body, working.fields());
    }

    private Role role(Actor actor, OficioRow oficio) {
        if (OficioAccess.isAuthor(actor, oficio)) {
            return Role.OWNER;
        }
        return access.invitation(actor, oficio).map(a -> a == DraftAccess.EDITOR ? Role.EDITOR : Role.READER)
                .orElse(access.canSuggest(actor, oficio) ? Role.EDITOR : Role.OTHER); // a reviewer on its route
    }


    private ChangeRow pendingChange(OficioRow oficio, long changeId) {
        ChangeRow change = changes.find(changeId).filter(c -> c.oficioId().equals(oficio.id()))
                .orElseThrow(() -> new NotFoundException("change " + changeId));
        if (change.status() != ChangeStatus.PENDING) {
            throw new InvalidInputException("change.already-decided", "change");
        }
        return change;
    }

    /** Authors get colours in the order they first suggested something on this draft. */
    private static Map<Long, Integer> colours(List<ChangeRow> all) {
        Map<Long, Integer> colours = new LinkedHashMap<>();
        all.stream().sorted((x, y) -> Long.compare(x.id(), y.id()))
                .forEach(c -> colours.putIfAbsent(c.authorId(), colours.size() % 8));
        return colours;
    }

    private ChangeView view(ChangeRow c, String author, int colour) {
        String removed = c.target() == ChangeTarget.BODY ? BodyTokens.plainText(c.deleted()) : c.oldValue();
        String added = c.target() == ChangeTarget.BODY ? BodyTokens.plainText(c.inserted()) : c.newValue();
        return new ChangeView(c.id(), c.authorId(), author, colour, c.target(), c.fieldName(), removed, added,
                c.status(), c.conflict(), c.originNote(), c.createdAt(),
                c.decidedBy() == null ? null : directory.person(c.decidedBy()).fullName(), c.decidedAt());
    }

    /** A short description for the trail: what was removed and what was added. */
    private static String describe(ChangeRow c) {
        String what = c.target() == ChangeTarget.BODY ? "" : (c.target() == ChangeTarget.SUBJECT ? "asunto: " : c.fieldName() + ": ");
        String removed = c.target() == ChangeTarget.BODY ? BodyTokens.plainText(c.deleted()) : c.oldValue();
        String added = c.target() == ChangeTarget.BODY ? BodyTokens.plainText(c.inserted()) : c.newValue();
        return "#" + c.id() + " " + what + clip(removed) + " → " + clip(added);
    }

    private static String clip(String s) {
        String text = s == null || s.isBlank() ? "∅" : s.replaceAll("\\s+", " ").strip();
        return text.length() > 80 ? text.substring(0, 79) + "…" : "«" + text + "»";
    }

}
