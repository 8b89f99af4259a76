package org.rubrica.delivery.ui;

import java.util.List;
import java.util.UUID;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import org.rubrica.delivery.DeliveryService;
import org.rubrica.delivery.Outbox;
import org.rubrica.delivery.Receipt;
import org.rubrica.delivery.ReceiptService;
import org.rubrica.delivery.RecipientStatus;
import org.rubrica.directory.Directory;
import org.rubrica.directory.Unit;
import org.rubrica.shared.ui.Formats;
import org.rubrica.shared.ui.Notices;

/**
 * A delivered oficio's receipt on its page. The receiving office registers it (entry number and sealed
 * acknowledgement), downloads the acknowledgement, forwards it to another unit or archives it; the sending side follows every recipient: read, registered,
 * assigned, with each acknowledgement to download.
 */
public class ReceiptPanel extends Div {

    private final ReceiptService receipts;
    private final UUID oficioId;
    private final Runnable onChange;

    public ReceiptPanel(ReceiptService receipts, DeliveryService delivery, Outbox outbox, Directory directory,
                        UUID oficioId, Runnable onChange) {
        this.receipts = receipts;
        this.oficioId = oficioId;
        this.onChange = onChange;
        setId("receipt-panel");
        addClassName("receipt-panel");
        List<Long> receiving = delivery.assignableUnits(oficioId);
        if (outbox.follows(oficioId)) {
            add(new H3(getTranslation("delivery.status.title")));
            outbox.statusOf(oficioId).forEach(s -> add(statusLine(s)));
        }
        if (!receiving.isEmpty()) {
            add(new H3(getTranslation("receipt.title")));
            List<Receipt> registered = receipts.receipts(oficioId);
            for (long unit : receiving) {
                registered.stream().filter(r -> r.unitId() == unit).findFirst().ifPresentOrElse(
                        r -> add(receiptLine(r)),
                        () -> add(registerButton(unit, directory.unit(unit).label(), receiving.size() > 1)));
                add(handling(delivery, directory, unit));
            }
        }
        setVisible(getChildren().findAny().isPresent());
    }

    private Div statusLine(RecipientStatus s) {
        String stage = getTranslation(s.stage().messageKey());
        var line = new Div(new Span(s.unitLabel() + (s.addressing().name().equals("CC") ? " (c.c.p.)" : "")),
                new Span(" — " + stage));
        if (s.entryNumber() != null) {
            line.add(new Span(" · " + getTranslation("receipt.entry-number", s.entryNumber(),
                    Formats.dateTime(s.receivedAt(), getLocale()))));
            if (s.acknowledged()) {
                line.add(new Span(" · "), acknowledgementLink(s.unitId(), s.entryNumber()));
            }
        } else if (s.readAt() != null) {
            line.add(new Span(" · " + getTranslation("delivery.read-by", s.readByName(),
                    Formats.dateTime(s.readAt(), getLocale()))));
        }
        line.addClassName("recipient-status");
        return line;
    }

    private Div receiptLine(Receipt r) {
        var line = new Div(new Span(getTranslation("receipt.entry-number", r.entryNumber(),
                Formats.dateTime(r.receivedAt(), getLocale())) + " · " + r.receivedByName()));
        if (r.acknowledged()) {
            line.add(new Span(" · "), acknowledgementLink(r.unitId(), r.entryNumber()));
        }
        line.addClassName("receipt");
        return line;
    }

    private Button registerButton(long unitId, String unitLabel, boolean nameUnit) {
        var register = new Button(nameUnit ? getTranslation("receipt.register-for", unitLabel)
                : getTranslation("receipt.register"));
        register.addClickListener(e -> Notices.attempt(this, () -> {
            Receipt receipt = receipts.register(oficioId, unitId);
            Notices.success(getTranslation("receipt.registered", receipt.entryNumber()));
        }, onChange, () -> register.setEnabled(true)));
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        register.setDisableOnClick(true);
        register.setId("receipt-register-" + unitId);
        return register;
    }

    /** The receiving office passes it on to another unit with a note, or archives it. */
    private Div handling(DeliveryService delivery, Directory directory, long unitId) {
        var target = new ComboBox<Unit>(getTranslation("forward.unit"));
        target.setItems(directory.activeUnits().stream().filter(u -> u.id() != unitId)
                .sorted(java.util.Comparator.comparing(Unit::code)).toList());
        target.setItemLabelGenerator(Unit::label);
        target.setId("forward-unit-" + unitId);
        var note = new TextField(getTranslation("forward.note"));
        note.setMaxLength(DeliveryService.FORWARD_NOTE_MAX);
        note.setId("forward-note-" + unitId);
        var forward = new Button(getTranslation("forward.action"));
        forward.addClickListener(e -> Notices.attempt(this, () -> {
            if (target.getValue() == null) {
                throw new org.rubrica.shared.InvalidInputException("validation.required", "unit");
            }
            delivery.forward(oficioId, unitId, target.getValue().id(), note.getValue());
            Notices.success(getTranslation("forward.done", target.getValue().label()));
        }, onChange, () -> forward.setEnabled(true)));
        forward.setDisableOnClick(true);
        forward.setId("forward-" + unitId);
        var archive = new Button(getTranslation("archive.action"));
        archive.addClickListener(e -> Notices.attempt(this, () -> {
            delivery.archive(oficioId, unitId);
            Notices.success(getTranslation("archive.done"));
        }, onChange, () -> archive.setEnabled(true)));
        archive.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        archive.setDisableOnClick(true);
        archive.setId("archive-" + unitId);
        var tags = new TextField(getTranslation("tags.label"));
        tags.setValue(String.join(", ", delivery.tags(oficioId, unitId)));
        tags.setHelperText(getTranslation("tags.help"));
        tags.setId("tags-" + unitId);
        var saveTags = new Button(getTranslation("tags.save"));
        saveTags.addClickListener(e -> Notices.attempt(this, () -> {
            delivery.tag(oficioId, unitId, List.of(tags.getValue().split(",")));
            Notices.success(getTranslation("tags.saved"));
        }, onChange, () -> saveTags.setEnabled(true)));
        saveTags.setDisableOnClick(true);
        saveTags.setId("tags-save-" + unitId);
        target.setWidthFull();
        note.setWidthFull();
        tags.setWidthFull();
        var forwarding = new HorizontalLayout(note, forward);
        var tagging = new HorizontalLayout(tags, saveTags);
        for (HorizontalLayout row : List.of(forwarding, tagging)) {
            row.setWidthFull();
            row.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        }
        var handling = new Div(target, forwarding, tagging, archive);
        handling.addClassName("receipt-handling");
        return handling;
    }

    private Anchor acknowledgementLink(long unitId, String entryNumber) {
        String file = "acuse-" + entryNumber.replaceAll("[^A-Za-z0-9-]", "_") + ".pdf";
        var link = new Anchor(DownloadHandler.fromInputStream(event -> receipts.acknowledgementPdf(oficioId, unitId)
                .map(pdf -> new DownloadResponse(new java.io.ByteArrayInputStream(pdf), file, "application/pdf",
                        pdf.length))
                .orElseGet(() -> DownloadResponse.error(404))), getTranslation("receipt.acknowledgement"));
        link.setId("acknowledgement-" + unitId);
        return link;
    }
}
