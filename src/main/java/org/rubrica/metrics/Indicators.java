package org.rubrica.metrics;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * How correspondence flowed in a scope (a unit, an agency or the whole institution) over a period: counts, median
 * and 90th-percentile times (null when nothing was measured), the backlog and how much of it is overdue at the end
 * of it, the busiest people and units, the month by month flow, and what sending electronically saved.
 */
public record Indicators(Scope scope, Long scopeId, LocalDate from, LocalDate to, long drafted, long signed,
                         long sent, long received, Times draftToSigned, Times deliveredToReceived,
                         Times receivedToAnswered, long backlog, long overdue, List<Ranked> byAuthor,
                         List<Ranked> bySender, List<Ranked> byRecipient, List<Month> months, Savings savings) {

    /** How many oficios one person drafted, one unit sent, or one unit received in the period; most first. */
    public record Ranked(long id, String name, long count) {
    }

    /** Whose flow: the oficios a unit or an agency sent and received, or all of them. */
    public enum Scope { UNIT, AGENCY, INSTITUTION }

    /** A time measured over {@code count} oficios. */
    public record Times(long count, Duration median, Duration p90) {
    }

    /** One month of the period (the first and last may be partial). */
    public record Month(YearMonth month, long drafted, long signed, long sent, long received) {
    }

    /**
     * What the oficios sent in the period would have cost on paper: each page printed once per recipient and once
     * for the sender's file ({@code sheets}), and each copy carried to its recipient ({@code deliveries}).
     */
    public record Savings(long sheets, long deliveries, BigDecimal paper, BigDecimal printing, BigDecimal transport,
                          String currency) {

        public BigDecimal total() {
            return paper.add(printing).add(transport);
        }
    }

    /** The figures a manager can open to see the oficios behind them. */
    public enum Figure { DRAFTED, SIGNED, SENT, RECEIVED, BACKLOG, OVERDUE }
}
