package org.rubrica.routing.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

import org.rubrica.routing.RouteModels.PendingItem;
import org.rubrica.routing.RoutingService;
import org.rubrica.shared.ui.Formats;
import org.rubrica.shared.ui.Notices;

/** Reviews and signatures waiting for the current person, due first; a click opens the oficio to decide. */
@Route("pendientes")
@Menu(order = 0.5, title = "menu.pending", icon = "vaadin:tasks")
@PermitAll
class PendingView extends VerticalLayout implements HasDynamicTitle {

    PendingView(RoutingService routing) {
        setSizeFull();
        Grid<PendingItem> grid = new Grid<>();
        grid.addColumn(p -> getTranslation("route.kind." + p.stepKind().name())).setHeader(getTranslation("pending.step"))
                .setAutoWidth(true).setFlexGrow(0).setSortable(true);
        grid.addColumn(PendingItem::subject).setHeader(getTranslation("oficio.subject")).setFlexGrow(3).setSortable(true);
        grid.addColumn(p -> p.onBehalfOf() == null ? "" : p.onBehalfOf()).setHeader(getTranslation("pending.on-behalf"))
                .setFlexGrow(1);
        grid.addColumn(p -> p.waitingSince() == null ? "" : Formats.dateTime(p.waitingSince(), getLocale()))
                .setHeader(getTranslation("pending.since")).setAutoWidth(true).setFlexGrow(0)
                .setComparator(PendingItem::waitingSince);
        grid.addColumn(p -> p.dueAt() == null ? "—" : Formats.dateTime(p.dueAt(), getLocale()))
                .setHeader(getTranslation("pending.due")).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(routing.myPending());
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        var approve = new Button(getTranslation("pending.approve-selected"), e -> {
            var results = routing.approveAll(grid.getSelectedItems().stream().map(PendingItem::oficioId).toList());
            long done = results.stream().filter(RoutingService.BatchResult::approved).count();
            var failed = results.stream().filter(r -> !r.approved()).map(r -> getTranslation(r.reasonKey())).distinct().toList();
            String summary = getTranslation("pending.approved", done);
            if (failed.isEmpty()) {
                Notices.success(summary);
            } else {
                Notices.error(summary + " " + getTranslation("pending.not-approved", results.size() - done,
                        String.join(" ", failed)));
            }
            grid.setItems(routing.myPending());
        });
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        approve.setId("approve-selected");
        approve.setEnabled(false);
        grid.addSelectionListener(e -> approve.setEnabled(!e.getAllSelectedItems().isEmpty()));
        grid.addItemDoubleClickListener(e -> getUI().ifPresent(ui -> ui.navigate("oficios/" + e.getItem().oficioId())));
        grid.setEmptyStateComponent(new Span(getTranslation("pending.none")));
        grid.setId("pending");
        add(new H2(getTranslation("menu.pending")), new Paragraph(getTranslation("pending.help")), approve, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.pending") + " · " + getTranslation("app.name");
    }
}
