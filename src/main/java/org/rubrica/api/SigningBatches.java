package org.rubrica.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

import org.rubrica.shared.NotFoundException;
import org.rubrica.signing.OficioSigning.BatchResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Batch signings started over the API, each on a thread of its own with the caller's identity, followed by their
 * progress. A batch is seen only by whoever started it, and forgotten an hour after it ends. They live in this
 * node's memory: a client polls the node that answered the start (or the batch is simply not found).
 */
@Component
class SigningBatches {

    private static final Logger log = LoggerFactory.getLogger(SigningBatches.class);
    static final Duration KEPT = Duration.ofHours(1);
    /** How long the start waits for the credential to open and the first oficio to be signed, to refuse bad input at once. */
    static final Duration FIRST_RESULT = Duration.ofSeconds(30);

    /** A batch as it stands: results in the order the oficios were signed. */
    static final class Batch {

        final UUID id = UUID.randomUUID();
        final long personId;
        final int total;
        final List<BatchResult> results = new CopyOnWriteArrayList<>();
        volatile boolean finished;
        volatile boolean failed;
        volatile Instant finishedAt;

        Batch(long personId, int total) {
            this.personId = personId;
            this.total = total;
        }
    }

    private final Map<UUID, Batch> batches = new ConcurrentHashMap<>();
    private final Clock clock;
    private final org.rubrica.directory.CurrentActor currentActor;

    SigningBatches(Clock clock, org.rubrica.directory.CurrentActor currentActor) {
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /**
     * Starts signing in the background and returns once the first oficio is done (or all are, or the credential
     * was refused: then the refusal is thrown here and no batch is kept).
     *
     * @param signing signs the pile, telling its consumer of each oficio as it ends
     */
    Batch start(long personId, int total, Function<Consumer<BatchResult>, List<BatchResult>> signing) {
        forgetOld();
        Batch batch = new Batch(personId, total);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Runnable work = () -> {
            try {
                signing.apply(result -> {
                    batch.results.add(result);
                    started.complete(null);
                });
            } catch (RuntimeException e) {
                if (!started.completeExceptionally(e)) {
                    batch.failed = true;
                    log.error("A signing batch stopped after {} of {}", batch.results.size(), batch.total, e);
                }
            } finally {
                batch.finishedAt = clock.instant();
                batch.finished = true;
                started.complete(null);
            }
        };
        batches.put(batch.id, batch);
        Thread.ofVirtual().name("api-batch-signing").start(currentActor.onBehalf(work));
        try {
            started.get(FIRST_RESULT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            batches.remove(batch.id);
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            // still opening or signing the first: the client follows it like any other
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return batch;
    }

    /** @throws NotFoundException when there is no such batch, or it is someone else's */
    Batch get(UUID id, long personId) {
        forgetOld();
        Batch batch = batches.get(id);
        if (batch == null || batch.personId != personId) {
            throw new NotFoundException("signing batch " + id);
        }
        return batch;
    }

    private void forgetOld() {
        Instant limit = clock.instant().minus(KEPT);
        batches.values().removeIf(b -> b.finished && b.finishedAt.isBefore(limit));
    }
}
