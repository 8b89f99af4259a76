package org.rubrica.templates.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rubrica.templates.DocumentData;
import org.rubrica.templates.FieldDefinition;

/** Plausible values for every field, for trial renders and administrators' previews. */
public final class SampleDocument {

    private SampleDocument() {
    }

    public static DocumentData of(List<FieldDefinition> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (FieldDefinition field : fields) {
            values.put(field.name(), switch (field.type()) {
                case DATE -> "2026-11-22";
                case NUMBER -> "42";
                case LONG_TEXT -> "Texto de ejemplo para «" + field.labelEs() + "», con acentos: educación, año.";
                default -> "Ejemplo de " + field.labelEs();
            });
        }
        return new DocumentData("Municipio de Ejemplo", "Secretaría de Ejemplo", "Dirección de Ejemplo", "SEJ/DEJ",
                "Ciudad de Ejemplo", LocalDate.of(2026, 11, 22), null, "Lic. Nombre Apellido Apellido",
                "Director de Ejemplo", "Dirección Destinataria", "Asunto de ejemplo",
                "<p>Por medio del presente, este es un párrafo de ejemplo.</p><p>Sin otro particular.</p>",
                "Nombre del Autor", "Cargo del Autor", values, true);
    }
}
