package org.rubrica.directory.ui;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;

import org.rubrica.directory.DirectoryAdministration;
import org.rubrica.directory.Membership;
import org.rubrica.directory.Person;
import org.rubrica.directory.PersonForm;
import org.rubrica.directory.Role;
import org.rubrica.directory.Unit;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.ui.FieldErrors;
import org.rubrica.shared.ui.Notices;

/**
 * Creates or edits one person and their roles in their unit. Roles they hold in other units are kept as
 * they are.
 */
class PersonDialog extends Dialog {

    private final TextField username = new TextField();
    private final TextField fullName = new TextField();
    private final TextField cargo = new TextField();
    private final EmailField email = new EmailField();
    private final ComboBox<Unit> unit = new ComboBox<>();
    private final CheckboxGroup<Role> roles = new CheckboxGroup<>();
    private final PasswordField password = new PasswordField();
    private final Checkbox active = new Checkbox();
    private final FieldErrors errors = new FieldErrors();

    PersonDialog(Person person, List<Membership> memberships, List<Unit> units,
                 DirectoryAdministration administration, Runnable onSaved) {
        setHeaderTitle(getTranslation(person == null ? "person.new" : "person.edit"));
        username.setLabel(getTranslation("person.username"));
        username.setReadOnly(person != null);
        fullName.setLabel(getTranslation("person.fullName"));
        cargo.setLabel(getTranslation("person.cargo"));
        email.setLabel(getTranslation("person.email"));
        unit.setLabel(getTranslation("person.unit"));
        unit.setItems(units.stream().sorted(Comparator.comparing(Unit::code)).toList());
        unit.setItemLabelGenerator(Unit::label);
        roles.setLabel(getTranslation("person.roles"));
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(r -> getTranslation("role." + r));
        password.setLabel(getTranslation(person == null ? "person.password" : "person.password.new"));
        password.setHelperText(getTranslation("person.password.help", DirectoryAdministration.MIN_PASSWORD_LENGTH));
        active.setLabel(getTranslation("person.active"));
        errors.bind("username", username).bind("fullName", fullName).bind("cargo", cargo).bind("email", email)
                .bind("unit", unit).bind("password", password);

        if (person == null) {
            active.setValue(true);
        } else {
            username.setValue(person.username());
            fullName.setValue(person.fullName());
            cargo.setValue(person.cargo());
            email.setValue(person.email());
            units.stream().filter(u -> u.id() == person.unitId()).findFirst().ifPresent(unit::setValue);
            roles.setValue(memberships.stream().filter(m -> m.unitId() == person.unitId()).map(Membership::role)
                    .collect(java.util.stream.Collectors.toSet()));
            active.setValue(person.active());
        }
        var form = new FormLayout(username, fullName, cargo, email, unit, password, roles, active);
        form.setColspan(roles, 2);
        add(form);

        var save = new Button(getTranslation("action.save"), e -> {
            try {
                administration.savePerson(new PersonForm(person == null ? null : person.id(), username.getValue(),
                        fullName.getValue(), cargo.getValue(), email.getValue(),
                        unit.getValue() == null ? null : unit.getValue().id(), active.getValue(), password.getValue(),
                        memberships(person, memberships)));
                Notices.success(getTranslation("saved"));
                close();
                onSaved.run();
            } catch (InvalidInputException ex) {
                errors.show(ex, this);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    private Set<Membership> memberships(Person person, List<Membership> existing) {
        Set<Membership> result = new HashSet<>();
        long previousUnit = person == null ? -1 : person.unitId();
        existing.stream().filter(m -> m.unitId() != previousUnit).forEach(result::add);
        if (unit.getValue() != null) {
            roles.getValue().forEach(r -> result.add(new Membership(unit.getValue().id(), r)));
        }
        return result;
    }
}
