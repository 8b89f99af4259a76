package org.rubrica.drafting.ui;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import org.rubrica.templates.FieldDefinition;

/**
 * Builds the input for one template field from its schema: a date picker, a number field, a list of the
 * field's choices, a person or unit from the directory, or text. Whatever the input, the value travels as
 * the text the service checks and templates print (dates as 2026-11-22, people and units by name).
 */
final class TemplateFieldInputs {

    private TemplateFieldInputs() {
    }

    /** The input as a component, its value as text, and where the service's refusal shows. */
    record Input(Component component, Supplier<String> value, Consumer<String> setter, HasValidation validation) {
    }

    /** Names offered by PERSON and UNIT fields, read only when such a field exists. */
    record DirectoryNames(Supplier<List<String>> people, Supplier<List<String>> units) {
    }

    static Input create(FieldDefinition field, Locale locale, DirectoryNames directory) {
        String label = field.label(locale);
        Input input = switch (field.type()) {
            case LONG_TEXT -> text(new TextArea(label), field);
            case DATE -> date(new DatePicker(label));
            case NUMBER -> number(new BigDecimalField(label));
            case CHOICE -> choice(label, field.choices());
            case PERSON -> searchable(label, directory.people().get());
            case UNIT -> searchable(label, directory.units().get());
            case TEXT -> text(new TextField(label), field);
        };
        input.component().setId("field-" + field.name());
        if (input.component() instanceof HasValue<?, ?> value) {
            value.setRequiredIndicatorVisible(field.required());
        }
        return input;
    }

    private static <T extends Component & HasValue<?, String> & HasValidation> Input text(T input,
                                                                                          FieldDefinition field) {
        if (field.maxLength() != null) {
            if (input instanceof TextField t) {
                t.setMaxLength(field.maxLength());
            } else if (input instanceof TextArea a) {
                a.setMaxLength(field.maxLength());
            }
        }
        return new Input(input, input::getValue, v -> input.setValue(v == null ? "" : v), input);
    }

    private static Input date(DatePicker picker) {
        picker.setLocale(Locale.forLanguageTag("es-MX"));
        return new Input(picker, () -> picker.getValue() == null ? "" : picker.getValue().toString(), v -> {
            try {
                picker.setValue(v == null || v.isBlank() ? null : LocalDate.parse(v));
            } catch (DateTimeParseException e) {
                picker.clear(); // a value stored before the field became a date
            }
        }, picker);
    }

    private static Input number(BigDecimalField field) {
        return new Input(field, () -> field.getValue() == null ? "" : field.getValue().toPlainString(), v -> {
            try {
                field.setValue(v == null || v.isBlank() ? null : new BigDecimal(v));
            } catch (NumberFormatException e) {
                field.clear();
            }
        }, field);
    }

    private static Input choice(String label, List<String> options) {
        Select<String> select = new Select<>();
        select.setLabel(label);
        select.setItems(options);
        select.setEmptySelectionAllowed(true);
        return new Input(select, () -> select.getValue() == null ? "" : select.getValue(),
                v -> select.setValue(options.contains(v) ? v : null), select);
    }

    private static Input searchable(String label, List<String> names) {
        ComboBox<String> box = new ComboBox<>(label);
        box.setItems(names);
        box.setClearButtonVisible(true);
        return new Input(box, () -> box.getValue() == null ? "" : box.getValue(),
                v -> box.setValue(names.contains(v) ? v : null), box);
    }
}
