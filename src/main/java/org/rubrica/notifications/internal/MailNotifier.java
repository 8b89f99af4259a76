package org.rubrica.notifications.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.rubrica.directory.Directory;
import org.rubrica.directory.Person;
import org.rubrica.notifications.Notification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Notifications by e-mail, when SMTP is configured ({@code spring.mail.host}): sent after the transaction that
 * caused them commits (nothing is mailed about what did not happen), on a worker thread (a slow mail server
 * does not hold up the person acting), at once or gathered in a daily digest, as each person prefers, with a
 * link to the oficio. A failed send is logged and the notification stays in the app.
 */
@Component
public class MailNotifier implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MailNotifier.class);
    private static final Locale SPANISH = Locale.forLanguageTag("es");

    private final ObjectProvider<JavaMailSender> mail;
    private final ThreadPoolTaskExecutor executor;
    private final NotificationRepository repository;
    private final Directory directory;
    private final MessageSource messages;
    private final String from;
    private final String baseUrl;

    MailNotifier(ObjectProvider<JavaMailSender> mail, NotificationRepository repository, Directory directory, MessageSource messages, @Value("${rubrica.mail.from:rubrica@localhost}") String from,
                 @Value("${rubrica.base-url:http://localhost:8080}") String baseUrl) {
        this.mail = mail;
        this.executor = NotificationExecutors.start("mail-", 2);
        this.repository = repository;
        this.directory = directory;
        this.messages = messages;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(Notifier.Stored stored) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender != null) {
            try {
                executor.execute(() -> sendNow(sender, stored));
            } catch (TaskRejectedException e) { // the queue is full: the mail server has been down a long while
                log.warn("notification {} not e-mailed: the mail queue is full", stored.notificationId());
            }
        }
    }

    @Override
    public void destroy() {
        executor.shutdown(); // what is queued gets its chance to go out
    }

    private void sendNow(JavaMailSender sender, Notifier.Stored stored) {
        if (!repository.emailPreference(stored.personId()).equals("IMMEDIATE")) {
            return;
        }
        Notification n = repository.find(stored.notificationId());
        String text = text(n);
        if (send(sender, stored.personId(), "Rubrica: " + text, text + "\n\n" + link(n))) {
            repository.markEmailed(List.of(n.id()));
        }
    }

    /** Once a day: one message per person who takes a digest, listing what they have not been mailed. */
    @Scheduled(cron = "${rubrica.mail.digest-cron:0 0 7 * * *}")
    public int sendDigests() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        Map<Long, List<Long>> byPerson = new LinkedHashMap<>();
        for (long id : repository.digestPending()) {
            byPerson.computeIfAbsent(repository.personOf(id), p -> new ArrayList<>()).add(id);
        }
        int sent = 0;
        for (var entry : byPerson.entrySet()) {
            StringBuilder body = new StringBuilder();
            for (long id : entry.getValue()) {
                Notification n = repository.find(id);
                body.append("• ").append(text(n)).append('\n').append("  ").append(link(n)).append("\n\n");
            }
            String subject = messages.getMessage("mail.digest.subject", new Object[] {entry.getValue().size()}, SPANISH);
            if (send(sender, entry.getKey(), subject, body.toString())) {
                repository.markEmailed(entry.getValue());
                sent++;
            }
        }
        return sent;
    }

    private boolean send(JavaMailSender sender, long personId, String subject, String body) {
        Person person = directory.person(personId);
        if (person.email() == null || person.email().isBlank() || !person.active()) {
            return false;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(person.email());
        message.setSubject(subject.length() > 150 ? subject.substring(0, 149) + "…" : subject);
        message.setText(body);
        try {
            sender.send(message);
            return true;
        } catch (MailException e) {
            log.warn("notification e-mail to person {} not sent: {}", personId, e.getClass().getSimpleName());
            return false;
        }
    }

    private String text(Notification n) {
        return messages.getMessage(n.messageKey(), new Object[] {n.actorName() == null ? "" : n.actorName(), n.detail()},
                SPANISH);
    }

    private String link(Notification n) {
        return n.oficioId() == null ? baseUrl + "/avisos" : baseUrl + "/oficios/" + n.oficioId();
    }
}
