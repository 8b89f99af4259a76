package org.rubrica.delivery.ui;

import java.util.List;
import java.util.function.Predicate;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

import org.rubrica.delivery.DeliveryService;
import org.rubrica.delivery.InboxItem;
import org.rubrica.drafting.Recipient;
import org.rubrica.shared.ui.Formats;

/**
 * What arrived for the units the person receives for, and what was addressed to them; unread first catches the
 * eye. Archived oficios wait under their own filter; others narrow it to the unread, to what is for the person,
 * or to what waits for its receipt.
 */
@Route("bandeja")
@Menu(order = 3, title = "menu.inbox", icon = "vaadin:inbox")
@PermitAll
class InboxView extends VerticalLayout implements HasDynamicTitle {

    /** The inbox filters. */
    enum Show {
        ACTIVE(i -> !i.archived()), UNREAD(i -> i.unread() && !i.archived()), FOR_ME(InboxItem::forMe),
        NOT_REGISTERED(i -> i.entryNumber() == null && !i.annulled()), ARCHIVED(InboxItem::archived);

        final Predicate<InboxItem> test;

        Show(Predicate<InboxItem> test) {
            this.test = test;
        }
    }

    InboxView(DeliveryService delivery) {
        setSizeFull();
        List<InboxItem> items = delivery.myInbox();
        Grid<InboxItem> grid = new Grid<>();
        grid.addColumn(new ComponentRenderer<>(item -> {
            Span state = new Span(getTranslation(item.annulled() ? "oficio.status.ANNULLED"
                    : item.unread() ? "inbox.unread" : "inbox.read"));
            state.getElement().getThemeList().add(item.annulled() ? "badge error"
                    : item.unread() ? "badge primary" : "badge contrast");
            return state;
        })).setHeader(getTranslation("inbox.state")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(InboxItem::subject).setHeader(getTranslation("oficio.subject")).setFlexGrow(3).setSortable(true);
        grid.addColumn(i -> i.forMe() ? getTranslation("inbox.for-me")
                        : i.addressing() == Recipient.Addressing.CC ? getTranslation("inbox.copy") : "")
                .setHeader(getTranslation("inbox.addressed")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(InboxItem::senderUnitName).setHeader(getTranslation("inbox.sender")).setFlexGrow(2)
                .setSortable(true);
        grid.addColumn(InboxItem::unitName).setHeader(getTranslation("inbox.unit")).setFlexGrow(1).setSortable(true);
        grid.addColumn(i -> String.join(", ", i.tags())).setHeader(getTranslation("tags.label")).setAutoWidth(true)
                .setFlexGrow(0).setSortable(true);
        grid.addColumn(i -> i.entryNumber() == null ? "" : i.entryNumber())
                .setHeader(getTranslation("inbox.entry-number")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(i -> Formats.dateTime(i.deliveredAt(), getLocale())).setHeader(getTranslation("inbox.delivered"))
                .setComparator(InboxItem::deliveredAt).setAutoWidth(true).setFlexGrow(0);
        grid.setPartNameGenerator(item -> item.unread() ? "unread" : null);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("oficios/" + e.getItem().oficioId())));
        grid.setEmptyStateComponent(new Span(getTranslation("inbox.empty")));

        Select<Show> show = new Select<>();
        show.setId("inbox-filter");
        show.setLabel(getTranslation("inbox.show"));
        show.setItems(Show.values());
        show.setItemLabelGenerator(s -> getTranslation("inbox.show." + s.name()));
        show.setValue(Show.ACTIVE);
        show.addValueChangeListener(e -> grid.setItems(items.stream().filter(e.getValue().test).toList()));
        grid.setItems(items.stream().filter(Show.ACTIVE.test).toList());
        add(new H2(getTranslation("menu.inbox")), show, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.inbox") + " · " + getTranslation("app.name");
    }
}
