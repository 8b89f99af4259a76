package org.rubrica.delivery.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import org.rubrica.delivery.DeliveryService;
import org.rubrica.delivery.InboxItem;
import org.rubrica.directory.Role;
import org.rubrica.shared.ui.Formats;

/** What arrived for the units the person receives for; unread first catches the eye. */
@Route("bandeja")
@Menu(order = 3, title = "menu.inbox", icon = "vaadin:inbox")
@RolesAllowed({Role.Names.RECEIVING_OFFICE, "SIGNER"})
class InboxView extends VerticalLayout implements HasDynamicTitle {

    InboxView(DeliveryService delivery) {
        setSizeFull();
        Grid<InboxItem> grid = new Grid<>();
        grid.addColumn(new ComponentRenderer<>(item -> {
            Span state = new Span(getTranslation(item.annulled() ? "oficio.status.ANNULLED"
                    : item.unread() ? "inbox.unread" : "inbox.read"));
            state.getElement().getThemeList().add(item.annulled() ? "badge error"
                    : item.unread() ? "badge primary" : "badge contrast");
            return state;
        })).setHeader(getTranslation("inbox.state")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(InboxItem::subject).setHeader(getTranslation("oficio.subject")).setFlexGrow(3);
        grid.addColumn(InboxItem::senderUnitName).setHeader(getTranslation("inbox.sender")).setFlexGrow(2);
        grid.addColumn(InboxItem::unitName).setHeader(getTranslation("inbox.unit")).setFlexGrow(1);
        grid.addColumn(i -> Formats.dateTime(i.deliveredAt(), getLocale())).setHeader(getTranslation("inbox.delivered"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.setPartNameGenerator(item -> item.unread() ? "unread" : null);
        grid.setItems(delivery.myInbox());
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("oficios/" + e.getItem().oficioId())));
        grid.setEmptyStateComponent(new Span(getTranslation("inbox.empty")));
        add(new H2(getTranslation("menu.inbox")), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.inbox") + " · " + getTranslation("app.name");
    }
}
