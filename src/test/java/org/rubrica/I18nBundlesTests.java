package org.rubrica;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.rubrica.directory.Role;
import org.rubrica.directory.UnitKind;
import org.rubrica.drafting.OficioStatus;
import org.rubrica.templates.FieldType;
import org.rubrica.ui.Translations;

/** The Spanish and English bundles hold the same keys, and every key the code names exists. */
class I18nBundlesTests {

    private static final Pattern KEY_LITERAL = Pattern.compile("\"([a-z][a-zA-Z-]*(?:\\.[a-zA-Z-]+)*)\"");
    private static final Set<String> KEY_PREFIXES = Set.of("action", "app", "directory", "error", "home", "inbox",
            "login", "menu", "oficio", "pdf", "person", "saved", "send", "trail", "unit", "validation", "language",
            "role", "api", "template", "field", "editor");

    @Test
    void spanish_and_english_have_the_same_keys() throws IOException {
        assertThat(load("translations_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("translations.properties").stringPropertyNames());
    }

    @Test
    void every_message_key_in_the_code_is_translated() throws IOException {
        Set<String> known = load("translations.properties").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_LITERAL.matcher(Files.readString(file));
                while (m.find()) {
                    String key = m.group(1);
                    String prefix = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
                    if (KEY_PREFIXES.contains(prefix) && key.contains(".") && !known.contains(key)) {
                        missing.add(key + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** Keys the code builds at run time from enum names and event types. */
    @Test
    void keys_built_from_names_are_translated() throws IOException {
        Set<String> known = load("translations.properties").stringPropertyNames();
        Set<String> built = new TreeSet<>(Set.of("saved"));
        Arrays.stream(Role.values()).forEach(r -> built.add("role." + r));
        Arrays.stream(UnitKind.values()).forEach(k -> built.add("unit.kind." + k));
        Arrays.stream(OficioStatus.values()).forEach(s -> built.add(s.messageKey()));
        Arrays.stream(FieldType.values()).forEach(t -> built.add("template.field.type." + t));
        Stream.of("CREATED", "EDITED", "SENT", "DELIVERED", "READ").forEach(t -> built.add("trail." + t));
        Translations.LOCALES.forEach(l -> built.add("language." + l.getLanguage()));
        assertThat(known).containsAll(built);
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = I18nBundlesTests.class.getResourceAsStream("/vaadin-i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
