package org.rubrica.drafting.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

import org.rubrica.drafting.OficioService;

/** Drafts colleagues invited the current person to, whatever their role; a click opens the review page. */
@Route("oficios/compartidos")
@Menu(order = 1.5, title = "menu.shared", icon = "vaadin:users")
@PermitAll
class SharedWithMeView extends VerticalLayout implements HasDynamicTitle {

    SharedWithMeView(OficioService oficios) {
        setSizeFull();
        var grid = new OficioSummaryGrid(oficios.sharedWithMe(), o -> "oficios/" + o.id() + "/revision", "shared.none");
        add(new H2(getTranslation("menu.shared")), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.shared") + " · " + getTranslation("app.name");
    }
}
