package org.rubrica.drafting;

import java.util.Map;

/**
 * What the drafter writes: recipient unit, subject, body (rich text, sanitised on the way in) and the
 * template's own fields by name.
 */
public record DraftContent(Long recipientUnitId, String subject, String bodyHtml, Map<String, String> fields) {

    public DraftContent {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }
}
