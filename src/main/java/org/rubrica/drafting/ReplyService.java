package org.rubrica.drafting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.rubrica.directory.Actor;
import org.rubrica.directory.CurrentActor;
import org.rubrica.directory.Directory;
import org.rubrica.directory.Role;
import org.rubrica.directory.Unit;
import org.rubrica.drafting.internal.DraftLoader;
import org.rubrica.drafting.internal.OficioAccess;
import org.rubrica.drafting.internal.OficioRepository;
import org.rubrica.drafting.internal.OficioRow;
import org.rubrica.drafting.internal.RecipientRepository;
import org.rubrica.drafting.internal.ThreadRepository;
import org.rubrica.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answering an oficio and reading the conversation. "Responder" starts a draft from the reply template, addressed
 * to the sender's unit for its author's attention, citing the original's number, date and subject; the thread
 * lists every oficio of the conversation the person may see.
 */
@Service
@Transactional
public class ReplyService {

    static final String REPLY_TEMPLATE = "respuesta";

    private final OficioService oficios;
    private final OficioRepository rows;
    private final ThreadRepository threads;
    private final RecipientRepository recipients;
    private final DraftLoader loader;
    private final OficioAccess access;
    private final Directory directory;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReplyService(OficioService oficios, OficioRepository rows, ThreadRepository threads, RecipientRepository recipients,
                 DraftLoader loader, OficioAccess access, Directory directory, CurrentActor currentActor,
                 ApplicationEventPublisher events, Clock clock) {
        this.oficios = oficios;
        this.rows = rows;
        this.threads = threads;
        this.recipients = recipients;
        this.loader = loader;
        this.access = access;
        this.directory = directory;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
    }

    /** Whether the current person may answer it: a drafter on its receiving side, once it was sent. */
    @Transactional(readOnly = true)
    public boolean canReply(UUID originalId) {
        Actor actor = currentActor.require();
        return mayReply(actor, loader.visible(originalId, actor));
    }

    private boolean mayReply(Actor actor, OficioRow original) {
        return original.status() == OficioStatus.SENT && actor.hasRoleIn(actor.unitId(), Role.DRAFTER)
                && !directory.unitPath(original.senderUnitId()).contains(actor.unitId()); // not its sending side
    }

    /**
     * Starts the current person's reply to a received oficio.
     *
     * @return the new draft's id
     * @throws InvalidInputException when the oficio is not (or no longer) a sent one, such as an annulled oficio
     * @throws AccessDeniedException when the person is not a drafter on its receiving side
     */
    public UUID startReply(UUID originalId) {
        Actor actor = currentActor.require();
        OficioRow original = loader.visible(originalId, actor);
        if (original.status() != OficioStatus.SENT) {
            throw new InvalidInputException("reply.not-sent", "oficio");
        }
        if (!mayReply(actor, original)) {
            throw new AccessDeniedException(actor.username() + " does not answer for the recipients of " + originalId);
        }
        Map<String, String> cited = new HashMap<>();
        cited.put("oficio_referido_numero", original.number());
        cited.put("oficio_referido_fecha", LocalDate.ofInstant(original.sentAt(), clock.getZone()).toString());
        cited.put("oficio_referido_asunto", shortened(original.subject(), 300));
        String subject = shortened("Respuesta: " + original.subject(), DraftContent.SUBJECT_MAX_LENGTH);
        String body = oficios.startingVersion(REPLY_TEMPLATE).defaultBodyHtml();
        UUID reply = oficios.startDraft(REPLY_TEMPLATE,
                new DraftContent(original.senderUnitId(), subject, body, cited));
        threads.link(reply, originalId);
        recipients.replace(reply, List.of(new Recipient(Recipient.Addressing.TO, original.senderUnitId(),
                original.authorId())));
        events.publishEvent(new OficioEvents.RecipientsChanged(reply, actor.personId(), 1, 0, clock.instant()));
        if (original.confidential()) {
            oficios.setConfidential(reply, true); // it cites a confidential oficio: it is one too
        }
        events.publishEvent(new OficioEvents.ReplyStarted(reply, originalId, original.number(), actor.personId(),
                clock.instant()));
        return reply;
    }

    /** The conversation the oficio belongs to, oldest first: only the oficios the current person may see. */
    @Transactional(readOnly = true)
    public List<ThreadItem> thread(UUID oficioId) {
        Actor actor = currentActor.require();
        loader.visible(oficioId, actor);
        List<UUID> members = threads.members(threads.threadOf(oficioId));
        return rows.byIds(members).stream().filter(o -> access.canView(actor, o))
                .sorted(Comparator.comparing(OficioRow::createdAt))
                .map(o -> new ThreadItem(o.id(), o.kind(), o.number(), o.subject(), unitName(o.senderUnitId()),
                        unitName(o.recipientUnitId()), o.status(), o.createdAt(), o.sentAt(),
                        threads.inReplyTo(o.id()).orElse(null)))
                .toList();
    }

    private String unitName(long unitId) {
        Unit unit = directory.unit(unitId);
        return unit.code() + " · " + unit.name();
    }

    private static String shortened(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
