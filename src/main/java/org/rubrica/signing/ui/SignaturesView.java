package org.rubrica.signing.ui;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicInteger;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import org.rubrica.directory.Role;
import org.rubrica.routing.RouteModels.PendingItem;
import org.rubrica.routing.RouteModels.PendingOrder;
import org.rubrica.routing.RouteModels.PendingQuery;
import org.rubrica.routing.RouteModels.Work;
import org.rubrica.routing.RoutingService;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.ui.Formats;
import org.rubrica.shared.ui.Notices;
import org.rubrica.signing.OficioSigning;
import org.rubrica.signing.OficioSigning.BatchResult;
import org.rubrica.signing.OwnCredential;

/**
 * Approved oficios waiting for the signer's signature: pick several, enter the PIN (or give their own .p12 or
 * e.firma file) once, and watch them being
 * signed one after another (pushed to the page as each ends); a summary says what was signed, with its number,
 * and why anything was not.
 */
@Route("por-firmar")
@Menu(order = 0.6, title = "menu.to-sign", icon = "vaadin:pencil")
@RolesAllowed(Role.Names.SIGNER)
class SignaturesView extends VerticalLayout implements HasDynamicTitle {

    private final RoutingService routing;
    private final org.rubrica.directory.CurrentActor currentActor;
    private final Grid<PendingItem> grid = new Grid<>();
    private final ProgressBar progress = new ProgressBar();
    private final Span progressText = new Span();
    private final Div summary = new Div();

    SignaturesView(RoutingService routing, OficioSigning signing, org.rubrica.directory.CurrentActor currentActor) {
        this.currentActor = currentActor;
        this.routing = routing;
        grid.addColumn(p -> getTranslation("oficio.priority." + p.priority().name())).setHeader(getTranslation("oficio.priority"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(PendingItem::subject).setHeader(getTranslation("oficio.subject")).setFlexGrow(3);
        grid.addColumn(p -> Formats.dateTime(p.waitingSince(), getLocale())).setHeader(getTranslation("signature.approved-at"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addItemDoubleClickListener(e -> getUI().ifPresent(ui -> ui.navigate("oficios/" + e.getItem().oficioId())));
        grid.setEmptyStateComponent(new Span(getTranslation("signature.none-waiting")));
        grid.setId("to-sign");

        var credential = new CredentialChoice("batch");
        var sign = new Button(getTranslation("signature.sign-selected"));
        sign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        sign.setId("sign-selected");
        sign.setEnabled(false);
        grid.addSelectionListener(e -> sign.setEnabled(!e.getAllSelectedItems().isEmpty()));
        sign.addClickListener(e -> start(signing, credential, sign));

        progress.setVisible(false);
        progress.setId("batch-progress");
        progressText.setId("batch-progress-text");
        summary.setId("batch-summary");
        var row = new HorizontalLayout(credential, sign);
        row.setAlignItems(FlexComponent.Alignment.END);
        add(new H2(getTranslation("menu.to-sign")), new Paragraph(getTranslation("signature.batch.help")), row,
                progress, progressText, summary, grid);
        setSizeFull();
        refresh();
    }

    /** Signs in the background, the person's identity carried along; each result is pushed to the page. */
    private void start(OficioSigning signing, CredentialChoice credential, Button sign) {
        List<PendingItem> chosen = List.copyOf(grid.getSelectedItems());
        char[] secret;
        OwnCredential own;
        try {
            secret = credential.usesFile() ? null : credential.pin();
            own = credential.usesFile() ? credential.credential() : null;
        } catch (InvalidInputException e) {
            Notices.error(getTranslation(e.messageKey(), e.arguments()));
            return;
        } finally {
            credential.clearSecrets();
        }
        sign.setEnabled(false);
        summary.removeAll();
        progress.setMin(0);
        progress.setMax(chosen.size());
        progress.setValue(0);
        progress.setVisible(true);
        progressText.setText(getTranslation("signature.batch.progress", 0, chosen.size()));
        UI ui = UI.getCurrent();
        AtomicInteger done = new AtomicInteger();
        Runnable work = () -> {
            try {
                List<UUID> ids = chosen.stream().map(PendingItem::oficioId).toList();
                Consumer<BatchResult> each = r -> ui.access(() -> {
                    int n = done.incrementAndGet();
                    progress.setValue(n);
                    progressText.setText(getTranslation("signature.batch.progress", n, chosen.size()));
                });
                List<BatchResult> results = own == null ? signing.signAll(ids, secret, each)
                        : signing.signAll(ids, own, each);
                ui.access(() -> {
                    credential.forget(); // the uploaded files are not kept once the pile is signed
                    finish(chosen, results);
                });
            } catch (InvalidInputException e) {
                ui.access(() -> {
                    Notices.error(getTranslation(e.messageKey(), e.arguments()));
                    progress.setVisible(false);
                    progressText.setText("");
                    sign.setEnabled(true);
                });
            } finally {
                if (secret != null) {
                    java.util.Arrays.fill(secret, '\0');
                }
                if (own != null) {
                    own.wipe();
                }
            }
        };
        Thread.ofVirtual().name("batch-signing").start(currentActor.onBehalf(work));
    }

    private void finish(List<PendingItem> chosen, List<BatchResult> results) {
        long signed = results.stream().filter(BatchResult::signed).count();
        var list = new UnorderedList();
        for (BatchResult r : results) {
            String subject = chosen.stream().filter(p -> p.oficioId().equals(r.oficioId())).findFirst()
                    .map(PendingItem::subject).orElse("");
            list.add(new ListItem(subject + " — " + (r.signed() ? r.number() : getTranslation(r.reasonKey()))));
        }
        summary.add(new Paragraph(getTranslation("signature.batch.done", signed, results.size())), list);
        if (signed == results.size()) {
            Notices.success(getTranslation("signature.batch.done", signed, results.size()));
        } else {
            Notices.error(getTranslation("signature.batch.done", signed, results.size()));
        }
        refresh();
    }

    private void refresh() {
        grid.setItems(routing.myPending(new PendingQuery(Work.TO_SIGN, null, false, false, PendingOrder.DUE, false), 0, 500));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.to-sign") + " · " + getTranslation("app.name");
    }
}
