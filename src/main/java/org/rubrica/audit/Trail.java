package org.rubrica.audit;

import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import org.rubrica.audit.internal.AuditLog;
import org.rubrica.drafting.OficioService;
import org.rubrica.shared.NotFoundException;
import org.rubrica.directory.CurrentActor;
import org.rubrica.directory.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit log: an oficio's trail for those who may see the oficio, the chain check for auditors. */
@Service
@Transactional(readOnly = true)
public class Trail {

    private final AuditLog log;
    private final OficioService oficios;
    private final CurrentActor currentActor;

    Trail(AuditLog log, OficioService oficios, CurrentActor currentActor) {
        this.log = log;
        this.oficios = oficios;
        this.currentActor = currentActor;
    }

    public List<TrailEntry> of(UUID oficioId) {
        if (!oficios.canView(oficioId)) {
            throw new NotFoundException("oficio " + oficioId);
        }
        return log.trail(oficioId);
    }

    /** The id of the first entry whose hash does not match its content or its predecessor, if any. */
    public OptionalLong firstTamperedEntry() {
        currentActor.requireRole(Role.AUDITOR);
        return log.firstBrokenEntry();
    }
}
