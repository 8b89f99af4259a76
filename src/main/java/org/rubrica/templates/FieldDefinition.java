package org.rubrica.templates;

import java.util.List;
import java.util.Locale;

/**
 * One field of a template's schema, with labels in both UI languages and its validation.
 *
 * @param options the values a {@link FieldType#CHOICE} field offers, in order; {@code null} for other types
 */
public record FieldDefinition(String name, String labelEs, String labelEn, FieldType type, boolean required,
                              Integer maxLength, String pattern, List<String> options) {

    public FieldDefinition {
        options = options == null || options.isEmpty() ? null : List.copyOf(options);
    }

    /** A field that is not a choice. */
    public FieldDefinition(String name, String labelEs, String labelEn, FieldType type, boolean required,
                           Integer maxLength, String pattern) {
        this(name, labelEs, labelEn, type, required, maxLength, pattern, null);
    }

    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? labelEn : labelEs;
    }

    /** The choices offered, never {@code null}. */
    public List<String> choices() {
        return options == null ? List.of() : options;
    }
}
