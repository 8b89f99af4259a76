package org.rubrica.templates.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.rubrica.shared.InvalidInputException;
import org.rubrica.templates.FieldDefinition;
import org.rubrica.templates.FieldType;

/** What makes a field schema acceptable: sane names, both labels, positive limits, patterns that compile. */
public final class FieldSchemaRules {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final int MAX_FIELDS = 60;
    private static final int MAX_PATTERN_LENGTH = 200;
    private static final int MAX_OPTIONS = 50;
    private static final int MAX_OPTION_LENGTH = 120;

    private FieldSchemaRules() {
    }

    public static void check(List<FieldDefinition> fields) {
        if (fields.size() > MAX_FIELDS) {
            throw new InvalidInputException("template.fields.too-many", "fields", MAX_FIELDS);
        }
        Set<String> names = new HashSet<>();
        for (FieldDefinition f : fields) {
            String name = f.name() == null ? "" : f.name();
            if (!NAME.matcher(name).matches()) {
                throw new InvalidInputException("template.field.name.invalid", "fields", name);
            }
            if (!names.add(name)) {
                throw new InvalidInputException("template.field.name.repeated", "fields", name);
            }
            if (blank(f.labelEs()) || blank(f.labelEn()) || f.type() == null) {
                throw new InvalidInputException("template.field.incomplete", "fields", name);
            }
            if (f.maxLength() != null && (f.maxLength() < 1 || f.maxLength() > 10_000)) {
                throw new InvalidInputException("template.field.max-length.invalid", "fields", name);
            }
            checkOptions(f, name);
            if (f.pattern() != null && !f.pattern().isBlank()) {
                if (f.pattern().length() > MAX_PATTERN_LENGTH) {
                    throw new InvalidInputException("template.field.pattern.invalid", "fields", name);
                }
                try {
                    Pattern.compile(f.pattern());
                } catch (PatternSyntaxException e) {
                    throw new InvalidInputException("template.field.pattern.invalid", "fields", name);
                }
            }
        }
    }

    /** A choice offers 1 to 50 distinct, non-blank options; other types offer none. */
    private static void checkOptions(FieldDefinition f, String name) {
        List<String> options = f.choices();
        if (f.type() != FieldType.CHOICE) {
            if (!options.isEmpty()) {
                throw new InvalidInputException("template.field.options.not-choice", "fields", name);
            }
            return;
        }
        if (options.isEmpty() || options.size() > MAX_OPTIONS || options.stream().anyMatch(o -> o == null
                || o.isBlank() || o.length() > MAX_OPTION_LENGTH) || new HashSet<>(options).size() != options.size()) {
            throw new InvalidInputException("template.field.options.invalid", "fields", name, MAX_OPTIONS);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
