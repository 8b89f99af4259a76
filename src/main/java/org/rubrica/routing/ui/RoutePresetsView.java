package org.rubrica.routing.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import org.rubrica.directory.Directory;
import org.rubrica.directory.Role;
import org.rubrica.routing.RoutingService;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.ui.Notices;
import org.rubrica.templates.TemplateCatalog;
import org.rubrica.templates.TemplateSummary;

/**
 * A head keeps their unit's usual routes: one for all its drafts, and one per template where it differs (for
 * example, coordinator reviews → director signs). New drafts start from them; drafters can still change them.
 */
@Route("rutas-habituales")
@Menu(order = 6.5, title = "menu.route-presets", icon = "vaadin:road-branches")
@RolesAllowed(Role.Names.SIGNER)
class RoutePresetsView extends VerticalLayout implements HasDynamicTitle {

    private final RoutingService routing;
    private final RoutePlanner planner;
    private final Select<Optional<TemplateSummary>> template = new Select<>();

    RoutePresetsView(RoutingService routing, Directory directory, TemplateCatalog templates) {
        this.routing = routing;
        this.planner = new RoutePlanner(directory, false); // due dates belong to each oficio, not to a usual route
        List<Optional<TemplateSummary>> choices = new ArrayList<>();
        choices.add(Optional.empty());
        templates.publishedTemplates().forEach(t -> choices.add(Optional.of(t)));
        template.setLabel(getTranslation("route.preset.for"));
        template.setItems(choices);
        template.setItemLabelGenerator(t -> t.map(s -> s.name(getLocale())).orElse(getTranslation("route.preset.all")));
        template.setId("preset-template");
        template.addValueChangeListener(e -> load());
        template.setValue(Optional.empty());
        var save = new Button(getTranslation("route.preset.confirm"), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("preset-save");
        add(new H2(getTranslation("menu.route-presets")), new Paragraph(getTranslation("route.preset.help")), template,
                planner, save);
    }

    private String templateCode() {
        return template.getValue().map(TemplateSummary::code).orElse(null);
    }

    private void load() {
        planner.setPlan(routing.unitPreset(templateCode()), 0);
    }

    private void save() {
        try {
            routing.savePreset(templateCode(), planner.plan());
            Notices.success(getTranslation("route.preset.saved"));
        } catch (InvalidInputException e) {
            Notices.error(getTranslation(e.messageKey(), e.arguments()));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.route-presets") + " · " + getTranslation("app.name");
    }
}
