package org.rubrica.metrics;

import java.time.Duration;
import java.time.LocalDate;

/**
 * How correspondence flowed in a scope (a unit, an agency or the whole institution) over a period: counts, median
 * and 90th-percentile times (null when nothing was measured), and the backlog at the end of it.
 */
public record Indicators(Scope scope, Long scopeId, LocalDate from, LocalDate to, long drafted, long signed,
                         long sent, long received, Times draftToSigned, Times deliveredToReceived,
                         Times receivedToAnswered, long backlog, java.util.List<Ranked> byAuthor,
                         java.util.List<Ranked> bySender, java.util.List<Ranked> byRecipient) {

    /** How many oficios one person drafted, one unit sent, or one unit received in the period; most first. */
    public record Ranked(long id, String name, long count) {
    }

    /** Whose flow: the oficios a unit or an agency sent and received, or all of them. */
    public enum Scope { UNIT, AGENCY, INSTITUTION }

    /** A time measured over {@code count} oficios. */
    public record Times(long count, Duration median, Duration p90) {
    }
}
