package org.rubrica.drafting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.rubrica.directory.Actor;
import org.rubrica.directory.CurrentActor;
import org.rubrica.directory.Directory;
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
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The drafting side of sending: the oficio becomes SENT inside the delivery module's transaction. */
@Service
public class OficioDispatch {

    private final OficioRepository oficios;
    private final RecipientRepository recipients;
    private final ThreadRepository threads;
    private final DraftLoader loader;
    private final OficioAccess access;
    private final Directory directory;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OficioDispatch(OficioRepository oficios, RecipientRepository recipients, ThreadRepository threads,
                   DraftLoader loader, OficioAccess access,
                   Directory directory, CurrentActor currentActor, ApplicationEventPublisher events, Clock clock) {
        this.oficios = oficios;
        this.recipients = recipients;
        this.threads = threads;
        this.loader = loader;
        this.access = access;
        this.directory = directory;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Marks a signed oficio sent, for its author; every recipient unit must still be active.
     *
     * @return the facts delivery needs to fill the inboxes
     * @throws IllegalTransitionException when the oficio is not signed (or already sent)
     * @throws InvalidInputException      when a recipient unit was deactivated since drafting
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public SentOficio markSent(UUID id) {
        Actor actor = currentActor.require();
        OficioRow oficio = loader.lockVisible(id, actor);
        if (!access.canSend(actor, oficio)) {
            if (OficioAccess.isAuthor(actor, oficio)) {
                throw new IllegalTransitionException(oficio.status(), OficioStatus.SENT);
            }
            throw new AccessDeniedException("only the author sends");
        }
        List<Recipient> all = new ArrayList<>();
        all.add(Recipient.to(oficio.recipientUnitId()));
        all.addAll(recipients.of(id));
        for (Recipient r : all) {
            Unit unit = directory.unit(r.unitId());
            if (!unit.active()) {
                throw new InvalidInputException("oficio.recipients.inactive", "recipients", unit.label());
            }
        }
        Instant now = clock.instant();
        if (!oficios.transition(id, oficio.version(), oficio.status(), OficioStatus.SENT, now)) {
            throw new StaleDraftException(); // a concurrent send came first
        }
        events.publishEvent(new OficioEvents.OficioSent(id, actor.personId(), oficio.senderUnitId(),
                oficio.recipientUnitId(), all.size() - 1, threads.inReplyTo(id).orElse(null), oficio.number(), now));
        return new SentOficio(id, oficio.kind(), oficio.number(), oficio.subject(), oficio.senderUnitId(),
                directory.unit(oficio.senderUnitId()).name(), oficio.authorId(),
                directory.person(oficio.authorId()).fullName(), all, oficio.confidential(), now);
    }
}
