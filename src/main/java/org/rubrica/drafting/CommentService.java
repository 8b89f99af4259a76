package org.rubrica.drafting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rubrica.directory.Actor;
import org.rubrica.directory.CurrentActor;
import org.rubrica.directory.Directory;
import org.rubrica.drafting.internal.CommentRepository;
import org.rubrica.drafting.internal.CommentRow;
import org.rubrica.drafting.internal.DraftLoader;
import org.rubrica.drafting.internal.OficioAccess;
import org.rubrica.drafting.internal.OficioRow;
import org.rubrica.drafting.internal.text.BodyToken;
import org.rubrica.drafting.internal.text.BodyTokens;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments on a draft: a thread opens on a passage of the body (or on the draft as a whole), gets replies, and is
 * resolved or reopened. {@code @usuario} names a person who may see the draft, and they are notified.
 */
@Service
@Transactional
public class CommentService {

    public static final int BODY_MAX = 4000;
    private static final Pattern MENTION = Pattern.compile("@([A-Za-z0-9._-]{2,60})");

    public record Comment(long id, Long parentId, long authorId, String authorName, String body, String quote,
                          boolean resolved, String resolvedByName, Instant resolvedAt, Instant at) {
    }

    /** A thread: its opening comment (with the passage it is about) and the replies, oldest first. */
    public record Thread(Comment opening, List<Comment> replies) {
    }

    private final DraftLoader loader;
    private final OficioAccess access;
    private final CommentRepository comments;
    private final Directory directory;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CommentService(DraftLoader loader, OficioAccess access, CommentRepository comments, Directory directory,
                   CurrentActor currentActor, ApplicationEventPublisher events, Clock clock) {
        this.loader = loader;
        this.access = access;
        this.comments = comments;
        this.directory = directory;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Thread> threads(UUID oficioId) {
        loader.reviewable(oficioId, currentActor.require());
        Map<Long, String> names = new HashMap<>();
        Map<Long, Thread> threads = new java.util.LinkedHashMap<>();
        for (CommentRow row : comments.of(oficioId)) {
            Comment c = new Comment(row.id(), row.parentId(), row.authorId(),
                    names.computeIfAbsent(row.authorId(), a -> directory.person(a).fullName()), row.body(), row.quote(),
                    row.resolvedAt() != null, row.resolvedBy() == null ? null
                    : names.computeIfAbsent(row.resolvedBy(), a -> directory.person(a).fullName()), row.resolvedAt(),
                    row.createdAt());
            if (row.parentId() == null) {
                threads.put(row.id(), new Thread(c, new ArrayList<>()));
            } else {
                threads.get(row.parentId()).replies().add(c);
            }
        }
        return List.copyOf(threads.values());
    }

    /**
     * Opens a thread about {@code quote}, a passage of today's body (its first occurrence), or about the whole
     * draft when {@code quote} is blank.
     */
    public long comment(UUID oficioId, String quote, String text) {
        Actor actor = currentActor.require();
        OficioRow oficio = commentable(oficioId, actor);
        String body = body(text);
        Integer start = null;
        Integer end = null;
        String cleanQuote = null;
        if (quote != null && !quote.isBlank()) {
            int[] range = find(BodyTokens.tokenize(oficio.bodyHtml()), quote);
            if (range == null) {
                throw new InvalidInputException("comment.quote-not-found", "quote");
            }
            start = range[0];
            end = range[1];
            cleanQuote = clip(quote.strip().replaceAll("\\s+", " "), 1000);
        }
        Instant now = clock.instant();
        long id = comments.insert(new CommentRow(0, oficioId, null, actor.personId(), body, start, end, cleanQuote,
                null, null, now));
        announce(oficio, actor, id, body, cleanQuote, now);
        return id;
    }

    public long reply(UUID oficioId, long threadId, String text) {
        Actor actor = currentActor.require();
        OficioRow oficio = commentable(oficioId, actor);
        CommentRow opening = opening(oficioId, threadId);
        String body = body(text);
        Instant now = clock.instant();
        long id = comments.insert(new CommentRow(0, oficioId, opening.id(), actor.personId(), body, null, null, null,
                null, null, now));
        if (opening.resolvedAt() != null) {
            comments.reopen(opening.id()); // a reply means it is not settled after all
        }
        announce(oficio, actor, id, body, opening.quote(), now);
        return id;
    }

    /** Anyone taking part may resolve a thread; resolving twice is harmless. */
    public void resolve(UUID oficioId, long threadId) {
        Actor actor = currentActor.require();
        commentable(oficioId, actor);
        CommentRow opening = opening(oficioId, threadId);
        Instant now = clock.instant();
        if (comments.resolve(opening.id(), actor.personId(), now)) {
            events.publishEvent(new OficioEvents.CommentResolved(oficioId, actor.personId(), opening.id(), now));
        }
    }

    public void reopen(UUID oficioId, long threadId) {
        Actor actor = currentActor.require();
        commentable(oficioId, actor);
        comments.reopen(opening(oficioId, threadId).id());
    }

    private void announce(OficioRow oficio, Actor actor, long commentId, String body, String quote, Instant now) {
        events.publishEvent(new OficioEvents.CommentAdded(oficio.id(), actor.personId(), commentId, quote, now));
        for (long person : mentioned(oficio, actor, body)) {
            events.publishEvent(new OficioEvents.PersonMentioned(oficio.id(), person, actor.personId(), commentId,
                    oficio.subject(), now));
        }
    }

    /** People named with @username; naming someone who may not see the draft is refused, so nobody is told in vain. */
    private Set<Long> mentioned(OficioRow oficio, Actor actor, String body) {
        Set<Long> people = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(body);
        while (m.find()) {
            String username = m.group(1).replaceAll("[.]+$", "");
            Optional<Actor> named = directory.actor(username);
            if (named.isEmpty()) {
                continue; // an e-mail address or a handle that is nobody here
            }
            if (!access.canView(named.get(), oficio)) {
                throw new InvalidInputException("comment.mention-without-access", "text", named.get().fullName());
            }
            if (named.get().personId() != actor.personId()) {
                people.add(named.get().personId());
            }
        }
        return people;
    }

    private OficioRow commentable(UUID oficioId, Actor actor) {
        OficioRow oficio = loader.lockVisible(oficioId, actor);
        if (!access.canComment(actor, oficio)) {
            throw new AccessDeniedException(actor.username() + " may not comment on " + oficioId);
        }
        return oficio;
    }

    private CommentRow opening(UUID oficioId, long threadId) {
        return comments.find(threadId).filter(c -> c.oficioId().equals(oficioId) && c.parentId() == null)
                .orElseThrow(() -> new NotFoundException("comment " + threadId));
    }

    private static String body(String text) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new InvalidInputException("validation.required", "text");
        }
        if (body.length() > BODY_MAX) {
            throw new InvalidInputException("validation.too-long", "text");
        }
        return body;
    }

    /** The token range of the first place the quote's words appear in order, spaces and line breaks aside. */
    static int[] find(List<BodyToken> tokens, String quote) {
        List<String> words = new ArrayList<>();
        for (BodyToken t : BodyTokens.tokenize("<p>" + escape(quote) + "</p>")) {
            if (t.kind() == BodyToken.Kind.WORD && !t.isSpace()) {
                words.add(t.text());
            }
        }
        if (words.isEmpty()) {
            return null;
        }
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            BodyToken t = tokens.get(i);
            if (t.kind() == BodyToken.Kind.WORD && !t.isSpace()) {
                positions.add(i);
            }
        }
        outer:
        for (int p = 0; p + words.size() <= positions.size(); p++) {
            for (int w = 0; w < words.size(); w++) {
                if (!tokens.get(positions.get(p + w)).text().equals(words.get(w))) {
                    continue outer;
                }
            }
            return new int[] {positions.get(p), positions.get(p + words.size() - 1) + 1};
        }
        return null;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max - 1) + "…" : s;
    }
}
