package org.rubrica.drafting.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import org.rubrica.directory.Role;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.OficioSummary;
import org.rubrica.shared.ui.Formats;

/** The drafter's own oficios, newest first; a click opens one. */
@Route("oficios")
@Menu(order = 1, title = "menu.my-oficios", icon = "vaadin:file-text-o")
@RolesAllowed(Role.Names.DRAFTER)
class MyOficiosView extends VerticalLayout implements HasDynamicTitle {

    MyOficiosView(OficioService oficios) {
        setSizeFull();
        var create = new Button(getTranslation("oficio.new"), VaadinIcon.PLUS.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(DraftEditorView.class)));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var header = new HorizontalLayout(new H2(getTranslation("menu.my-oficios")), create);
        header.setAlignItems(Alignment.BASELINE);
        header.setWrap(true);

        Grid<OficioSummary> grid = new Grid<>();
        grid.addColumn(o -> getTranslation(o.status().messageKey())).setHeader(getTranslation("oficio.status"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(OficioSummary::subject).setHeader(getTranslation("oficio.subject")).setFlexGrow(3);
        grid.addColumn(OficioSummary::recipientUnitName).setHeader(getTranslation("oficio.recipient")).setFlexGrow(2);
        grid.addColumn(o -> Formats.dateTime(o.updatedAt(), getLocale())).setHeader(getTranslation("oficio.updated"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.setItems(oficios.mine());
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("oficios/" + e.getItem().id())));
        grid.setEmptyStateComponent(new Span(getTranslation("oficio.none")));
        add(header, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.my-oficios") + " · " + getTranslation("app.name");
    }
}
