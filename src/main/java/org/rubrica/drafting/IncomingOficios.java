package org.rubrica.drafting;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.rubrica.directory.Directory;
import org.rubrica.drafting.internal.OficioRepository;
import org.rubrica.drafting.internal.OficioRow;
import org.rubrica.templates.TemplateCatalog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Oficios that arrive from another installation: recorded here as sent by the unit of this directory that stands
 * for their sender, with their number, kind and subject, so the recipient unit's inbox, the receiving office and
 * the trail treat them like any other. Their content is their signed PDF (kept by signing); there is no draft.
 * The caller (the exchange) has checked the envelope's signature and its sender; no person acts.
 */
@Service
@Transactional
public class IncomingOficios {

    static final int SUBJECT_MAX = 250;

    private final OficioRepository oficios;
    private final org.rubrica.drafting.internal.AnnexRepository annexes;
    private final TemplateCatalog templates;
    private final Directory directory;
    private final Clock clock;

    IncomingOficios(OficioRepository oficios, org.rubrica.drafting.internal.AnnexRepository annexes,
                    TemplateCatalog templates, Directory directory, Clock clock) {
        this.oficios = oficios;
        this.annexes = annexes;
        this.templates = templates;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * What the envelope says of the oficio, with the units and author of this directory that stand for its side,
     * and its annexes (checked against the envelope's SHA-256 by the exchange).
     */
    public record Incoming(String kind, String number, String subject, boolean confidential, long senderUnitId,
                           long authorId, long recipientUnitId, Instant sentAt, List<IncomingAnnex> annexes) {

        public Incoming {
            annexes = List.copyOf(annexes);
        }
    }

    /** An annex as it came: its name (cut to what an annex name holds), media type, bytes and SHA-256. */
    public record IncomingAnnex(String fileName, String mediaType, byte[] content, String sha256) {
    }

    /** Records it, sent to the recipient unit; returns it as sent, for delivery. */
    public SentOficio record(Incoming in) {
        UUID id = UUID.randomUUID();
        String subject = cut(in.subject(), SUBJECT_MAX);
        // the template only names the kind of document here: the content is the sender's signed PDF
        long template = templates.publishedVersion("oficio").id();
        oficios.insert(new OficioRow(id, template, in.kind(), in.senderUnitId(), in.authorId(), in.recipientUnitId(),
                subject, "", Map.of(), OficioStatus.SENT, null, in.sentAt(), clock.instant(), in.sentAt(), 0,
                Priority.NORMAL, in.confidential()));
        oficios.recordReceived(id, in.number(), in.sentAt());
        for (IncomingAnnex annex : in.annexes()) {
            annexes.insert(id, cut(annex.fileName(), 200), cut(annex.mediaType(), 120), annex.content(),
                    annex.sha256().toLowerCase(java.util.Locale.ROOT), in.authorId(), in.sentAt());
        }
        return new SentOficio(id, in.kind(), in.number(), subject, in.senderUnitId(),
                directory.unit(in.senderUnitId()).name(), in.authorId(), directory.person(in.authorId()).fullName(),
                List.of(Recipient.to(in.recipientUnitId())), in.confidential(), in.sentAt());
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
