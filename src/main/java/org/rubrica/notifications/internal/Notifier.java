package org.rubrica.notifications.internal;

import java.time.Instant;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Stores a notification and announces it, so e-mail can follow once the transaction that caused it commits. */
@Component
class Notifier {

    /** A notification was stored; e-mail listens after commit. */
    record Stored(long notificationId, long personId) {
    }

    private final NotificationRepository repository;
    private final ApplicationEventPublisher events;

    Notifier(NotificationRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    void notify(long personId, String kind, UUID oficioId, Long actorId, String detail, Instant at) {
        long id = repository.insert(personId, kind, oficioId, actorId, detail, at);
        events.publishEvent(new Stored(id, personId));
    }
}
