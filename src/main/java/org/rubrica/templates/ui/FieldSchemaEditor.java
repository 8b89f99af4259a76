package org.rubrica.templates.ui;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import org.rubrica.templates.FieldDefinition;
import org.rubrica.templates.FieldType;

/** Edits a template's field schema: one row per field, added and removed freely. */
class FieldSchemaEditor extends Div {

    private final List<Row> rows = new ArrayList<>();
    private final Div list = new Div();

    FieldSchemaEditor() {
        addClassName("field-schema-editor");
        var add = new Button(getTranslation("template.field.add"), VaadinIcon.PLUS.create(), e -> addRow(null));
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(list, add);
    }

    void setFields(List<FieldDefinition> fields) {
        rows.clear();
        list.removeAll();
        fields.forEach(this::addRow);
    }

    List<FieldDefinition> fields() {
        return rows.stream().map(Row::value).toList();
    }

    private void addRow(FieldDefinition field) {
        Row row = new Row(field);
        rows.add(row);
        list.add(row);
    }

    /** One field: name, labels, type, required, maximum length, pattern, and a choice's options. */
    private final class Row extends FlexLayout {

        private final TextField name = new TextField(getTranslation("template.field.name"));
        private final TextField labelEs = new TextField(getTranslation("template.field.label-es"));
        private final TextField labelEn = new TextField(getTranslation("template.field.label-en"));
        private final Select<FieldType> type = new Select<>();
        private final Checkbox required = new Checkbox(getTranslation("template.field.required"));
        private final IntegerField maxLength = new IntegerField(getTranslation("template.field.max-length"));
        private final TextField pattern = new TextField(getTranslation("template.field.pattern"));
        private final TextArea options = new TextArea(getTranslation("template.field.options"));

        Row(FieldDefinition field) {
            addClassName("field-row");
            setFlexWrap(FlexWrap.WRAP);
            type.setLabel(getTranslation("template.field.type"));
            type.setItems(FieldType.values());
            type.setItemLabelGenerator(t -> getTranslation("template.field.type." + t));
            type.setValue(FieldType.TEXT);
            if (field != null) {
                name.setValue(field.name());
                labelEs.setValue(field.labelEs());
                labelEn.setValue(field.labelEn());
                type.setValue(field.type());
                required.setValue(field.required());
                maxLength.setValue(field.maxLength());
                pattern.setValue(field.pattern() == null ? "" : field.pattern());
                options.setValue(String.join("\n", field.choices()));
            }
            options.setVisible(type.getValue() == FieldType.CHOICE);
            type.addValueChangeListener(e -> options.setVisible(e.getValue() == FieldType.CHOICE));
            var remove = new Button(VaadinIcon.TRASH.create(), e -> {
                rows.remove(this);
                list.remove(this);
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("template.field.remove"));
            add(name, labelEs, labelEn, type, required, maxLength, pattern, options, remove);
        }

        FieldDefinition value() {
            return new FieldDefinition(name.getValue().strip(), labelEs.getValue().strip(), labelEn.getValue().strip(),
                    type.getValue(), required.getValue(), maxLength.getValue(),
                    pattern.getValue().isBlank() ? null : pattern.getValue(),
                    type.getValue() == FieldType.CHOICE ? options.getValue().lines().map(String::strip).toList() : null);
        }
    }
}
