package org.rubrica.ui.oficio;

import org.rubrica.directory.Directory;
import org.rubrica.routing.RoutingService;
import org.rubrica.delivery.Outbox;
import org.rubrica.delivery.ReceiptService;
import org.rubrica.delivery.ui.AssignmentPanel;
import org.rubrica.delivery.ui.ReceiptPanel;
import org.rubrica.routing.ui.RoutePanel;
import org.rubrica.signing.OficioSigning;
import org.rubrica.signing.SignedRecords;
import org.rubrica.signing.ui.SignPanel;

import java.util.UUID;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

import org.rubrica.audit.Trail;
import org.rubrica.delivery.DeliveryService;
import org.rubrica.drafting.IllegalTransitionException;
import org.rubrica.drafting.OficioAffordances;
import org.rubrica.drafting.OficioDetails;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.RecipientService;
import org.rubrica.drafting.ReplyService;
import org.rubrica.drafting.ThreadItem;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import org.rubrica.drafting.ui.AnnexPanel;
import org.rubrica.drafting.ui.RecipientsPanel;
import org.rubrica.drafting.AnnexService;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.drafting.StaleDraftException;
import org.rubrica.drafting.TemplateMove;
import org.rubrica.shared.NotFoundException;
import org.rubrica.shared.ui.Formats;
import org.rubrica.shared.ui.Notices;
import org.rubrica.shared.ui.PdfPages;

/**
 * An oficio's page: its PDF, its facts, its trail and what the person may do with it. Opening a delivered
 * oficio as its recipient records the read receipt.
 */
@Route("oficios/:id")
@PermitAll
class OficioView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final OficioService oficios;
    private final DeliveryService delivery;
    private final Trail trail;
    private final RoutingService routing;
    private final Directory directory;
    private final OficioSigning signing;
    private final SignedRecords records;
    private final RecipientService recipients;
    private final ReceiptService receipts;
    private final Outbox outbox;
    private final ReplyService replies;
    private final AnnexService annexes;
    private String title = "";

    OficioView(OficioService oficios, DeliveryService delivery, Trail trail, RoutingService routing, Directory directory,
               OficioSigning signing, SignedRecords records, RecipientService recipients, ReceiptService receipts,
               Outbox outbox, ReplyService replies, AnnexService annexes) {
        this.annexes = annexes;
        this.replies = replies;
        this.receipts = receipts;
        this.outbox = outbox;
        this.recipients = recipients;
        this.signing = signing;
        this.records = records;
        this.oficios = oficios;
        this.delivery = delivery;
        this.trail = trail;
        this.routing = routing;
        this.directory = directory;
        addClassName("oficio-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        UUID id = event.getRouteParameters().get("id").map(raw -> NotFoundException.parseId(raw, "oficio"))
                .orElseThrow(() -> new NotFoundException("oficio"));
        OficioDetails oficio = oficios.get(id); // refuses (as not found) whoever may not see it
        if (oficio.sentAt() != null) { // a read receipt for each of the person's units holding it
            delivery.recordOpened(id);
        }
        show(oficio);
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }

    private void show(OficioDetails oficio) {
        removeAll();
        OficioAffordances can = oficio.can();
        title = oficio.subject();
        var status = new Span(getTranslation(oficio.status().messageKey()));
        status.getElement().getThemeList().add("badge");
        status.addClassName("oficio-status");
        var heading = new HorizontalLayout(new H2(oficio.subject()), status);
        if (oficio.confidential()) {
            var confidential = new Span(getTranslation("oficio.confidential"));
            confidential.getElement().getThemeList().add("badge error");
            confidential.setId("confidential-badge");
            heading.add(confidential);
        }
        heading.setAlignItems(Alignment.BASELINE);
        heading.setWrap(true);

        var actions = new HorizontalLayout();
        if (can.canEdit()) {
            actions.add(new Button(getTranslation("action.edit"),
                    e -> UI.getCurrent().navigate("oficios/" + oficio.id() + "/editar")));
        }
        if (oficio.status().isEditable()) {
            var reviewButton = new Button(getTranslation(can.canSuggest() ? "review.suggest" : "review.open"),
                    e -> UI.getCurrent().navigate("oficios/" + oficio.id() + "/revision"));
            reviewButton.setId("open-review");
            actions.add(reviewButton);
        }
        if (can.canMoveTemplate()) {
            var move = new Button(getTranslation("template.move"), e -> moveToNewestTemplate(oficio));
            move.setId("move-template");
            actions.add(move);
        }
        if (can.canAnnul()) {
            var annul = new Button(getTranslation("annulment.action"), e -> new AnnulDialog(oficios, oficio.id(),
                    () -> show(oficios.get(oficio.id()))).open());
            annul.addThemeVariants(ButtonVariant.LUMO_ERROR);
            annul.setId("annul");
            actions.add(annul);
        }
        if (replies.canReply(oficio.id())) {
            var reply = new Button(getTranslation("reply.action"),
                    e -> UI.getCurrent().navigate("oficios/" + replies.startReply(oficio.id()) + "/editar"));
            reply.setId("reply");
            actions.add(reply);
        }
        if (can.canSend()) {
            var send = new Button(getTranslation("action.send"), e -> confirmSend(oficio));
            send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            send.setId("send");
            actions.add(send);
        }

        var facts = new Div(
                fact("oficio.sender", oficio.senderUnitName() + " · " + oficio.authorName()),
                fact("oficio.recipient", oficio.recipientUnitName()),
                fact("oficio.priority", getTranslation("oficio.priority." + oficio.priority().name())),
                fact("oficio.number", oficio.number() == null ? getTranslation("oficio.number.none") : oficio.number()),
                fact("oficio.created", Formats.dateTime(oficio.createdAt(), getLocale())),
                fact("oficio.sent", oficio.sentAt() == null ? "—" : Formats.dateTime(oficio.sentAt(), getLocale())));
        facts.addClassName("oficio-facts");
        records.verificationCode(oficio.id()).ifPresent(code -> {
            var link = new Anchor(records.verificationUrl(code), code);
            link.setTarget("_blank");
            link.setId("verification-link");
            var report = new Anchor(DownloadHandler.fromInputStream(event -> records.latestValidationReport(oficio.id())
                    .map(xml -> xml.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .map(bytes -> new DownloadResponse(new java.io.ByteArrayInputStream(bytes),
                            "validacion-" + code + ".xml", "application/xml", bytes.length))
                    .orElseGet(() -> DownloadResponse.error(404))), getTranslation("signature.report"));
            report.setId("validation-report");
            facts.add(new Div(new Span(getTranslation("verification.code") + ": "), link), new Div(report));
        });

        var pdf = new PdfPages();
        byte[] bytes = signing.signedPdf(oficio.id()).orElseGet(() -> oficios.pdf(oficio.id())); // the signed one once signed
        pdf.show(bytes, oficios.pageImages(bytes), "oficio-" + oficio.id() + ".pdf");

        var attached = new AnnexPanel(annexes, oficio.id(), can.canEdit(), () -> show(oficios.get(oficio.id())));
        var addressees = new RecipientsPanel(recipients, oficios, directory, oficio.id(), can.canEdit());
        var route = new RoutePanel(routing, directory, oficio.id(), () -> show(oficios.get(oficio.id())));
        var assignments = new AssignmentPanel(delivery, directory, oficio.id(), () -> show(oficios.get(oficio.id())));
        var receipt = new ReceiptPanel(receipts, delivery, outbox, directory, oficio.id(),
                () -> show(oficios.get(oficio.id())));
        var sign = new SignPanel(signing, oficio.id(), () -> show(oficios.get(oficio.id())));
        var side = new Div(facts, actions, addressees, attached, sign, route, receipt, assignments, thread(oficio),
                new H3(getTranslation("trail.title")),
                new TrailList(trail.of(oficio.id())));
        side.addClassName("oficio-side");
        var body = new FlexLayout(pdf, side);
        body.addClassName("oficio-body");
        if (oficio.annulment() != null) {
            var annulled = new Div(getTranslation("annulment.banner", oficio.annulment().byName(),
                    Formats.dateTime(oficio.annulment().at(), getLocale()), oficio.annulment().reason()));
            annulled.addClassName("oficio-annulled");
            annulled.getElement().getThemeList().add("badge error");
            annulled.getStyle().set("display", "block").set("padding", "0.7em 1em").set("white-space", "normal");
            annulled.setId("annulment-banner");
            add(heading, annulled, body);
        } else {
            add(heading, body);
        }
    }

    private void confirmSend(OficioDetails oficio) {
        var dialog = new ConfirmDialog(getTranslation("send.confirm.title"),
                getTranslation("send.confirm.message", addressees(oficio, recipients.lines(oficio.id()).size())),
                getTranslation("action.send"),
                e -> send(oficio));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.open();
    }

    private void send(OficioDetails oficio) {
        try {
            int units = delivery.send(oficio.id()).size();
            Notices.success(getTranslation("send.done", addressees(oficio, units)));
        } catch (IllegalTransitionException | StaleDraftException e) {
            Notices.error(getTranslation("send.not-allowed"));
        } catch (InvalidInputException e) {
            Notices.error(getTranslation(e.messageKey(), e.arguments()));
        }
        show(oficios.get(oficio.id()));
    }

    /** The conversation the oficio belongs to, when it has more than this one: each a link, this one marked. */
    private Div thread(OficioDetails oficio) {
        var conversation = new Div();
        conversation.setId("thread");
        List<ThreadItem> items = replies.thread(oficio.id());
        if (items.size() > 1) {
            conversation.add(new H3(getTranslation("thread.title")));
            for (ThreadItem item : items) {
                String label = (item.number() == null ? getTranslation(item.status().messageKey()) : item.number())
                        + " · " + item.subject() + " · " + item.senderUnitName();
                var line = new Div(item.id().equals(oficio.id()) ? new Span(label)
                        : new RouterLink(label, OficioView.class, new RouteParameters("id", item.id().toString())));
                line.addClassName("thread-item");
                conversation.add(line);
            }
        }
        return conversation;
    }

    /** The addressee, and how many more it goes to. */
    private String addressees(OficioDetails oficio, int recipientCount) {
        return recipientCount <= 1 ? oficio.recipientUnitName()
                : getTranslation("send.and-more", oficio.recipientUnitName(), recipientCount - 1);
    }

    private void moveToNewestTemplate(OficioDetails oficio) {
        TemplateMove move = oficios.moveToNewestTemplate(oficio.id(), oficio.version());
        String message = getTranslation("template.moved", move.toVersionNo());
        if (!move.missingRequired().isEmpty()) {
            message += " " + getTranslation("template.moved.missing", String.join(", ", move.missingRequired()));
        }
        if (!move.dropped().isEmpty()) {
            message += " " + getTranslation("template.moved.dropped", String.join(", ", move.dropped()));
        }
        Notices.success(message);
        show(oficios.get(oficio.id()));
    }

    private Div fact(String labelKey, String value) {
        var label = new Span(getTranslation(labelKey));
        label.addClassName("fact-label");
        var div = new Div(label, new Span(value));
        div.addClassName("fact");
        return div;
    }
}
