package org.rubrica.notifications.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.IntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Open pages that show a person's unread count (the bell), told the new count once a change commits: a
 * notification stored, or some read. The count is read on one worker thread, outside the committed transaction
 * (the request that caused it does not wait) and in commit order, so an older count never replaces a newer one.
 * Watchers live in this JVM: one node, or one per sticky session.
 */
@Component
public class UnreadWatchers implements DisposableBean {

    /** Some of a person's notifications were marked read. */
    public record Read(long personId) {
    }

    private static final Logger log = LoggerFactory.getLogger(UnreadWatchers.class);

    private final Map<Long, Set<IntConsumer>> byPerson = new ConcurrentHashMap<>();
    private final Set<Long> queued = ConcurrentHashMap.newKeySet();
    private final NotificationRepository repository;
    private final ThreadPoolTaskExecutor executor;

    UnreadWatchers(NotificationRepository repository) {
        this.repository = repository;
        this.executor = NotificationExecutors.start("bell-", 1);
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }

    /** Calls the watcher with each new count until the returned action is run. */
    public Runnable watch(long personId, IntConsumer watcher) {
        byPerson.compute(personId, (p, watchers) -> { // atomic with a removal for the same person
            Set<IntConsumer> set = watchers == null ? new CopyOnWriteArraySet<>() : watchers;
            set.add(watcher);
            return set;
        });
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
        if (!byPerson.containsKey(personId) || !queued.add(personId)) {
            return; // nobody watching, or a count for them is already queued (it will read the newest)
        }
        executor.execute(() -> {
            queued.remove(personId);
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
