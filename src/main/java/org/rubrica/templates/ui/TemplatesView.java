package org.rubrica.templates.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import org.rubrica.templates.TemplateCatalog;
import org.rubrica.templates.TemplateSummary;

/** The institution's templates; a click opens one for editing. */
@Route("admin/plantillas")
@Menu(order = 12, title = "menu.templates", icon = "vaadin:file-code")
@RolesAllowed("TEMPLATE_ADMIN")
class TemplatesView extends VerticalLayout implements HasDynamicTitle {

    TemplatesView(TemplateCatalog catalog) {
        setSizeFull();
        Grid<TemplateSummary> grid = new Grid<>();
        grid.addColumn(t -> t.name(getLocale())).setHeader(getTranslation("template.name")).setFlexGrow(2);
        grid.addColumn(TemplateSummary::code).setHeader(getTranslation("template.code")).setAutoWidth(true);
        grid.addColumn(TemplateSummary::versionNo).setHeader(getTranslation("template.version")).setAutoWidth(true);
        grid.setItems(catalog.publishedTemplates());
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("admin/plantillas/" + e.getItem().code())));
        add(new H2(getTranslation("menu.templates")), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.templates") + " · " + getTranslation("app.name");
    }
}
