package org.rubrica.templates.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.rubrica.templates.BaseFormatSettings;
import org.rubrica.templates.DocumentData;
import org.rubrica.templates.RichText;

/**
 * Turns {@link DocumentData} into what a template sees as {@code data} (and the base format's settings into
 * {@code format}): a map of strings (never
 * {@code null}, so a template that forgets a default still prints nothing instead of failing), the
 * {@code fields} map with every schema field present, {@code draft} as a boolean, and the body cleaned
 * again because templates print it unescaped.
 */
public final class TemplateModel {

    private static final DateTimeFormatter SPANISH_LONG_DATE =
            DateTimeFormatter.ofPattern("d 'de' MMMM 'de' yyyy", Locale.forLanguageTag("es"));

    private TemplateModel() {
    }

    /**
     * @param format the base format's settings, seen by layouts as {@code format}
     *               ({@link BaseFormatSettings#toModel()})
     */
    public static Map<String, Object> of(DocumentData d, Collection<String> schemaFieldNames,
                                         BaseFormatSettings format) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("institutionName", text(d.institutionName()));
        data.put("agencyName", text(d.agencyName()));
        data.put("unitName", text(d.unitName()));
        data.put("unitCode", text(d.unitCode()));
        data.put("place", text(d.place()));
        data.put("date", spanishDate(d.date()));
        data.put("dateIso", d.date() == null ? "" : d.date().toString());
        data.put("number", text(d.number()));
        data.put("recipientName", text(d.recipientName()));
        data.put("recipientCargo", text(d.recipientCargo()));
        data.put("recipientUnitName", text(d.recipientUnitName()));
        data.put("subject", text(d.subject()));
        data.put("bodyHtml", RichText.sanitize(d.bodyHtml()));
        data.put("authorName", text(d.authorName()));
        data.put("authorCargo", text(d.authorCargo()));
        data.put("fields", fields(d.fields(), schemaFieldNames));
        data.put("draft", d.draft());
        data.put("verificationCode", text(d.verificationCode()));
        data.put("verificationQr", d.verificationQr() == null ? ""
                : "data:image/png;base64," + Base64.getEncoder().encodeToString(d.verificationQr()));
        data.put("signers", d.signers().stream()
                .map(s -> Map.of("name", text(s.name()), "cargo", text(s.cargo()))).toList());
        data.put("annexes", d.annexes().stream()
                .map(a -> Map.of("name", text(a.name()), "sha256", text(a.sha256()))).toList());
        Map<String, Object> root = new HashMap<>();
        root.put("data", data);
        root.put("format", format.toModel());
        return root;
    }

    /** "22 de noviembre de 2026". */
    public static String spanishDate(LocalDate date) {
        return date == null ? "" : SPANISH_LONG_DATE.format(date);
    }

    private static Map<String, String> fields(Map<String, String> values, Collection<String> schemaFieldNames) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : schemaFieldNames) {
            fields.put(name, "");
        }
        if (values != null) {
            values.forEach((name, value) -> {
                if (name != null) {
                    fields.put(name, text(value));
                }
            });
        }
        return fields;
    }

    private static String text(String value) {
        return value == null ? "" : XmlChars.strip(value);
    }
}
