package org.rubrica.audit;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.OptionalLong;
import java.util.UUID;

import org.rubrica.audit.internal.AuditLog;
import org.rubrica.drafting.OficioService;
import org.rubrica.shared.NotFoundException;
import org.rubrica.directory.Actor;
import org.rubrica.directory.CurrentActor;
import org.rubrica.directory.Directory;
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
    private final Directory directory;

    Trail(AuditLog log, OficioService oficios, CurrentActor currentActor, Directory directory) {
        this.log = log;
        this.oficios = oficios;
        this.currentActor = currentActor;
        this.directory = directory;
    }

    /**
     * The oficio's trail for whoever may see the oficio; what a receiving unit recorded about its own handling
     * (its assignments) only for that unit's people (and those of units below it), its receiving office and auditors.
     */
    public List<TrailEntry> of(UUID oficioId) {
        if (!oficios.canView(oficioId)) {
            throw new NotFoundException("oficio " + oficioId);
        }
        Actor actor = currentActor.require();
        if (actor.hasRole(Role.AUDITOR)) {
            return log.trail(oficioId, null);
        }
        Set<Long> scopes = new HashSet<>(directory.unitsReceivedBy(actor));
        scopes.addAll(directory.unitPath(actor.unitId()));
        return log.trail(oficioId, scopes);
    }

    /** The outcome of checking the whole chain: how many entries, and the first that does not match, if any. */
    public record ChainCheck(long entries, TrailEntry firstTampered) {

        public boolean intact() {
            return firstTampered == null;
        }
    }

    /** Recomputes every entry's hash in order, for auditors, and points at the first one that was altered. */
    public ChainCheck checkChain() {
        currentActor.requireRole(Role.AUDITOR);
        long entries = log.size();
        OptionalLong broken = log.firstBrokenEntry();
        return new ChainCheck(entries, broken.isPresent() ? log.entry(broken.getAsLong()).orElse(null) : null);
    }

    /** The id of the first entry whose hash does not match its content or its predecessor, if any. */
    public OptionalLong firstTamperedEntry() {
        currentActor.requireRole(Role.AUDITOR);
        return log.firstBrokenEntry();
    }
}
