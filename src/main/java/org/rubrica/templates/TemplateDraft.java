package org.rubrica.templates;

import java.util.List;

/** What a template administrator writes: the FreeMarker layout, the field schema and the default body. */
public record TemplateDraft(String source, List<FieldDefinition> fields, String defaultBodyHtml) {

    public TemplateDraft {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
