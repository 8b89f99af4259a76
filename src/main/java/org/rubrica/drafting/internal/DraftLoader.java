package org.rubrica.drafting.internal;

import java.util.UUID;

import org.rubrica.directory.Actor;
import org.rubrica.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** Loads an oficio for a person: one they may not see answers exactly like a missing one, so ids cannot be probed. */
@Component
public class DraftLoader {

    public static final int NOTE_MAX = 500;

    private final OficioRepository oficios;
    private final OficioAccess access;

    DraftLoader(OficioRepository oficios, OficioAccess access) {
        this.oficios = oficios;
        this.access = access;
    }

    public OficioRow visible(UUID id, Actor actor) {
        return oficios.find(id).filter(o -> access.canView(actor, o))
                .orElseThrow(() -> new NotFoundException("oficio " + id));
    }

    /** Visible, and its review open to the person (author, invited, auditor); refused otherwise. */
    public OficioRow reviewable(UUID id, Actor actor) {
        OficioRow oficio = visible(id, actor);
        if (!access.canReview(actor, oficio)) {
            throw new AccessDeniedException(actor.username() + " takes no part in the review of " + id);
        }
        return oficio;
    }

    /** Locked, and the person's own draft while it is one (they edit it, decide on it, invite to it). */
    public OficioRow lockOwned(UUID id, Actor actor) {
        OficioRow oficio = lockVisible(id, actor);
        if (!access.canEdit(actor, oficio)) {
            throw new AccessDeniedException(actor.username() + " does not own draft " + id);
        }
        return oficio;
    }

    /** Whether the person may edit the draft now (visible, theirs, a draft); nothing is locked. */
    public boolean canEdit(UUID id, Actor actor) {
        return access.canEdit(actor, visible(id, actor));
    }

    /** Revision notes: optional, trimmed, bounded. */
    public static String note(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        if (note.strip().length() > NOTE_MAX) {
            throw new org.rubrica.shared.InvalidInputException("validation.too-long", "note");
        }
        return note.strip();
    }

    /** Visible, and locked until the transaction ends. */
    public OficioRow lockVisible(UUID id, Actor actor) {
        visible(id, actor); // never lock rows the person may not see
        return oficios.lock(id).orElseThrow(() -> new NotFoundException("oficio " + id));
    }
}
