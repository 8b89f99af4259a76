package org.rubrica.api.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.EnumSet;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import org.rubrica.api.ApiPermission;
import org.rubrica.api.IntegrationToken;
import org.rubrica.api.IntegrationTokens;
import org.rubrica.directory.Directory;
import org.rubrica.directory.Person;
import org.rubrica.directory.Role;
import org.rubrica.directory.Unit;
import org.rubrica.shared.ui.Confirmations;
import org.rubrica.shared.ui.Notices;

/**
 * Integration tokens for other systems: the organisation administrator makes one (acting as a person of a unit,
 * with some permissions and a rate), sees it once, and revokes it when the system no longer needs it.
 */
@Route("integraciones")
@Menu(order = 14, title = "menu.integrations", icon = "vaadin:connect")
@RolesAllowed(Role.Names.ORG_ADMIN)
class IntegrationsView extends VerticalLayout implements HasDynamicTitle {

    private static final int DEFAULT_RATE = 120;

    private final IntegrationTokens tokens;
    private final Grid<IntegrationToken> grid = new Grid<>();
    private final DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    IntegrationsView(IntegrationTokens tokens, Directory directory) {
        this.tokens = tokens;
        var create = new Button(getTranslation("integrations.new"), e -> openForm(directory));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("integration-new");
        grid.addColumn(IntegrationToken::name).setHeader(getTranslation("integrations.name")).setAutoWidth(true);
        grid.addColumn(IntegrationToken::hint).setHeader(getTranslation("integrations.hint")).setAutoWidth(true);
        grid.addColumn(t -> t.unitLabel() + " · " + t.personName()).setHeader(getTranslation("integrations.acts-as"))
                .setAutoWidth(true);
        grid.addColumn(t -> t.permissions().stream().sorted().map(p -> getTranslation("api.permission." + p.name()))
                .collect(java.util.stream.Collectors.joining(", "))).setHeader(getTranslation("integrations.permissions"));
        grid.addColumn(this::status).setHeader(getTranslation("integrations.status")).setAutoWidth(true);
        grid.addColumn(t -> t.lastUsedAt() == null ? getTranslation("integrations.never") : when.format(t.lastUsedAt()))
                .setHeader(getTranslation("integrations.last-used")).setAutoWidth(true);
        grid.addComponentColumn(t -> {
            var revoke = new Button(getTranslation("integrations.revoke"), e -> confirmRevoke(t));
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            revoke.setEnabled(t.revokedAt() == null);
            return revoke;
        });
        grid.setId("integrations");
        add(new H2(getTranslation("menu.integrations")), new Paragraph(getTranslation("integrations.intro")), create,
                grid);
        refresh();
    }

    private String status(IntegrationToken t) {
        if (t.revokedAt() != null) {
            return getTranslation("integrations.revoked", when.format(t.revokedAt()));
        }
        if (!t.usableAt(java.time.Instant.now())) {
            return getTranslation("integrations.expired", when.format(t.expiresAt()));
        }
        return t.expiresAt() == null ? getTranslation("integrations.active")
                : getTranslation("integrations.active-until", when.format(t.expiresAt()));
    }

    private void refresh() {
        grid.setItems(tokens.list());
    }

    private void openForm(Directory directory) {
        var name = new TextField(getTranslation("integrations.name"));
        name.setMaxLength(120);
        name.setId("integration-name");
        var unit = new ComboBox<Unit>(getTranslation("integrations.unit"));
        unit.setItems(directory.activeUnits().stream().sorted(Comparator.comparing(Unit::code)).toList());
        unit.setItemLabelGenerator(Unit::label);
        unit.setId("integration-unit");
        var person = new ComboBox<Person>(getTranslation("integrations.person"));
        person.setItemLabelGenerator(p -> p.fullName() + " (" + p.username() + ")");
        person.setHelperText(getTranslation("integrations.person.help"));
        person.setId("integration-person");
        unit.addValueChangeListener(e -> {
            person.clear();
            person.setItems(e.getValue() == null ? java.util.List.of() : directory.members(e.getValue().id()));
        });
        var permissions = new CheckboxGroup<ApiPermission>(getTranslation("integrations.permissions"));
        permissions.setItems(ApiPermission.values());
        permissions.setItemLabelGenerator(p -> getTranslation("api.permission." + p.name()));
        permissions.setValue(EnumSet.of(ApiPermission.READ));
        permissions.setId("integration-permissions");
        var rate = new IntegerField(getTranslation("integrations.rate"));
        rate.setValue(DEFAULT_RATE);
        rate.setMin(1);
        rate.setId("integration-rate");
        var expires = new DatePicker(getTranslation("integrations.expires"));
        expires.setHelperText(getTranslation("integrations.expires.help"));
        expires.setId("integration-expires");
        var form = new FormLayout(name, unit, person, rate, expires, permissions);
        form.setColspan(permissions, 2);
        var dialog = new Dialog(form);
        dialog.setHeaderTitle(getTranslation("integrations.new"));
        var save = new Button(getTranslation("integrations.create"), e -> Notices.attempt(this, () -> {
            var created = tokens.create(new IntegrationTokens.Request(name.getValue(),
                    unit.getValue() == null ? null : unit.getValue().id(),
                    person.getValue() == null ? null : person.getValue().id(), permissions.getValue(),
                    rate.getValue() == null ? 0 : rate.getValue(), expires.getValue()));
            dialog.close();
            refresh();
            showOnce(created.token());
        }, () -> { }, () -> { }));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("integration-create");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        add(dialog);
        dialog.open();
    }

    /** The token, once: only its hash is kept, so this is the administrator's one chance to copy it. */
    private void showOnce(String token) {
        var field = new TextField();
        field.setValue(token);
        field.setReadOnly(true);
        field.setWidthFull();
        field.setId("integration-token");
        var dialog = new Dialog(new Paragraph(getTranslation("integrations.copy-now")), field);
        dialog.setHeaderTitle(getTranslation("integrations.created"));
        dialog.setWidth("36rem");
        dialog.getFooter().add(new Button(getTranslation("integrations.copied"), e -> dialog.close()));
        add(dialog);
        dialog.open();
    }

    private void confirmRevoke(IntegrationToken token) {
        Confirmations.confirmDangerous(this, getTranslation("integrations.revoke"),
                getTranslation("integrations.revoke.confirm", token.name()), getTranslation("integrations.revoke"),
                () -> Notices.attempt(this, () -> {
                    tokens.revoke(token.id());
                    refresh();
                }, () -> { }, () -> { }));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.integrations") + " · " + getTranslation("app.name");
    }
}
