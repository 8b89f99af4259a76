package org.rubrica.directory.ui;

import java.time.LocalDate;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import org.rubrica.directory.CurrentActor;
import org.rubrica.directory.Delegations;
import org.rubrica.directory.Delegations.Delegation;
import org.rubrica.directory.Directory;
import org.rubrica.directory.Person;
import org.rubrica.directory.Role;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.ui.Notices;

/** A head's suplencias: name a substitute for reviewing and/or signing over some days, and end one early. */
@Route("suplencias")
@Menu(order = 6, title = "menu.delegations", icon = "vaadin:exchange")
@RolesAllowed({Role.Names.SIGNER, Role.Names.REVIEWER})
class DelegationsView extends VerticalLayout implements HasDynamicTitle {

    private final Delegations delegations;
    private final Grid<Delegation> grid = new Grid<>();

    DelegationsView(Delegations delegations, Directory directory, CurrentActor currentActor) {
        this.delegations = delegations;
        long me = currentActor.require().personId();
        var substitute = new ComboBox<Person>(getTranslation("delegation.substitute"));
        substitute.setItems(directory.people().stream().filter(Person::active).toList());
        substitute.setItemLabelGenerator(p -> p.fullName() + " · " + p.cargo());
        substitute.setWidth("22rem");
        substitute.setId("delegation-substitute");
        var reviews = new Checkbox(getTranslation("delegation.reviews"), true);
        var signs = new Checkbox(getTranslation("delegation.signs"), true);
        var from = new DatePicker(getTranslation("delegation.from"), LocalDate.now());
        var to = new DatePicker(getTranslation("delegation.to"), LocalDate.now().plusDays(7));
        from.setId("delegation-from");
        to.setId("delegation-to");
        var grant = new Button(getTranslation("delegation.grant"), e -> {
            try {
                if (substitute.getValue() == null) {
                    throw new InvalidInputException("delegation.unknown-substitute", "substitute");
                }
                delegations.delegate(substitute.getValue().id(), reviews.getValue(), signs.getValue(), from.getValue(),
                        to.getValue());
                Notices.success(getTranslation("delegation.granted", substitute.getValue().fullName()));
                refresh();
            } catch (InvalidInputException ex) {
                Notices.error(getTranslation(ex.messageKey(), ex.arguments()));
            }
        });
        grant.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grant.setId("delegation-grant");
        var form = new HorizontalLayout(substitute, reviews, signs, from, to, grant);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        grid.addColumn(Delegation::personName).setHeader(getTranslation("delegation.head"));
        grid.addColumn(Delegation::substituteName).setHeader(getTranslation("delegation.substitute"));
        grid.addColumn(d -> (d.reviews() ? getTranslation("delegation.reviews") : "")
                + (d.reviews() && d.signs() ? " · " : "") + (d.signs() ? getTranslation("delegation.signs") : ""))
                .setHeader(getTranslation("delegation.duties"));
        grid.addColumn(d -> d.startsOn() + " → " + d.endsOn()).setHeader(getTranslation("delegation.period"));
        grid.addComponentColumn(d -> {
            if (d.revoked()) {
                return new Paragraph(getTranslation("delegation.revoked"));
            }
            var revoke = new Button(getTranslation("delegation.revoke"), e -> {
                delegations.revoke(d.id());
                refresh();
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_SMALL);
            revoke.setVisible(d.personId() == me); // only who granted it ends it; the service refuses anyone else
            return revoke;
        });
        add(new H2(getTranslation("menu.delegations")), new Paragraph(getTranslation("delegation.help")), form, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(delegations.mine());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.delegations") + " · " + getTranslation("app.name");
    }
}
