package org.rubrica.exchange.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import org.rubrica.directory.Role;
import org.rubrica.exchange.KnownNode;
import org.rubrica.exchange.KnownNodes;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.ui.Confirmations;
import org.rubrica.shared.ui.Notices;

/**
 * The installations this one exchanges oficios with: this one's code and node certificate (to give the other's
 * administrator), the ones registered (with their units, which drafts can address), registering one and
 * stopping trust in one.
 */
@Route("instalaciones")
@Menu(order = 15, title = "menu.installations", icon = "vaadin:globe")
@RolesAllowed(Role.Names.ORG_ADMIN)
class InstallationsView extends VerticalLayout implements HasDynamicTitle {

    private final KnownNodes nodes;
    private final Grid<KnownNode> grid = new Grid<>();

    InstallationsView(KnownNodes nodes) {
        this.nodes = nodes;
        var own = new TextArea(getTranslation("installations.own", nodes.ownCode()));
        own.setValue(nodes.ownCertificatePem());
        own.setReadOnly(true);
        own.setWidthFull();
        own.setId("installation-own-certificate");
        var register = new Button(getTranslation("installations.register"), e -> openForm());
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        register.setId("installation-register");
        grid.addColumn(KnownNode::code).setHeader(getTranslation("installations.code")).setAutoWidth(true);
        grid.addColumn(KnownNode::name).setHeader(getTranslation("installations.name")).setAutoWidth(true);
        grid.addColumn(KnownNode::baseUrl).setHeader(getTranslation("installations.url")).setAutoWidth(true);
        grid.addColumn(n -> n.units().stream().map(KnownNode.RemoteUnit::code).collect(Collectors.joining(", ")))
                .setHeader(getTranslation("installations.units")).setFlexGrow(1);
        grid.addColumn(n -> getTranslation(n.active() ? "installations.trusted" : "installations.not-trusted"))
                .setHeader(getTranslation("installations.status")).setAutoWidth(true);
        grid.addComponentColumn(n -> {
            var stop = new Button(getTranslation("installations.stop"), e -> confirmStop(n));
            stop.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            stop.setEnabled(n.active());
            return stop;
        });
        grid.setId("installations");
        add(new H2(getTranslation("menu.installations")), new Paragraph(getTranslation("installations.intro")),
                own, new H3(getTranslation("installations.known")), register, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(nodes.list());
    }

    private void openForm() {
        var code = new TextField(getTranslation("installations.code"));
        code.setId("installation-code");
        var name = new TextField(getTranslation("installations.name"));
        name.setId("installation-name");
        var url = new TextField(getTranslation("installations.url"));
        url.setId("installation-url");
        var certificate = new TextArea(getTranslation("installations.certificate"));
        certificate.setId("installation-certificate");
        var units = new TextArea(getTranslation("installations.units"));
        units.setHelperText(getTranslation("installations.units.help"));
        units.setId("installation-units");
        var form = new FormLayout(code, name, url, certificate, units);
        form.setColspan(certificate, 2);
        form.setColspan(units, 2);
        var dialog = new Dialog(form);
        dialog.setHeaderTitle(getTranslation("installations.register"));
        dialog.setWidth("44rem");
        var save = new Button(getTranslation("installations.save"), e -> Notices.attempt(this, () -> {
            nodes.register(code.getValue().strip(), name.getValue(), url.getValue(), certificate.getValue(),
                    units(units.getValue()));
            dialog.close();
            refresh();
        }, () -> { }, () -> { }));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("installation-save");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        add(dialog);
        dialog.open();
    }

    /** One unit per line: its code there, a "·" or a tab, its name. */
    private static List<KnownNode.RemoteUnit> units(String lines) {
        List<KnownNode.RemoteUnit> units = new ArrayList<>();
        for (String line : lines.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\s*[·\\t]\\s*", 2);
            if (parts.length < 2) {
                throw new InvalidInputException("exchange.node.unit", "units", line.strip());
            }
            units.add(new KnownNode.RemoteUnit(parts[0].strip().toUpperCase(java.util.Locale.ROOT), parts[1].strip()));
        }
        return units;
    }

    private void confirmStop(KnownNode node) {
        Confirmations.confirmDangerous(this, getTranslation("installations.stop"),
                getTranslation("installations.stop.confirm", node.name()), getTranslation("installations.stop"),
                () -> Notices.attempt(this, () -> {
                    nodes.deactivate(node.code());
                    refresh();
                }, () -> { }, () -> { }));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.installations") + " · " + getTranslation("app.name");
    }
}
