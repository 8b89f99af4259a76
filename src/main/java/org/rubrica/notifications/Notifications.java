package org.rubrica.notifications;

import java.util.List;
import java.util.function.IntConsumer;

import org.rubrica.directory.CurrentActor;
import org.rubrica.notifications.internal.NotificationRepository;
import org.rubrica.notifications.internal.UnreadWatchers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The current person's notifications: newest first, how many are unread, and marking them read. */
@Service
@Transactional
public class Notifications {

    private static final int LIST_LIMIT = 100;

    private final NotificationRepository repository;
    private final CurrentActor currentActor;
    private final UnreadWatchers watchers;
    private final ApplicationEventPublisher events;

    Notifications(NotificationRepository repository, CurrentActor currentActor, UnreadWatchers watchers,
                  ApplicationEventPublisher events) {
        this.repository = repository;
        this.currentActor = currentActor;
        this.watchers = watchers;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<Notification> mine() {
        return repository.of(currentActor.require().personId(), LIST_LIMIT);
    }

    @Transactional(readOnly = true)
    public int unreadCount() {
        return repository.unreadCount(currentActor.require().personId());
    }

    /**
     * Tells the listener the current person's unread count each time it changes (from another thread, once the
     * change commits), until the returned action is run: how an open page keeps its bell live.
     */
    public Runnable watchUnread(IntConsumer listener) {
        return watchers.watch(currentActor.require().personId(), listener);
    }

    /** Only the person's own notifications: anyone else's id changes nothing. */
    public void markRead(long id) {
        long personId = currentActor.require().personId();
        repository.markRead(personId, id);
        events.publishEvent(new UnreadWatchers.Read(personId));
    }

    /** How the current person wants e-mail: IMMEDIATE (default), DIGEST (once a day) or OFF. */
    @Transactional(readOnly = true)
    public EmailMode emailMode() {
        return EmailMode.valueOf(repository.emailPreference(currentActor.require().personId()));
    }

    public void setEmailMode(EmailMode mode) {
        repository.setEmailPreference(currentActor.require().personId(), (mode == null ? EmailMode.IMMEDIATE : mode).name());
    }

    public enum EmailMode { IMMEDIATE, DIGEST, OFF }

    public void markAllRead() {
        long personId = currentActor.require().personId();
        repository.markAllRead(personId);
        events.publishEvent(new UnreadWatchers.Read(personId));
    }
}
