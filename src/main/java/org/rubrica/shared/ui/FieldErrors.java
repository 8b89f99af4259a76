package org.rubrica.shared.ui;

import java.util.HashMap;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;

import org.rubrica.shared.InvalidInputException;

/**
 * Shows a service's refusal at the field it concerns (in the person's language), or as a notice when it
 * concerns the whole form.
 */
public final class FieldErrors {

    private final Map<String, HasValidation> fields = new HashMap<>();

    public FieldErrors bind(String field, HasValidation component) {
        fields.put(field, component);
        return this;
    }

    public void clear() {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
    }

    public void show(InvalidInputException e, Component context) {
        clear();
        String message = context.getTranslation(e.messageKey(), e.arguments());
        HasValidation field = e.field() == null ? null : fields.get(e.field());
        if (field == null) {
            Notices.error(message);
        } else {
            field.setErrorMessage(message);
            field.setInvalid(true);
            if (field instanceof com.vaadin.flow.component.Focusable<?> focusable) {
                focusable.focus();
            }
        }
    }
}
