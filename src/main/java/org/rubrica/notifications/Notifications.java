package org.rubrica.notifications;

import java.util.List;

import org.rubrica.directory.CurrentActor;
import org.rubrica.notifications.internal.NotificationRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The current person's notifications: newest first, how many are unread, and marking them read. */
@Service
@Transactional
public class Notifications {

    private static final int LIST_LIMIT = 100;

    private final NotificationRepository repository;
    private final CurrentActor currentActor;

    Notifications(NotificationRepository repository, CurrentActor currentActor) {
        this.repository = repository;
        this.currentActor = currentActor;
    }

    @Transactional(readOnly = true)
    public List<Notification> mine() {
        return repository.of(currentActor.require().personId(), LIST_LIMIT);
    }

    @Transactional(readOnly = true)
    public int unreadCount() {
        return repository.unreadCount(currentActor.require().personId());
    }

    /** Only the person's own notifications: anyone else's id changes nothing. */
    public void markRead(long id) {
        repository.markRead(currentActor.require().personId(), id);
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
        repository.markAllRead(currentActor.require().personId());
    }
}
