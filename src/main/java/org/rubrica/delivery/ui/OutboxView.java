package org.rubrica.delivery.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

import org.rubrica.delivery.Outbox;
import org.rubrica.delivery.SentItem;
import org.rubrica.shared.ui.Formats;

/** What the person sent, and for each how many recipients read it and registered its receipt. */
@Route("enviados")
@Menu(order = 3.5, title = "menu.outbox", icon = "vaadin:paperplane")
@PermitAll
class OutboxView extends VerticalLayout implements HasDynamicTitle {

    OutboxView(Outbox outbox) {
        setSizeFull();
        Grid<SentItem> grid = new Grid<>();
        grid.addColumn(SentItem::number).setHeader(getTranslation("oficio.number")).setAutoWidth(true)
                .setFlexGrow(0).setSortable(true);
        grid.addColumn(SentItem::subject).setHeader(getTranslation("oficio.subject")).setFlexGrow(3).setSortable(true);
        grid.addColumn(new ComponentRenderer<>(item -> {
            var progress = new Span(getTranslation("outbox.progress", item.read(), item.received(), item.recipients()));
            progress.getElement().getThemeList().add(item.annulled() ? "badge error"
                    : item.received() == item.recipients() ? "badge success" : "badge");
            return progress;
        })).setHeader(getTranslation("outbox.recipients")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(i -> Formats.dateTime(i.sentAt(), getLocale())).setHeader(getTranslation("oficio.sent"))
                .setComparator(SentItem::sentAt).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(outbox.mine());
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("oficios/" + e.getItem().oficioId())));
        grid.setEmptyStateComponent(new Span(getTranslation("outbox.empty")));
        add(new H2(getTranslation("menu.outbox")), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.outbox") + " · " + getTranslation("app.name");
    }
}
