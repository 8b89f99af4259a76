package org.rubrica.routing.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

import org.rubrica.drafting.Priority;
import org.rubrica.routing.RouteModels.PendingItem;
import org.rubrica.routing.RouteModels.PendingOrder;
import org.rubrica.routing.RouteModels.PendingQuery;
import org.rubrica.routing.RouteModels.Work;
import org.rubrica.routing.RoutingService;
import org.rubrica.shared.ui.Formats;
import org.rubrica.shared.ui.Notices;

/**
 * Reviews and signatures waiting for the current person (and for heads they stand in for) and received oficios
 * turned to them, paged from the server, sortable by due date, age, priority and subject, filterable; a double click opens the oficio, and
 * signers approve many at once.
 */
@Route("pendientes")
@Menu(order = 0.5, title = "menu.pending", icon = "vaadin:tasks")
@PermitAll
class PendingView extends VerticalLayout implements HasDynamicTitle {

    private final RoutingService routing;
    private final Clock clock;
    private final Grid<PendingItem> grid = new Grid<>();
    private final Select<Work> work = new Select<>();
    private final TextField text = new TextField();
    private final Checkbox overdueOnly = new Checkbox();
    private final Checkbox urgentOnly = new Checkbox();

    PendingView(RoutingService routing, Clock clock) {
        this.routing = routing;
        this.clock = clock;
        setSizeFull();
        grid.addColumn(p -> getTranslation("oficio.priority." + p.priority().name()))
                .setHeader(getTranslation("oficio.priority")).setSortProperty(PendingOrder.PRIORITY.name())
                .setPartNameGenerator(p -> p.priority() == Priority.URGENT ? "urgent" : null)
                .setWidth("9rem").setFlexGrow(0);
        grid.addColumn(p -> getTranslation("pending.work." + p.work().name())).setHeader(getTranslation("pending.step"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(PendingItem::subject).setHeader(getTranslation("oficio.subject")).setFlexGrow(3)
                .setSortProperty(PendingOrder.SUBJECT.name());
        grid.addColumn(p -> p.onBehalfOf() == null ? "" : p.onBehalfOf()).setHeader(getTranslation("pending.on-behalf"))
                .setFlexGrow(1);
        grid.addColumn(p -> age(p.waitingSince())).setHeader(getTranslation("pending.age"))
                .setTooltipGenerator(p -> Formats.dateTime(p.waitingSince(), getLocale()))
                .setSortProperty(PendingOrder.WAITING_SINCE.name()).setWidth("9rem").setFlexGrow(0);
        grid.addColumn(p -> p.dueAt() == null ? "—" : Formats.dateTime(p.dueAt(), getLocale()))
                .setHeader(getTranslation("pending.due")).setSortProperty(PendingOrder.DUE.name())
                .setPartNameGenerator(p -> p.dueAt() != null && p.dueAt().isBefore(clock.instant()) ? "overdue" : null)
                .setWidth("12rem").setFlexGrow(0);
        grid.setItems(query -> routing.myPending(query(query), query.getOffset(), query.getLimit()).stream(),
                query -> routing.countMyPending(query(query)));
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.setItemSelectableProvider(p -> p.work() == Work.REVIEW || p.work() == Work.SIGN); // route steps only
        grid.addItemDoubleClickListener(e -> getUI().ifPresent(ui -> ui.navigate("oficios/" + e.getItem().oficioId())));
        grid.setEmptyStateComponent(new Span(getTranslation("pending.none")));
        grid.setId("pending");

        var approve = new Button(getTranslation("pending.approve-selected"), e -> approveSelected());
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        approve.setId("approve-selected");
        approve.setEnabled(false);
        grid.addSelectionListener(e -> approve.setEnabled(!e.getAllSelectedItems().isEmpty()));
        add(new H2(getTranslation("menu.pending")), new Paragraph(getTranslation("pending.help")), filters(), approve,
                grid);
    }

    private HorizontalLayout filters() {
        work.setLabel(getTranslation("pending.step"));
        work.setItems(Work.values());
        work.setEmptySelectionAllowed(true);
        work.setEmptySelectionCaption(getTranslation("pending.filter.all"));
        work.setItemLabelGenerator(k -> k == null ? getTranslation("pending.filter.all")
                : getTranslation("pending.work." + k.name()));
        work.setId("pending-work");
        text.setLabel(getTranslation("oficio.subject"));
        text.setPlaceholder(getTranslation("pending.filter.text"));
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setMaxLength(100);
        text.setId("pending-text");
        overdueOnly.setLabel(getTranslation("pending.filter.overdue"));
        overdueOnly.setId("pending-overdue");
        urgentOnly.setLabel(getTranslation("pending.filter.urgent"));
        urgentOnly.setId("pending-urgent");
        work.addValueChangeListener(e -> refresh());
        text.addValueChangeListener(e -> refresh());
        overdueOnly.addValueChangeListener(e -> refresh());
        urgentOnly.addValueChangeListener(e -> refresh());
        var row = new HorizontalLayout(work, text, overdueOnly, urgentOnly);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    private PendingQuery query(Query<PendingItem, Void> query) {
        var sort = query.getSortOrders().stream().findFirst();
        return new PendingQuery(work.getValue(), text.getValue(), overdueOnly.getValue(), urgentOnly.getValue(),
                sort.map(s -> PendingOrder.valueOf(s.getSorted())).orElse(PendingOrder.DUE),
                sort.map(s -> s.getDirection() == SortDirection.DESCENDING).orElse(false));
    }

    private void approveSelected() {
        var results = routing.approveAll(grid.getSelectedItems().stream().map(PendingItem::oficioId).distinct().toList());
        long done = results.stream().filter(RoutingService.BatchResult::approved).count();
        var failed = results.stream().filter(r -> !r.approved()).map(r -> getTranslation(r.reasonKey())).distinct().toList();
        String summary = getTranslation("pending.approved", done);
        if (failed.isEmpty()) {
            Notices.success(summary);
        } else {
            Notices.error(summary + " " + getTranslation("pending.not-approved", results.size() - done,
                    String.join(" ", failed)));
        }
        refresh();
    }

    private void refresh() {
        grid.deselectAll();
        grid.getDataProvider().refreshAll();
    }

    /** How long it has waited, as people say it: days, else hours. */
    private String age(Instant since) {
        if (since == null) {
            return "";
        }
        Duration waited = Duration.between(since, clock.instant());
        return waited.toDays() >= 1 ? getTranslation("pending.age.days", waited.toDays())
                : getTranslation("pending.age.hours", Math.max(0, waited.toHours()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.pending") + " · " + getTranslation("app.name");
    }
}
