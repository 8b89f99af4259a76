package org.rubrica.directory.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import org.rubrica.directory.DirectoryAdministration;
import org.rubrica.directory.Person;
import org.rubrica.directory.Unit;
import org.rubrica.directory.UnitForm;
import org.rubrica.directory.UnitKind;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.ui.FieldErrors;
import org.rubrica.shared.ui.Notices;

/** Creates or edits one unit; the service validates and the dialog shows its refusals at the fields. */
class UnitDialog extends Dialog {

    private final TextField code = new TextField();
    private final TextField name = new TextField();
    private final Select<UnitKind> kind = new Select<>();
    private final ComboBox<Unit> parent = new ComboBox<>();
    private final ComboBox<Person> head = new ComboBox<>();
    private final Checkbox active = new Checkbox();
    private final FieldErrors errors = new FieldErrors();

    UnitDialog(Unit unit, List<Unit> units, List<Person> people, DirectoryAdministration administration,
               Runnable onSaved) {
        setHeaderTitle(getTranslation(unit == null ? "unit.new" : "unit.edit"));
        code.setLabel(getTranslation("unit.code"));
        code.setHelperText(getTranslation("unit.code.help"));
        name.setLabel(getTranslation("unit.name"));
        kind.setLabel(getTranslation("unit.kind"));
        kind.setItems(UnitKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("unit.kind." + k));
        parent.setLabel(getTranslation("unit.parent"));
        parent.setItems(units.stream().filter(u -> unit == null || u.id() != unit.id()).toList());
        parent.setItemLabelGenerator(Unit::label);
        parent.setClearButtonVisible(true);
        head.setLabel(getTranslation("unit.head"));
        head.setItems(people);
        head.setItemLabelGenerator(p -> p.fullName() + " · " + p.cargo());
        head.setClearButtonVisible(true);
        active.setLabel(getTranslation("unit.active"));
        errors.bind("code", code).bind("name", name).bind("kind", kind).bind("parent", parent).bind("head", head);

        if (unit == null) {
            kind.setValue(UnitKind.DIRECTORATE);
            active.setValue(true);
        } else {
            code.setValue(unit.code());
            name.setValue(unit.name());
            kind.setValue(unit.kind());
            units.stream().filter(u -> unit.parentId() != null && u.id() == unit.parentId()).findFirst()
                    .ifPresent(parent::setValue);
            people.stream().filter(p -> unit.headPersonId() != null && p.id() == unit.headPersonId()).findFirst()
                    .ifPresent(head::setValue);
            active.setValue(unit.active());
        }
        add(new FormLayout(code, name, kind, parent, head, active));

        var save = new Button(getTranslation("action.save"), e -> {
            try {
                administration.saveUnit(new UnitForm(unit == null ? null : unit.id(),
                        parent.getValue() == null ? null : parent.getValue().id(), code.getValue(), name.getValue(),
                        kind.getValue(), head.getValue() == null ? null : head.getValue().id(), active.getValue()));
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
}
