package org.rubrica.drafting;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.rubrica.directory.Actor;
import org.rubrica.directory.CurrentActor;
import org.rubrica.drafting.internal.AnnexRepository;
import org.rubrica.drafting.internal.AnnexTypes;
import org.rubrica.drafting.internal.DraftLoader;
import org.rubrica.shared.ContentHash;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files annexed to an oficio. Its owner adds and removes them while it is a draft; each is checked for its type
 * (from its content), its size and by the virus scanners before it is stored, or not stored at all. Whoever may
 * see the oficio lists and downloads them; the signed PDF prints each one's name and SHA-256.
 */
@Service
@Transactional
public class AnnexService {

    public static final int NAME_MAX = 200;

    private final AnnexRepository annexes;
    private final DraftLoader loader;
    private final List<AnnexScanner> scanners;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Limits limits;
    private final TransactionTemplate transaction;

    /** How much one oficio may carry. */
    public record Limits(int maxFiles, long maxFileBytes, long maxTotalBytes) {
    }

    AnnexService(AnnexRepository annexes, DraftLoader loader, List<AnnexScanner> scanners, CurrentActor currentActor,
                 ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions,
                 @Value("${rubrica.annexes.max-files:20}") int maxFiles,
                 @Value("${rubrica.annexes.max-file-size:20MB}") org.springframework.util.unit.DataSize maxFile,
                 @Value("${rubrica.annexes.max-total-size:50MB}") org.springframework.util.unit.DataSize maxTotal) {
        this.annexes = annexes;
        this.loader = loader;
        this.scanners = scanners;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
        this.limits = new Limits(maxFiles, maxFile.toBytes(), maxTotal.toBytes());
        this.transaction = new TransactionTemplate(transactions);
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Annexes a file to the current person's draft. The file is checked (name, size, type from its content, macros)
     * and scanned before anything is locked or stored: a slow scanner holds no connection and no draft.
     *
     * @throws InvalidInputException for a missing or too long name, an empty or too large file, one too many, a type
     *                               Rubrica does not take (or a name that lies about it), macros, a name already used,
     *                               or a threat found by a scanner; nothing is stored then
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Annex add(UUID oficioId, String fileName, byte[] content) {
        Actor actor = currentActor.require();
        if (!loader.canEdit(oficioId, actor)) {
            throw new AccessDeniedException(actor.username() + " does not own draft " + oficioId);
        }
        String name = fileName == null ? "" : fileName.strip().replaceAll("[\\\\/\\p{C}]", "_");
        if (name.isEmpty() || name.length() > NAME_MAX) {
            throw new InvalidInputException("annex.name", "file", NAME_MAX);
        }
        if (content == null || content.length == 0) {
            throw new InvalidInputException("annex.empty", "file", name);
        }
        if (content.length > limits.maxFileBytes()) {
            throw new InvalidInputException("annex.too-large", "file", name, limits.maxFileBytes() / (1024 * 1024));
        }
        String type = AnnexTypes.detect(name, content)
                .orElseThrow(() -> new InvalidInputException("annex.type", "file", name));
        if (AnnexTypes.hasMacros(content)) {
            throw new InvalidInputException("annex.macros", "file", name);
        }
        for (AnnexScanner scanner : scanners) {
            Optional<String> threat = scanner.threat(name, content);
            if (threat.isPresent()) {
                throw new InvalidInputException("annex.threat", "file", name, threat.get());
            }
        }
        String sha256 = ContentHash.ofBytes(content);
        return transaction.execute(status -> store(oficioId, actor, name, type, content, sha256));
    }

    /** Stores a checked file, under the draft's lock: the count, total and name rules hold against concurrent adds. */
    private Annex store(UUID oficioId, Actor actor, String name, String type, byte[] content, String sha256) {
        loader.lockOwned(oficioId, actor);
        List<Annex> present = annexes.of(oficioId);
        if (present.size() >= limits.maxFiles()) {
            throw new InvalidInputException("annex.too-many", "file", limits.maxFiles());
        }
        if (annexes.totalBytes(oficioId) + content.length > limits.maxTotalBytes()) {
            throw new InvalidInputException("annex.total-too-large", "file", limits.maxTotalBytes() / (1024 * 1024));
        }
        if (present.stream().anyMatch(a -> a.fileName().equalsIgnoreCase(name))) {
            throw new InvalidInputException("annex.name-taken", "file", name);
        }
        Instant now = clock.instant();
        long id = annexes.insert(oficioId, name, type, content, sha256, actor.personId(), now);
        events.publishEvent(new OficioEvents.AnnexAdded(oficioId, actor.personId(), name, sha256, now));
        return new Annex(id, name, type, content.length, sha256, actor.fullName(), now);
    }

    /** Takes an annex off the current person's draft. */
    public void remove(UUID oficioId, long annexId) {
        Actor actor = currentActor.require();
        loader.lockOwned(oficioId, actor);
        String name = annexes.name(oficioId, annexId).orElseThrow(() -> new NotFoundException("annex " + annexId));
        annexes.delete(oficioId, annexId);
        events.publishEvent(new OficioEvents.AnnexRemoved(oficioId, actor.personId(), name, clock.instant()));
    }

    /** The oficio's annexes, for whoever may see it. */
    @Transactional(readOnly = true)
    public List<Annex> list(UUID oficioId) {
        loader.visible(oficioId, currentActor.require());
        return annexes.of(oficioId);
    }

    /** One annex's content, for whoever may see the oficio. */
    @Transactional(readOnly = true)
    public byte[] content(UUID oficioId, long annexId) {
        loader.visible(oficioId, currentActor.require());
        return annexes.content(oficioId, annexId).orElseThrow(() -> new NotFoundException("annex " + annexId));
    }
}
