package org.rubrica.drafting.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import org.rubrica.directory.Role;
import org.rubrica.drafting.OficioService;

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

        var grid = new OficioSummaryGrid(oficios.mine(), o -> "oficios/" + o.id(), "oficio.none");
        add(header, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.my-oficios") + " · " + getTranslation("app.name");
    }
}
