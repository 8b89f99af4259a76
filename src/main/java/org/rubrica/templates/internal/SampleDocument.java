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

    /** A draft: no number, "BORRADOR" on every page. */
    public static DocumentData of(List<FieldDefinition> fields) {
        return sample(fields, null, true, null);
    }

    /** As a signed document prints: numbered, with a verification code (its QR is placed by signing). */
    public static DocumentData signed(List<FieldDefinition> fields) {
        return sample(fields, "SEJ/DEJ/0042/2026", false, "7KQ2-M9XD-4TPA");
    }

    private static DocumentData sample(List<FieldDefinition> fields, String number, boolean draft,
                                       String verificationCode) {
        Map<String, String> values = new LinkedHashMap<>();
        for (FieldDefinition field : fields) {
            values.put(field.name(), switch (field.type()) {
                case DATE -> "2026-11-22";
                case NUMBER -> "42";
                case CHOICE -> field.choices().isEmpty() ? "" : field.choices().getFirst();
                case LONG_TEXT -> "Texto de ejemplo para «" + field.labelEs() + "», con acentos: educación, año.";
                default -> "Ejemplo de " + field.labelEs();
            });
        }
        return new DocumentData("Municipio de Ejemplo", "Secretaría de Ejemplo", "Dirección de Ejemplo", "SEJ/DEJ",
                "Ciudad de Ejemplo", LocalDate.of(2026, 11, 22), number, "Lic. Nombre Apellido Apellido",
                "Director de Ejemplo", "Dirección Destinataria", "Asunto de ejemplo",
                "<p>Por medio del presente, este es un párrafo de ejemplo.</p><p>Sin otro particular.</p>",
                "Nombre del Autor", "Cargo del Autor", values, draft, verificationCode, null, null, null);
    }
}
