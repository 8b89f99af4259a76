package org.rubrica.drafting.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.OficioSummary;
import org.rubrica.shared.ui.Formats;

/** Drafts colleagues invited the current person to, whatever their role; a click opens the review page. */
@Route("oficios/compartidos")
@Menu(order = 1.5, title = "menu.shared", icon = "vaadin:users")
@PermitAll
class SharedWithMeView extends VerticalLayout implements HasDynamicTitle {

    SharedWithMeView(OficioService oficios) {
        setSizeFull();
        Grid<OficioSummary> grid = new Grid<>();
        grid.addColumn(o -> getTranslation(o.status().messageKey())).setHeader(getTranslation("oficio.status"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(OficioSummary::subject).setHeader(getTranslation("oficio.subject")).setFlexGrow(3);
        grid.addColumn(OficioSummary::recipientUnitName).setHeader(getTranslation("oficio.recipient")).setFlexGrow(2);
        grid.addColumn(o -> Formats.dateTime(o.updatedAt(), getLocale())).setHeader(getTranslation("oficio.updated"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.setItems(oficios.sharedWithMe());
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("oficios/" + e.getItem().id() + "/revision")));
        grid.setEmptyStateComponent(new Span(getTranslation("shared.none")));
        add(new H2(getTranslation("menu.shared")), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.shared") + " · " + getTranslation("app.name");
    }
}
