package org.rubrica.notifications.internal;

import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Threads of their own for what notifications do after a commit: a slow or hanging mail server must not hold up
 * the live bell, nor the application's shared executor. Not beans (Spring Boot's own executor backs off when an
 * application defines any): each owner starts its executor and shuts it down with itself.
 */
final class NotificationExecutors {

    private NotificationExecutors() {
    }

    /** {@code threads} workers and a bounded queue; what is still queued at shutdown gets 30 s to finish. */
    static ThreadPoolTaskExecutor start(String prefix, int threads) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix(prefix);
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setQueueCapacity(10_000);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(30);
        executor.initialize();
        return executor;
    }
}
