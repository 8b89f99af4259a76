package org.rubrica.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.rubrica.delivery.internal.ReceiptRepository;
import org.rubrica.delivery.internal.ReceivingOffice;
import org.rubrica.directory.CurrentActor;
import org.rubrica.directory.Directory;
import org.rubrica.directory.Person;
import org.rubrica.directory.Unit;
import org.rubrica.drafting.OficioDetails;
import org.rubrica.drafting.OficioService;
import org.rubrica.shared.ContentHash;
import org.rubrica.shared.DocumentSeal;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.NotFoundException;
import org.rubrica.templates.DocumentData;
import org.rubrica.templates.DocumentRenderer;
import org.rubrica.templates.TemplateCatalog;
import org.rubrica.templates.TemplateVersion;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The receiving office registers an oficio's receipt: the unit's next entry number of the year (folio de entrada)
 * and, from the acuse template, an acknowledgement sealed with the institution's seal, which goes back to the
 * sender's trail. Registering is idempotent: again, it gives the same number (and makes the acknowledgement if an
 * earlier attempt could not). The number is taken in a short transaction; the acknowledgement is rendered and
 * sealed outside it, so a slow PDF never holds the unit's series.
 */
@Service
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public class ReceiptService {

    static final String ACUSE_TEMPLATE = "acuse";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final ReceiptRepository receipts;
    private final ReceivingOffice office;
    private final OficioService oficios;
    private final CurrentActor currentActor;
    private final Directory directory;
    private final TemplateCatalog templates;
    private final DocumentRenderer renderer;
    private final DocumentSeal seal;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ReceiptService(ReceiptRepository receipts, ReceivingOffice office, OficioService oficios,
                   CurrentActor currentActor, Directory directory, TemplateCatalog templates,
                   DocumentRenderer renderer, DocumentSeal seal, ApplicationEventPublisher events,
                   PlatformTransactionManager transactions, Clock clock) {
        this.receipts = receipts;
        this.office = office;
        this.oficios = oficios;
        this.currentActor = currentActor;
        this.directory = directory;
        this.templates = templates;
        this.renderer = renderer;
        this.seal = seal;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Registers the unit's receipt of the oficio, for its receiving office or head.
     *
     * @throws InvalidInputException when the sender annulled it
     */
    public Receipt register(UUID oficioId, long unitId) {
        Registered registered = transaction.execute(status -> number(oficioId, unitId));
        if (!registered.state().acknowledged()) {
            byte[] pdf = seal.seal(acknowledgement(registered), "Acuse de recibo " + registered.state().entryNumber());
            String sha256 = ContentHash.ofBytes(pdf);
            transaction.executeWithoutResult(status -> {
                if (receipts.storeAcknowledgement(oficioId, unitId, pdf, sha256, clock.instant())) {
                    events.publishEvent(new DeliveryEvents.Acknowledged(oficioId, unitId,
                            registered.state().entryNumber(), sha256, clock.instant()));
                }
            });
        }
        return receipt(oficioId, receipts.of(oficioId).stream().filter(s -> s.unitId() == unitId).findFirst()
                .orElseThrow());
    }

    /** The entry numbered (once) and locked meanwhile; the oficio as the receiving person sees it. */
    private record Registered(ReceiptRepository.EntryState state, OficioDetails oficio) {
    }

    private Registered number(UUID oficioId, long unitId) {
        ReceivingOffice.Receiving receiving = office.check(oficioId, unitId);
        ReceiptRepository.EntryState state = receipts.lock(oficioId, unitId).orElseThrow(
                () -> new NotFoundException("oficio " + oficioId + " in the inbox of " + unitId));
        if (state.entryNumber() != null) {
            return new Registered(state, receiving.oficio());
        }
        if (state.annulled()) {
            throw new InvalidInputException("delivery.receipt.annulled", "oficio");
        }
        Instant now = clock.instant();
        int year = LocalDate.ofInstant(now, zone()).getYear();
        Unit unit = directory.unit(unitId);
        String number = "%s/E-%04d/%d".formatted(unit.code(), receipts.nextInSeries(unitId, year), year);
        receipts.markReceived(oficioId, unitId, number, receiving.actor().personId(), now);
        events.publishEvent(new DeliveryEvents.Received(oficioId, unitId, number, receiving.actor().personId(), now));
        return new Registered(new ReceiptRepository.EntryState(unitId, state.addressing(), state.attention(),
                state.deliveredAt(), number, now, receiving.actor().personId(), state.readAt(), state.readBy(), false,
                false, state.answeredAt(), state.archivedAt()), receiving.oficio());
    }

    /** The acuse de recibo: from the receiving unit to the sender, citing the oficio and its entry number. */
    private byte[] acknowledgement(Registered r) {
        TemplateVersion acuse = templates.publishedVersion(ACUSE_TEMPLATE);
        OficioDetails oficio = r.oficio();
        Unit unit = directory.unit(r.state().unitId());
        Person author = directory.person(oficio.authorId());
        Person receiver = directory.person(r.state().receivedBy()); // who registered it, on a retry too
        Instant received = r.state().receivedAt();
        Map<String, String> fields = new HashMap<>();
        fields.put("folio_entrada", r.state().entryNumber());
        fields.put("fecha_recepcion", LocalDate.ofInstant(received, zone()).toString());
        fields.put("hora_recepcion", TIME.format(received.atZone(zone())));
        fields.put("oficio_recibido_numero", oficio.number() == null ? "—" : oficio.number());
        if (oficio.sentAt() != null) {
            fields.put("oficio_recibido_fecha", LocalDate.ofInstant(oficio.sentAt(), zone()).toString());
        }
        fields.put("oficio_recibido_asunto", oficio.subject());
        fields.put("oficina_receptora", unit.name());
        var institution = directory.institution();
        DocumentData data = new DocumentData(institution.name(), directory.agencyOf(unit.id()).name(), unit.name(),
                unit.code(), institution.city(), LocalDate.ofInstant(received, zone()), r.state().entryNumber(),
                author.fullName(), author.cargo(), oficio.senderUnitName(),
                "Acuse de recibo del oficio " + fields.get("oficio_recibido_numero"), acuse.defaultBodyHtml(),
                receiver.fullName(), receiver.cargo(), fields, false)
                .signed(null, null, List.of(new DocumentData.SignerLine(receiver.fullName(), receiver.cargo())));
        return renderer.toPdf(acuse.id(), data);
    }

    /**
     * The oficio's registered receipts the current person may see: all of them on its sending side (its author,
     * the sender unit's people, auditors); a recipient only its own units'.
     */
    @Transactional(readOnly = true)
    public List<Receipt> receipts(UUID oficioId) {
        java.util.function.LongPredicate visible = visibleUnits(oficioId);
        return receipts.of(oficioId).stream().filter(s -> s.entryNumber() != null && visible.test(s.unitId()))
                .map(s -> receipt(oficioId, s)).toList();
    }

    /** A unit's sealed acknowledgement of the oficio, for whoever may see that receipt. */
    @Transactional(readOnly = true)
    public Optional<byte[]> acknowledgementPdf(UUID oficioId, long unitId) {
        return visibleUnits(oficioId).test(unitId) ? receipts.acknowledgement(oficioId, unitId) : Optional.empty();
    }

    private java.util.function.LongPredicate visibleUnits(UUID oficioId) {
        OficioDetails oficio = oficios.get(oficioId); // refuses, as not found, whoever may not see it
        if (office.isSendingSide(oficio)) {
            return unit -> true;
        }
        java.util.Set<Long> mine = directory.unitsReceivedBy(currentActor.require());
        return mine::contains;
    }

    private Receipt receipt(UUID oficioId, ReceiptRepository.EntryState s) {
        return new Receipt(oficioId, s.unitId(), directory.unit(s.unitId()).name(), s.entryNumber(), s.receivedAt(),
                s.receivedBy() == null ? null : directory.person(s.receivedBy()).fullName(), s.acknowledged());
    }

    private ZoneId zone() {
        return clock.getZone();
    }
}
