package org.rubrica.templates.internal;

import java.util.List;

import org.rubrica.templates.BaseFormatSettings;
import org.rubrica.templates.FieldDefinition;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** JSON for field schemas ({@code templates_template_version.field_schema}), base format settings and manifests. */
public final class FieldSchemaJson {

    /** Strict: a misspelt key in a manifest should stop start-up rather than silently drop a setting. */
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final TypeReference<List<FieldDefinition>> FIELDS = new TypeReference<>() {
    };

    private FieldSchemaJson() {
    }

    public static String write(List<FieldDefinition> fields) {
        return JSON.writeValueAsString(fields);
    }

    public static List<FieldDefinition> read(String json) {
        return json == null || json.isBlank() ? List.of() : List.copyOf(JSON.readValue(json, FIELDS));
    }

    public static byte[] writePackage(TemplatePackage pkg) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(pkg);
    }

    /** Strict as for manifests: an unknown key means a file from something else, and is refused. */
    public static TemplatePackage readPackage(byte[] json) {
        return JSON.readValue(json, TemplatePackage.class);
    }

    /** {@code {}} (what rows from before settings existed hold) means the shipped defaults. */
    public static BaseFormatSettings readSettings(String json) {
        if (json == null || json.isBlank() || json.strip().equals("{}")) {
            return BaseFormatSettings.DEFAULTS;
        }
        return JSON.readValue(json, BaseFormatSettings.class);
    }

    public static String writeSettings(BaseFormatSettings settings) {
        return JSON.writeValueAsString(settings);
    }

    static TemplateManifest manifest(String json) {
        return JSON.readValue(json, TemplateManifest.class);
    }
}
