package org.rubrica.templates;

import java.util.Locale;

/** One field of a template's schema, with labels in both UI languages and its validation. */
public record FieldDefinition(String name, String labelEs, String labelEn, FieldType type, boolean required,
                              Integer maxLength, String pattern) {

    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? labelEn : labelEs;
    }
}
