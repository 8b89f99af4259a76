package org.rubrica.drafting.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Instant;

import org.rubrica.directory.Directory;
import org.rubrica.directory.Person;
import org.rubrica.directory.Unit;
import org.rubrica.drafting.DraftContent;
import org.rubrica.templates.DocumentData;
import org.springframework.stereotype.Component;

/** Gathers what a template prints about an oficio: letterhead, recipient, content and author. */
@Component
public class DocumentAssembler {

    private final Directory directory;
    private final Clock clock;

    DocumentAssembler(Directory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** @param sentAt prints that day's date; {@code null} prints today's */
    public DocumentData assemble(long senderUnitId, long authorId, DraftContent content, Instant sentAt,
                                 String number, boolean draft) {
        Unit sender = directory.unit(senderUnitId);
        Unit agency = directory.agencyOf(senderUnitId);
        Person author = directory.person(authorId);
        Unit recipient = directory.unit(content.recipientUnitId());
        Person head = directory.head(recipient.id()).orElse(null);
        var institution = directory.institution();
        LocalDate date = sentAt == null ? LocalDate.now(clock) : LocalDate.ofInstant(sentAt, clock.getZone());
        return new DocumentData(institution.name(), agency.name(), sender.name(), sender.code(), institution.city(),
                date, number, head == null ? null : head.fullName(), head == null ? null : head.cargo(),
                recipient.name(), content.subject(), content.bodyHtml(), author.fullName(), author.cargo(),
                content.fields(), draft);
    }
}
