package org.rubrica.drafting.internal;

import java.util.UUID;

import org.rubrica.directory.Actor;
import org.rubrica.shared.NotFoundException;
import org.springframework.stereotype.Component;

/** Loads an oficio for a person: one they may not see answers exactly like a missing one, so ids cannot be probed. */
@Component
public class DraftLoader {

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

    /** Visible, and locked until the transaction ends. */
    public OficioRow lockVisible(UUID id, Actor actor) {
        visible(id, actor); // never lock rows the person may not see
        return oficios.lock(id).orElseThrow(() -> new NotFoundException("oficio " + id));
    }
}
