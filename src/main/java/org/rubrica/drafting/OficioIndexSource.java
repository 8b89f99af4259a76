package org.rubrica.drafting;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.rubrica.directory.Directory;
import org.rubrica.directory.Unit;
import org.rubrica.drafting.internal.AnnexRepository;
import org.rubrica.drafting.internal.InvitationRepository;
import org.rubrica.drafting.internal.OficioRepository;
import org.rubrica.drafting.internal.OficioRow;
import org.rubrica.drafting.internal.RecipientRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads oficios for the search index, with no person acting: the index stores who may find each one and the search
 * service filters by it (and checks each result again as the person), so nothing read here reaches anyone who may
 * not see it. Not for views.
 */
@Service
@Transactional(readOnly = true)
public class OficioIndexSource {

    private final OficioRepository oficios;
    private final RecipientRepository recipients;
    private final InvitationRepository invitations;
    private final AnnexRepository annexes;
    private final Directory directory;

    OficioIndexSource(OficioRepository oficios, RecipientRepository recipients, InvitationRepository invitations,
                      AnnexRepository annexes, Directory directory) {
        this.annexes = annexes;
        this.oficios = oficios;
        this.recipients = recipients;
        this.invitations = invitations;
        this.directory = directory;
    }

    public Optional<IndexedOficio> read(UUID id) {
        return oficios.find(id).map(this::indexed);
    }

    /** A page of every oficio's id, in id order after {@code after} (null: the first page). */
    public List<UUID> ids(UUID after, int limit) {
        return oficios.idsAfter(after, limit);
    }

    private IndexedOficio indexed(OficioRow o) {
        List<Long> units = new ArrayList<>(List.of(o.recipientUnitId()));
        List<Long> people = new ArrayList<>();
        for (Recipient r : recipients.of(o.id())) {
            if (!units.contains(r.unitId())) {
                units.add(r.unitId());
            }
            if (r.personId() != null) {
                people.add(r.personId());
            }
        }
        invitations.of(o.id()).forEach(i -> people.add(i.personId()));
        List<String> labels = new ArrayList<>();
        for (long unit : units) {
            labels.add(directory.unit(unit).label());
        }
        for (long person : people) {
            labels.add(directory.person(person).fullName());
        }
        Unit sender = directory.unit(o.senderUnitId());
        return new IndexedOficio(o.id(), o.kind(), o.status(), o.number(), o.subject(),
                Jsoup.parse(o.bodyHtml()).text(), sender.id(), sender.label(), o.authorId(),
                directory.person(o.authorId()).fullName(), units, labels, people.stream().distinct().toList(),
                annexes.of(o.id()).stream().map(Annex::fileName).toList(), o.confidential(), o.createdAt(),
                o.sentAt());
    }
}
