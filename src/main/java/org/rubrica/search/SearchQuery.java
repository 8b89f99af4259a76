package org.rubrica.search;

import java.time.LocalDate;

import org.rubrica.drafting.OficioStatus;

/**
 * What a person looks for: words (any of number, subject, body, sender, recipients, annex names; accents and
 * case do not matter) and optional filters. Null means "any".
 */
public record SearchQuery(String text, String kind, OficioStatus status, Long unitId, LocalDate from, LocalDate to,
                          Due due) {

    public static final int TEXT_MAX = 200;

    /**
     * By the answer due from the person or a unit they receive for (their open assignments): any, due (an open
     * assignment with a due date), overdue (its date passed).
     */
    public enum Due { ANY, DUE, OVERDUE }

    public static SearchQuery words(String text) {
        return new SearchQuery(text, null, null, null, null, null, Due.ANY);
    }
}
