package org.rubrica.drafting.ui;

import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import org.rubrica.templates.FieldDefinition;
import org.rubrica.templates.FieldType;

/** Builds the input for one template field from its schema. */
final class TemplateFieldInputs {

    private TemplateFieldInputs() {
    }

    /** The same input seen as a component, a string value and a validation target. */
    record Input(Component component, HasValue<?, String> value, HasValidation validation) {
    }

    static Input create(FieldDefinition field, Locale locale) {
        if (field.type() == FieldType.LONG_TEXT) {
            TextArea area = new TextArea(field.label(locale));
            configure(area, field);
            return new Input(area, area, area);
        }
        TextField text = new TextField(field.label(locale));
        configure(text, field);
        return new Input(text, text, text);
    }

    private static <T extends Component & HasValue<?, String>> void configure(T input, FieldDefinition field) {
        input.setRequiredIndicatorVisible(field.required());
        input.setId("field-" + field.name());
        if (field.type() == FieldType.DATE || field.type() == FieldType.NUMBER) {
            ((HasHelper) input).setHelperText(
                    input.getTranslation(field.type() == FieldType.DATE ? "field.date.help" : "field.number.help"));
        }
        if (field.maxLength() != null) {
            if (input instanceof TextField t) {
                t.setMaxLength(field.maxLength());
            } else if (input instanceof TextArea a) {
                a.setMaxLength(field.maxLength());
            }
        }
    }
}
