package org.rubrica.delivery;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.rubrica.delivery.internal.AssignmentRepository;
import org.rubrica.delivery.internal.InboxRepository;
import org.rubrica.delivery.internal.ReceiptRepository;
import org.rubrica.delivery.internal.ReceivingOffice;
import org.rubrica.directory.CurrentActor;
import org.rubrica.directory.Directory;
import org.rubrica.drafting.OficioDetails;
import org.rubrica.drafting.OficioService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a person sent, and how far each oficio got with each recipient: read, registered, assigned. */
@Service
@Transactional(readOnly = true)
public class Outbox {

    static final int LIMIT = 500;

    private final InboxRepository inbox;
    private final ReceiptRepository entries;
    private final AssignmentRepository assignments;
    private final ReceivingOffice office;
    private final OficioService oficios;
    private final Directory directory;
    private final CurrentActor currentActor;

    Outbox(InboxRepository inbox, ReceiptRepository entries, AssignmentRepository assignments, ReceivingOffice office, OficioService oficios,
           Directory directory, CurrentActor currentActor) {
        this.inbox = inbox;
        this.entries = entries;
        this.assignments = assignments;
        this.office = office;
        this.oficios = oficios;
        this.directory = directory;
        this.currentActor = currentActor;
    }

    /** The current person's sent oficios, newest first. */
    public List<SentItem> mine() {
        return inbox.sentBy(currentActor.require().personId(), LIMIT);
    }

    /** Whether the current person follows the oficio's recipients: its sending side, once it was sent. */
    public boolean follows(UUID oficioId) {
        OficioDetails oficio = oficios.get(oficioId);
        return oficio.sentAt() != null && office.isSendingSide(oficio);
    }

    /**
     * Each recipient unit's progress with the oficio, for its sending side; who inside a unit it was assigned to
     * stays with that unit.
     *
     * @throws AccessDeniedException for anyone else who may see the oficio (a recipient)
     */
    public List<RecipientStatus> statusOf(UUID oficioId) {
        if (!office.isSendingSide(oficios.get(oficioId))) {
            throw new AccessDeniedException("only the sending side follows every recipient");
        }
        Set<Long> assigned = assignments.of(oficioId).stream().map(Assignment::unitId).collect(Collectors.toSet());
        return entries.of(oficioId).stream().map(e -> new RecipientStatus(e.unitId(),
                directory.unit(e.unitId()).label(), e.addressing(),
                e.attention().stream().map(p -> directory.person(p).fullName()).toList(), e.deliveredAt(), e.readAt(),
                e.readBy() == null ? null : directory.person(e.readBy()).fullName(), e.entryNumber(), e.receivedAt(),
                e.acknowledged(), e.stage(assigned.contains(e.unitId())))).toList();
    }
}
