package org.rubrica.templates;

import java.util.Locale;

/** A template as its administrators list it: newest version number and whether a draft is pending. */
public record TemplateListing(String code, String kind, String nameEs, String nameEn, int newestVersionNo,
                              boolean draftPending) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameEs;
    }
}
