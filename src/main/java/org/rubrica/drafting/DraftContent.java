package org.rubrica.drafting;

import java.util.HashMap;
import java.util.Map;

/**
 * What the drafter writes: recipient unit, subject, body (rich text, sanitised on the way in) and the
 * template's own fields by name.
 */
public record DraftContent(Long recipientUnitId, String subject, String bodyHtml, Map<String, String> fields) {

    public static final int SUBJECT_MAX_LENGTH = 250;

    public DraftContent {
        Map<String, String> present = new HashMap<>();
        if (fields != null) {
            fields.forEach((name, value) -> {
                if (name != null && value != null) {
                    present.put(name, value); // an API client's null means "no value"
                }
            });
        }
        fields = Map.copyOf(present);
    }

    /** The same content with the subject or one field set; an empty field value removes the field. */
    public DraftContent withValue(ChangeTarget target, String fieldName, String value) {
        if (target == ChangeTarget.SUBJECT) {
            return new DraftContent(recipientUnitId, value, bodyHtml, fields);
        }
        Map<String, String> changed = new HashMap<>(fields);
        if (value == null || value.isEmpty()) {
            changed.remove(fieldName);
        } else {
            changed.put(fieldName, value);
        }
        return new DraftContent(recipientUnitId, subject, bodyHtml, changed);
    }
}
