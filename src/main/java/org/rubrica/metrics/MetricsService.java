package org.rubrica.metrics;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.rubrica.directory.Actor;
import org.rubrica.directory.CurrentActor;
import org.rubrica.directory.Directory;
import org.rubrica.directory.Person;
import org.rubrica.directory.Role;
import org.rubrica.directory.Unit;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.OficioSummary;
import org.rubrica.metrics.internal.Rollups;
import org.rubrica.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes indicators from the facts the metrics module keeps. Auditors and organisation administrators see any
 * scope; the head of a unit sees that unit (the head of an agency, that agency).
 * <p>
 * Counts, months, rankings, savings and the backlog are read from daily summaries (brought up to date first), so
 * a year of a large institution reads thousands of rows, not millions; see {@link Rollups}.
 */
@Service
@Transactional(readOnly = true)
public class MetricsService {

    static final int RANKED = 10;
    /** The most oficios a drill-down lists. */
    public static final int BEHIND_LIMIT = 200;

    private final JdbcClient jdbc;
    private final Directory directory;
    private final CurrentActor currentActor;
    private final OficioService oficios;
    private final SavingsRates rates;
    private final Rollups rollups;
    private final Duration responseTerm;
    private final Clock clock;

    MetricsService(JdbcClient jdbc, Directory directory, CurrentActor currentActor, OficioService oficios,
                   SavingsRates rates, Rollups rollups, @Value("${rubrica.metrics.response-days:10}") int responseDays,
                   Clock clock) {
        this.rollups = rollups;
        this.jdbc = jdbc;
        this.directory = directory;
        this.currentActor = currentActor;
        this.oficios = oficios;
        this.rates = rates;
        this.responseTerm = Duration.ofDays(responseDays);
        this.clock = clock;
    }

    /**
     * The period's bounds and scope, as the queries take them: {@code sender} and {@code recipient} filter the
     * facts, {@code daily} the summaries (kept by the unit concerned and its agency).
     */
    private record Period(Map<String, Object> params, String sender, String recipient, String daily) {
    }

    /**
     * @param scopeId the unit or agency; ignored for the institution
     * @throws InvalidInputException  when the period is missing or ends before it starts
     * @throws AccessDeniedException when the person may not see that scope
     */
    public Indicators indicators(Indicators.Scope scope, Long scopeId, LocalDate from, LocalDate to) {
        Period period = period(scope, scopeId, from, to);
        rollups.refresh();
        Map<String, Object> p = period.params();
        Map<Long, String> people = directory.people().stream().collect(Collectors.toMap(Person::id, Person::fullName));
        Map<Long, String> units = directory.units().stream().collect(Collectors.toMap(Unit::id, Unit::label));

        record Totals(long drafted, long signed, long sent, long received, long answered, long sheets, long copies) {
        }
        Totals totals = jdbc.sql("""
                        SELECT coalesce(sum(drafted), 0), coalesce(sum(signed), 0), coalesce(sum(sent), 0),
                               coalesce(sum(received), 0), coalesce(sum(answered), 0), coalesce(sum(sheets), 0),
                               coalesce(sum(copies), 0)
                        FROM metrics_daily WHERE %s AND day BETWEEN :fromDay AND :toDay""".formatted(period.daily()))
                .params(p)
                .query((rs, n) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7)))
                .single();
        long backlog = jdbc.sql("SELECT coalesce(sum(delivered - closed), 0) FROM metrics_daily WHERE "
                + period.daily() + " AND day <= :toDay").params(p).query(Long.class).single();
        long overdue = jdbc.sql("SELECT count(*) FROM metrics_delivery WHERE " + period.recipient()
                + " AND delivered_at < :overdueBefore AND (closed_at IS NULL OR closed_at >= :to)")
                .params(p).query(Long.class).single();

        return new Indicators(scope, scope == Indicators.Scope.INSTITUTION ? null : scopeId, from, to,
                totals.drafted(), totals.signed(), totals.sent(), totals.received(),
                times(Rollups.Measure.DRAFT_TO_SIGNED, totals.signed(), period),
                times(Rollups.Measure.DELIVERED_TO_RECEIVED, totals.received(), period),
                times(Rollups.Measure.RECEIVED_TO_ANSWERED, totals.answered(), period),
                backlog, overdue,
                ranked("SELECT author_id, sum(drafted) FROM metrics_daily_author WHERE " + period.daily()
                        + " AND day BETWEEN :fromDay AND :toDay GROUP BY author_id", p, people),
                ranked("SELECT unit_id, sum(sent) FROM metrics_daily WHERE " + period.daily()
                        + " AND day BETWEEN :fromDay AND :toDay GROUP BY unit_id HAVING sum(sent) > 0", p, units),
                ranked("SELECT unit_id, sum(delivered) FROM metrics_daily WHERE " + period.daily()
                        + " AND day BETWEEN :fromDay AND :toDay GROUP BY unit_id HAVING sum(delivered) > 0", p, units),
                months(period, from, to), savings(totals.sheets(), totals.copies()));
    }

    /**
     * Median and 90th percentile of a measured time over the period. Up to {@link #EXACT_UP_TO} times they are
     * computed exactly from the facts (as PostgreSQL's percentile_cont); beyond, from the 1 % wide time bands
     * kept per month (whole months) and counted from the facts (the period's partial months), so a year of a
     * large institution reads bands rather than sorting millions of times: within 1 % of the exact value.
     */
    private Indicators.Times times(Rollups.Measure measure, long count, Period period) {
        if (count == 0) {
            return new Indicators.Times(0, null, null);
        }
        String end = measure.end;
        String seconds = measure.seconds();
        String table = measure.table;
        String scope = measure.senderSide() ? period.sender() : period.recipient();
        if (count <= EXACT_UP_TO) {
            return jdbc.sql("SELECT percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY " + seconds + ") FROM "
                            + table + " WHERE " + scope + " AND " + end + " >= :from AND " + end + " < :to")
                    .params(period.params())
                    .query((rs, n) -> {
                        Object[] values = (Object[]) rs.getArray(1).getArray();
                        return new Indicators.Times(count, seconds((Double) values[0]), seconds((Double) values[1]));
                    })
                    .single();
        }
        java.util.TreeMap<Integer, Long> bands = new java.util.TreeMap<>();
        jdbc.sql("""
                        SELECT band, sum(count) FROM metrics_monthly_time
                        WHERE %s AND measure = :measure AND month >= :firstWholeMonth AND month < :afterWholeMonths
                        GROUP BY band
                        UNION ALL
                        SELECT %s, count(*) FROM %s WHERE %s AND %s >= :from AND %s < :to
                          AND NOT (%s >= :wholeFrom AND %s < :wholeTo)
                        GROUP BY 1""".formatted(period.daily(), Rollups.BAND.formatted(seconds), table, scope, end,
                        end, end, end))
                .params(period.params()).param("measure", measure.ordinal())
                .query(rs -> {
                    bands.merge(rs.getInt(1), rs.getLong(2), Long::sum);
                });
        return new Indicators.Times(count, fromBands(bands, 0.5), fromBands(bands, 0.9));
    }

    /** Above this many times, percentiles come from the time bands. */
    static final long EXACT_UP_TO = 100_000;

    /** percentile_cont over the bands, each time standing for its band's middle. */
    private static Duration fromBands(java.util.TreeMap<Integer, Long> bands, double fraction) {
        long total = bands.values().stream().mapToLong(Long::longValue).sum();
        double position = fraction * (total - 1);
        long lower = (long) Math.floor(position);
        double below = valueAt(bands, lower);
        double above = valueAt(bands, (long) Math.ceil(position));
        return seconds(below + (above - below) * (position - lower));
    }

    /** The value of the k-th smallest time (from 0). */
    private static double valueAt(java.util.TreeMap<Integer, Long> bands, long k) {
        long seen = 0;
        for (var band : bands.entrySet()) {
            seen += band.getValue();
            if (k < seen) {
                return Rollups.bandSeconds(band.getKey());
            }
        }
        return Rollups.bandSeconds(bands.lastKey());
    }

    /** A copy still waiting at the end of the period: delivered by then, neither answered nor archived by then. */
    private static final String PENDING_AT_END = "delivered_at < :to AND (closed_at IS NULL OR closed_at >= :to)";

    /** An oficio behind a figure: when it counted, and the unit it counted for. */
    public record Behind(UUID oficioId, Instant at, long unitId, String unitLabel, OficioSummary summary) {
    }

    /**
     * The oficios behind a figure (newest first, at most {@link #BEHIND_LIMIT}), each with its summary when the
     * person may see it (a confidential one shows only that it exists).
     */
    public List<Behind> behind(Indicators.Scope scope, Long scopeId, LocalDate from, LocalDate to,
                               Indicators.Figure figure) {
        Period period = period(scope, scopeId, from, to);
        String sql = switch (figure) {
            case DRAFTED -> sideQuery("metrics_oficio", "created_at", "sender_unit_id", period.sender());
            case SIGNED -> sideQuery("metrics_oficio", "signed_at", "sender_unit_id", period.sender());
            case SENT -> sideQuery("metrics_oficio", "sent_at", "sender_unit_id", period.sender());
            case RECEIVED -> sideQuery("metrics_delivery", "received_at", "unit_id", period.recipient());
            case BACKLOG -> "SELECT oficio_id, delivered_at, unit_id FROM metrics_delivery WHERE " + period.recipient()
                    + " AND " + PENDING_AT_END + " ORDER BY delivered_at DESC";
            case OVERDUE -> "SELECT oficio_id, delivered_at, unit_id FROM metrics_delivery WHERE " + period.recipient()
                    + " AND " + PENDING_AT_END + " AND delivered_at < :overdueBefore ORDER BY delivered_at DESC";
        };
        record Row(UUID id, Instant at, long unitId) {
        }
        List<Row> rows = jdbc.sql(sql + " LIMIT " + BEHIND_LIMIT).params(period.params())
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), rs.getLong(3)))
                .list();
        Map<UUID, OficioSummary> summaries = oficios.summaries(rows.stream().map(Row::id).distinct().toList());
        Map<UUID, Boolean> visible = new HashMap<>();
        Map<Long, String> units = directory.units().stream().collect(Collectors.toMap(Unit::id, Unit::label));
        List<Behind> result = new ArrayList<>();
        for (Row row : rows) {
            boolean mayView = visible.computeIfAbsent(row.id(), oficios::canView);
            result.add(new Behind(row.id(), row.at(), row.unitId(), units.getOrDefault(row.unitId(), "#" + row.unitId()),
                    mayView ? summaries.get(row.id()) : null));
        }
        return result;
    }

    private static String sideQuery(String table, String column, String unitColumn, String scope) {
        return "SELECT oficio_id, " + column + ", " + unitColumn + " FROM " + table + " WHERE " + scope + " AND "
                + column + " >= :from AND " + column + " < :to ORDER BY " + column + " DESC";
    }

    private Period period(Indicators.Scope scope, Long scopeId, LocalDate from, LocalDate to) {
        requireMaySee(scope, scopeId);
        if (from == null || to == null || to.isBefore(from)) {
            throw new InvalidInputException("metrics.period", "from");
        }
        ZoneId zone = clock.getZone();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        // the whole months inside the period (their time bands are kept), and the days around them
        LocalDate firstWhole = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate afterWhole = to.equals(YearMonth.from(to).atEndOfMonth()) ? to.plusDays(1) : to.withDayOfMonth(1);
        if (afterWhole.isBefore(firstWhole)) {
            afterWhole = firstWhole;
        }
        Map<String, Object> p = new HashMap<>();
        p.put("from", Timestamp.from(from.atStartOfDay(zone).toInstant()));
        p.put("to", Timestamp.from(end));
        p.put("fromDay", java.sql.Date.valueOf(from));
        p.put("toDay", java.sql.Date.valueOf(to));
        p.put("firstWholeMonth", java.sql.Date.valueOf(firstWhole));
        p.put("afterWholeMonths", java.sql.Date.valueOf(afterWhole));
        p.put("wholeFrom", Timestamp.from(firstWhole.atStartOfDay(zone).toInstant()));
        p.put("wholeTo", Timestamp.from(afterWhole.atStartOfDay(zone).toInstant()));
        p.put("overdueBefore", Timestamp.from(end.minus(responseTerm)));
        p.put("id", scopeId == null ? -1L : scopeId);
        p.put("zone", zone.getId());
        return switch (scope) {
            case UNIT -> new Period(p, "sender_unit_id = :id", "unit_id = :id", "unit_id = :id");
            case AGENCY -> new Period(p, "sender_agency = :id", "agency_id = :id", "agency_id = :id");
            case INSTITUTION -> new Period(p, "true", "true", "true");
        };
    }

    /** Month by month: drafted, signed and sent by the scope, received by it. */
    private List<Indicators.Month> months(Period period, LocalDate from, LocalDate to) {
        Map<YearMonth, Indicators.Month> found = new HashMap<>();
        jdbc.sql("""
                        SELECT to_char(day, 'YYYY-MM'), sum(drafted), sum(signed), sum(sent), sum(received)
                        FROM metrics_daily WHERE %s AND day BETWEEN :fromDay AND :toDay GROUP BY 1"""
                        .formatted(period.daily()))
                .params(period.params())
                .query(rs -> {
                    YearMonth month = YearMonth.parse(rs.getString(1));
                    found.put(month, new Indicators.Month(month, rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5)));
                });
        List<Indicators.Month> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            months.add(found.getOrDefault(m, new Indicators.Month(m, 0, 0, 0, 0)));
        }
        return months;
    }

    private Indicators.Savings savings(long sheets, long deliveries) {
        BigDecimal paper = rates.sheet().multiply(BigDecimal.valueOf(sheets));
        BigDecimal printing = rates.printing().multiply(BigDecimal.valueOf(sheets));
        BigDecimal transport = rates.delivery().multiply(BigDecimal.valueOf(deliveries));
        return new Indicators.Savings(sheets, deliveries, paper, printing, transport, rates.currency());
    }

    /** The ten with most, most first (ties by id), named (by number when the directory no longer has them). */
    private List<Indicators.Ranked> ranked(String grouped, Map<String, Object> p, Map<Long, String> names) {
        return jdbc.sql(grouped + " ORDER BY 2 DESC, 1 LIMIT " + RANKED).params(p)
                .query((rs, n) -> new Indicators.Ranked(rs.getLong(1),
                        names.getOrDefault(rs.getLong(1), "#" + rs.getLong(1)), rs.getLong(2)))
                .list();
    }

    private static Duration seconds(Double value) {
        return value == null ? null : Duration.ofMillis(Math.round(value * 1000));
    }

    private static Duration seconds(double value) {
        return Duration.ofMillis(Math.round(value * 1000));
    }

    private void requireMaySee(Indicators.Scope scope, Long scopeId) {
        Actor actor = currentActor.require();
        if (actor.hasRole(Role.AUDITOR) || actor.hasRole(Role.ORG_ADMIN)) {
            return;
        }
        if (scope != Indicators.Scope.INSTITUTION && scopeId != null
                && directory.unitsHeadedBy(actor.personId()).contains(scopeId)) {
            return;
        }
        throw new AccessDeniedException(actor.username() + " may not see the indicators of " + scope + " " + scopeId);
    }
}
