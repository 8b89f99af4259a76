package org.rubrica.notifications.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.IntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Open pages that show a person's unread count (the bell), told the new count once a change commits: a
 * notification stored, or some read. The count is read on a worker thread, outside the committed transaction,
 * so the request that caused it does not wait. Watchers live in this JVM: one node, or one per sticky session.
 */
@Component
public class UnreadWatchers {

    /** Some of a person's notifications were marked read. */
    public record Read(long personId) {
    }

    private static final Logger log = LoggerFactory.getLogger(UnreadWatchers.class);

    private final Map<Long, Set<IntConsumer>> byPerson = new ConcurrentHashMap<>();
    private final NotificationRepository repository;
    private final TaskExecutor executor;

    UnreadWatchers(NotificationRepository repository, @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.repository = repository;
        this.executor = executor;
    }

    /** Calls the watcher with each new count until the returned action is run. */
    public Runnable watch(long personId, IntConsumer watcher) {
        byPerson.computeIfAbsent(personId, p -> new CopyOnWriteArraySet<>()).add(watcher);
        return () -> byPerson.computeIfPresent(personId, (p, watchers) -> {
            watchers.remove(watcher);
            return watchers.isEmpty() ? null : watchers;
        });
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(Notifier.Stored stored) {
        changed(stored.personId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(Read read) {
        changed(read.personId());
    }

    private void changed(long personId) {
        if (!byPerson.containsKey(personId)) {
            return;
        }
        executor.execute(() -> {
            int unread = repository.unreadCount(personId);
            for (IntConsumer watcher : byPerson.getOrDefault(personId, Set.of())) {
                try {
                    watcher.accept(unread);
                } catch (RuntimeException e) { // a closed page must not keep the others from hearing
                    log.debug("unread watcher of person {} failed: {}", personId, e.toString());
                }
            }
        });
    }
}
