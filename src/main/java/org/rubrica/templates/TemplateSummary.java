package org.rubrica.templates;

import java.util.Locale;

/** A template as listed for people who start documents: its newest published version. */
public record TemplateSummary(String code, String kind, String nameEs, String nameEn, long publishedVersionId,
                              int versionNo) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameEs;
    }
}
