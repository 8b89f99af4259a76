package org.rubrica.drafting;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.rubrica.directory.Actor;
import org.rubrica.directory.CurrentActor;
import org.rubrica.directory.Directory;
import org.rubrica.directory.Person;
import org.rubrica.directory.Unit;
import org.rubrica.drafting.internal.DraftLoader;
import org.rubrica.drafting.internal.OficioRow;
import org.rubrica.drafting.internal.RecipientRepository;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who an oficio goes to besides its addressee: more units or people it is addressed to, and copies. The addressee
 * is part of the draft's content (the template prints it); these are the envelope, set by the draft's owner.
 */
@Service
@Transactional
public class RecipientService {

    /** Enough for a circular to every unit of a large state government. */
    public static final int MAX_RECIPIENTS = 1000;

    private final RecipientRepository recipients;
    private final OficioService oficios;
    private final DraftLoader loader;
    private final Directory directory;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RecipientService(RecipientRepository recipients, OficioService oficios, DraftLoader loader, Directory directory,
                     CurrentActor currentActor, ApplicationEventPublisher events, Clock clock) {
        this.recipients = recipients;
        this.oficios = oficios;
        this.loader = loader;
        this.directory = directory;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Sets the recipients besides the addressee, for the draft's owner while it is a draft. A person is reached
     * through their own unit (whatever unit the caller gave). Repeats, and the addressee itself, are dropped;
     * someone both addressed and copied stays addressed.
     *
     * @throws InvalidInputException for an unknown or inactive unit or person, the sender's own unit as an
     *                               addressee, or more than {@link #MAX_RECIPIENTS}
     */
    public List<Recipient> setOthers(UUID oficioId, List<Recipient> others) {
        Actor actor = currentActor.require();
        OficioRow oficio = loader.lockOwned(oficioId, actor);
        if (others.size() > MAX_RECIPIENTS) {
            throw new InvalidInputException("oficio.recipients.too-many", "recipients", MAX_RECIPIENTS);
        }
        Map<String, Recipient> kept = new LinkedHashMap<>();
        for (Recipient given : others) {
            Recipient r = resolved(given);
            if (r.addressing() == Recipient.Addressing.TO && r.personId() == null
                    && r.unitId() == oficio.senderUnitId()) {
                throw new InvalidInputException("oficio.recipient.same-unit", "recipients");
            }
            if (r.personId() == null && r.unitId() == oficio.recipientUnitId()) {
                continue; // the addressee already receives it
            }
            String key = r.unitId() + "/" + r.personId();
            Recipient before = kept.get(key);
            if (before == null || before.addressing() == Recipient.Addressing.CC) {
                kept.put(key, before == null ? r : new Recipient(Recipient.Addressing.TO, r.unitId(), r.personId()));
            }
        }
        List<Recipient> list = new ArrayList<>(kept.values());
        if (!list.equals(recipients.of(oficioId))) {
            recipients.replace(oficioId, list);
            int addressed = (int) list.stream().filter(r -> r.addressing() == Recipient.Addressing.TO).count();
            events.publishEvent(new OficioEvents.RecipientsChanged(oficioId, actor.personId(), addressed,
                    list.size() - addressed, clock.instant()));
        }
        return list;
    }

    /**
     * The envelope in one go, as the recipients panel saves it: the recipients besides the addressee and whether
     * only the people named on it may see it. Either both are saved or neither.
     */
    public List<Recipient> setEnvelope(UUID oficioId, List<Recipient> others, boolean confidential) {
        List<Recipient> kept = setOthers(oficioId, others);
        oficios.setConfidential(oficioId, confidential);
        return kept;
    }

    /** The recipients besides the addressee, for whoever may see the oficio. */
    @Transactional(readOnly = true)
    public List<Recipient> others(UUID oficioId) {
        loader.visible(oficioId, currentActor.require());
        return recipients.of(oficioId);
    }

    /** Everyone the oficio goes to, addressee first, with names, for whoever may see it. */
    @Transactional(readOnly = true)
    public List<RecipientLine> lines(UUID oficioId) {
        OficioRow oficio = loader.visible(oficioId, currentActor.require());
        List<RecipientLine> lines = new ArrayList<>();
        lines.add(line(Recipient.to(oficio.recipientUnitId())));
        recipients.of(oficioId).forEach(r -> lines.add(line(r)));
        return lines;
    }

    private RecipientLine line(Recipient r) {
        Unit unit = directory.unit(r.unitId());
        String person = r.personId() == null ? null : directory.person(r.personId()).fullName();
        return new RecipientLine(r.addressing(), unit.id(), unit.code(), unit.name(), r.personId(), person);
    }

    private Recipient resolved(Recipient given) {
        if (given == null || given.addressing() == null) {
            throw new InvalidInputException("validation.required", "recipients");
        }
        if (given.personId() != null) {
            Person person = find(() -> directory.person(given.personId()));
            if (person == null || !person.active()) {
                throw new InvalidInputException("oficio.recipients.unknown-person", "recipients");
            }
            Unit unit = directory.unit(person.unitId());
            requireActive(unit);
            return new Recipient(given.addressing(), unit.id(), person.id());
        }
        Unit unit = find(() -> directory.unit(given.unitId()));
        if (unit == null) {
            throw new InvalidInputException("oficio.recipient.unknown", "recipients");
        }
        requireActive(unit);
        return given;
    }

    private static void requireActive(Unit unit) {
        if (!unit.active()) {
            throw new InvalidInputException("oficio.recipients.inactive", "recipients", unit.label());
        }
    }

    private static <T> T find(java.util.function.Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (NotFoundException e) {
            return null;
        }
    }
}
