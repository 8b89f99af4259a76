package org.rubrica.templates.internal;

import java.util.List;

import org.rubrica.templates.FieldDefinition;
import org.rubrica.templates.FieldType;

/**
 * A built-in template's {@code template.json}: identity, names, the layout file next to it, the default
 * body and the field schema.
 */
public record TemplateManifest(String code, String kind, Names name, String layout, String defaultBodyHtml,
                               List<Field> fields) {

    public record Names(String es, String en) {
    }

    public record Field(String name, Names label, FieldType type, boolean required, Integer maxLength,
                        String pattern, List<String> options) {
    }

    public List<FieldDefinition> fieldDefinitions() {
        return fields == null ? List.of() : fields.stream()
                .map(f -> new FieldDefinition(f.name(), f.label().es(), f.label().en(), f.type(), f.required(),
                        f.maxLength(), f.pattern(), f.options()))
                .toList();
    }

    /** Fails with a message naming the manifest when something a template needs is missing. */
    void check(String where) {
        require(code != null && code.matches("[a-z0-9][a-z0-9-]{0,59}"), where, "code (lower case, digits, '-')");
        require(kind != null && kind.matches("[A-Z_]{1,30}"), where, "kind (upper case)");
        require(name != null && notBlank(name.es()) && notBlank(name.en()), where, "name.es and name.en");
        require(notBlank(layout) && !layout.contains("/") && !layout.contains(".."), where, "layout (a file name)");
        if (fields != null) {
            for (Field f : fields) {
                require(f.name() != null && f.name().matches("[a-zA-Z][a-zA-Z0-9_]{0,59}"), where,
                        "fields[].name (letters, digits, '_')");
                require(f.label() != null && notBlank(f.label().es()) && notBlank(f.label().en()), where,
                        "fields[" + f.name() + "].label.es and .en");
                require(f.type() != null, where, "fields[" + f.name() + "].type");
            }
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static void require(boolean ok, String where, String what) {
        if (!ok) {
            throw new IllegalStateException(where + ": missing or invalid " + what);
        }
    }
}
