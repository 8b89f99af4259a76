package org.rubrica.metrics;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
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
 * Each side (the oficios sent, the copies received) is read in one pass that computes all its figures at once,
 * so a year of a large institution stays one scan per table rather than one per figure.
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
    private final Duration responseTerm;
    private final Clock clock;

    MetricsService(JdbcClient jdbc, Directory directory, CurrentActor currentActor, OficioService oficios,
                   SavingsRates rates, @Value("${rubrica.metrics.response-days:10}") int responseDays, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.currentActor = currentActor;
        this.oficios = oficios;
        this.rates = rates;
        this.responseTerm = Duration.ofDays(responseDays);
        this.clock = clock;
    }

    /** The period's bounds and scope, as the queries take them. */
    private record Period(Map<String, Object> params, String sender, String recipient) {
    }

    /**
     * @param scopeId the unit or agency; ignored for the institution
     * @throws InvalidInputException  when the period is missing or ends before it starts
     * @throws AccessDeniedException when the person may not see that scope
     */
    public Indicators indicators(Indicators.Scope scope, Long scopeId, LocalDate from, LocalDate to) {
        Period period = period(scope, scopeId, from, to);
        Map<String, Object> p = period.params();
        // sorting a large year's durations for percentiles must stay in memory
        jdbc.sql("SET LOCAL work_mem = '64MB'").update();
        Map<Long, String> people = directory.people().stream().collect(Collectors.toMap(Person::id, Person::fullName));
        Map<Long, String> units = directory.units().stream().collect(Collectors.toMap(Unit::id, Unit::label));

        record Sent(long drafted, long signed, long sent, Indicators.Times draftToSigned, long sheets,
                    long deliveries) {
        }
        Sent sent = jdbc.sql("""
                        SELECT count(*) FILTER (WHERE created_at >= :from AND created_at < :to),
                               count(*) FILTER (WHERE signed_at >= :from AND signed_at < :to),
                               count(*) FILTER (WHERE sent_at >= :from AND sent_at < :to),
                               percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY extract(epoch FROM signed_at - created_at))
                                   FILTER (WHERE signed_at >= :from AND signed_at < :to),
                               coalesce(sum(pages * (recipients + 1)) FILTER (WHERE sent_at >= :from AND sent_at < :to), 0),
                               coalesce(sum(recipients) FILTER (WHERE sent_at >= :from AND sent_at < :to), 0)
                        FROM metrics_oficio
                        WHERE %s AND ((created_at >= :from AND created_at < :to) OR (signed_at >= :from AND signed_at < :to)
                                      OR (sent_at >= :from AND sent_at < :to))""".formatted(period.sender()))
                .params(p)
                .query((rs, n) -> new Sent(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        times(rs.getLong(2), rs.getArray(4)), rs.getLong(5), rs.getLong(6)))
                .single();

        record Received(long received, Indicators.Times toReceived, Indicators.Times toAnswered, long backlog,
                        long overdue) {
        }
        Received received = jdbc.sql("""
                        SELECT count(*) FILTER (WHERE received_at >= :from AND received_at < :to),
                               percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY extract(epoch FROM received_at - delivered_at))
                                   FILTER (WHERE received_at >= :from AND received_at < :to),
                               count(*) FILTER (WHERE answered_at >= :from AND answered_at < :to),
                               percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - received_at))
                                   FILTER (WHERE answered_at >= :from AND answered_at < :to),
                               count(*) FILTER (WHERE %2$s),
                               count(*) FILTER (WHERE %2$s AND delivered_at < :overdueBefore)
                        FROM metrics_delivery
                        WHERE %1$s AND delivered_at < :to AND coalesce(answered_at, archived_at, 'infinity') >= :from"""
                        .formatted(period.recipient(), PENDING_AT_END))
                .params(p)
                .query((rs, n) -> new Received(rs.getLong(1), times(rs.getLong(1), rs.getArray(2)),
                        times(rs.getLong(3), rs.getArray(4)), rs.getLong(5), rs.getLong(6)))
                .single();

        return new Indicators(scope, scope == Indicators.Scope.INSTITUTION ? null : scopeId, from, to,
                sent.drafted(), sent.signed(), sent.sent(), received.received(), sent.draftToSigned(),
                received.toReceived(), received.toAnswered(), received.backlog(), received.overdue(),
                ranked("SELECT author_id, count(*) FROM metrics_oficio WHERE " + period.sender()
                        + " AND created_at >= :from AND created_at < :to GROUP BY author_id", p, people),
                ranked("SELECT sender_unit_id, count(*) FROM metrics_oficio WHERE " + period.sender()
                        + " AND sent_at >= :from AND sent_at < :to GROUP BY sender_unit_id", p, units),
                ranked("SELECT unit_id, count(*) FROM metrics_delivery WHERE " + period.recipient()
                        + " AND delivered_at >= :from AND delivered_at < :to GROUP BY unit_id", p, units),
                months(period, from, to), savings(sent.sheets(), sent.deliveries()));
    }

    /** A copy still waiting at the end of the period: delivered by then, neither answered nor archived by then. */
    private static final String PENDING_AT_END = "delivered_at < :to AND (answered_at IS NULL OR answered_at >= :to)"
            + " AND (archived_at IS NULL OR archived_at >= :to)";

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
        Map<String, Object> p = Map.of("from", Timestamp.from(from.atStartOfDay(zone).toInstant()),
                "to", Timestamp.from(end), "overdueBefore", Timestamp.from(end.minus(responseTerm)),
                "id", scopeId == null ? -1L : scopeId, "zone", zone.getId());
        return switch (scope) {
            case UNIT -> new Period(p, "sender_unit_id = :id", "unit_id = :id");
            case AGENCY -> new Period(p, "sender_agency = :id", "agency_id = :id");
            case INSTITUTION -> new Period(p, "true", "true");
        };
    }

    /** Month by month: drafted, signed and sent by the scope, received by it. */
    private List<Indicators.Month> months(Period period, LocalDate from, LocalDate to) {
        Map<YearMonth, long[]> counts = new java.util.TreeMap<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            counts.put(m, new long[4]);
        }
        String month = "to_char(%s AT TIME ZONE :zone, 'YYYY-MM')";
        String sql = """
                SELECT m, s, count(*) FROM (
                    SELECT %1$s AS m, 0 AS s FROM metrics_oficio WHERE %5$s AND created_at >= :from AND created_at < :to
                    UNION ALL SELECT %2$s, 1 FROM metrics_oficio WHERE %5$s AND signed_at >= :from AND signed_at < :to
                    UNION ALL SELECT %3$s, 2 FROM metrics_oficio WHERE %5$s AND sent_at >= :from AND sent_at < :to
                    UNION ALL SELECT %4$s, 3 FROM metrics_delivery WHERE %6$s AND received_at >= :from AND received_at < :to
                ) facts GROUP BY m, s""".formatted(month.formatted("created_at"), month.formatted("signed_at"),
                month.formatted("sent_at"), month.formatted("received_at"), period.sender(), period.recipient());
        jdbc.sql(sql).params(period.params()).query(rs -> {
            long[] row = counts.get(YearMonth.parse(rs.getString(1)));
            if (row != null) {
                row[rs.getInt(2)] = rs.getLong(3);
            }
        });
        return counts.entrySet().stream()
                .map(e -> new Indicators.Month(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2],
                        e.getValue()[3]))
                .toList();
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

    /** Median and 90th percentile (seconds, from percentile_cont) of {@code count} measured times. */
    private static Indicators.Times times(long count, Array percentiles) throws SQLException {
        if (count == 0 || percentiles == null) {
            return new Indicators.Times(0, null, null);
        }
        Object[] values = (Object[]) percentiles.getArray();
        return new Indicators.Times(count, seconds((Double) values[0]), seconds((Double) values[1]));
    }

    private static Duration seconds(Double value) {
        return value == null ? null : Duration.ofMillis(Math.round(value * 1000));
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
