package org.rubrica.metrics;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.rubrica.directory.Actor;
import org.rubrica.directory.CurrentActor;
import org.rubrica.directory.Directory;
import org.rubrica.directory.Person;
import org.rubrica.directory.Role;
import org.rubrica.directory.Unit;
import org.rubrica.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes indicators from the facts the metrics module keeps. Auditors and organisation administrators see any
 * scope; the head of a unit sees that unit (the head of an agency, that agency).
 */
@Service
@Transactional(readOnly = true)
public class MetricsService {

    static final int RANKED = 10;

    private final JdbcClient jdbc;
    private final Directory directory;
    private final CurrentActor currentActor;
    private final Clock clock;

    MetricsService(JdbcClient jdbc, Directory directory, CurrentActor currentActor, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /**
     * @param scopeId the unit or agency; ignored for the institution
     * @throws InvalidInputException  when the period is missing or ends before it starts
     * @throws AccessDeniedException when the person may not see that scope
     */
    public Indicators indicators(Indicators.Scope scope, Long scopeId, LocalDate from, LocalDate to) {
        requireMaySee(scope, scopeId);
        if (from == null || to == null || to.isBefore(from)) {
            throw new InvalidInputException("metrics.period", "from");
        }
        ZoneId zone = clock.getZone();
        Map<String, Object> p = Map.of("from", Timestamp.from(from.atStartOfDay(zone).toInstant()),
                "to", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()),
                "id", scopeId == null ? -1L : scopeId);
        String sender = switch (scope) {
            case UNIT -> "sender_unit_id = :id";
            case AGENCY -> "sender_agency = :id";
            case INSTITUTION -> "true";
        };
        String recipient = switch (scope) {
            case UNIT -> "unit_id = :id";
            case AGENCY -> "agency_id = :id";
            case INSTITUTION -> "true";
        };
        Map<Long, String> people = directory.people().stream().collect(Collectors.toMap(Person::id, Person::fullName));
        Map<Long, String> units = directory.units().stream().collect(Collectors.toMap(Unit::id, Unit::label));
        return new Indicators(scope, scope == Indicators.Scope.INSTITUTION ? null : scopeId, from, to,
                count("metrics_oficio", "created_at", sender, p),
                count("metrics_oficio", "signed_at", sender, p),
                count("metrics_oficio", "sent_at", sender, p),
                count("metrics_delivery", "received_at", recipient, p),
                times("metrics_oficio", "created_at", "signed_at", sender, p),
                times("metrics_delivery", "delivered_at", "received_at", recipient, p),
                times("metrics_delivery", "received_at", "answered_at", recipient, p),
                jdbc.sql("SELECT count(*) FROM metrics_delivery WHERE " + recipient + " AND delivered_at < :to"
                                + " AND (answered_at IS NULL OR answered_at >= :to)"
                                + " AND (archived_at IS NULL OR archived_at >= :to)")
                        .params(p).query(Long.class).single(),
                ranked("SELECT author_id, count(*) FROM metrics_oficio WHERE " + sender
                        + " AND created_at >= :from AND created_at < :to GROUP BY author_id", p, people),
                ranked("SELECT sender_unit_id, count(*) FROM metrics_oficio WHERE " + sender
                        + " AND sent_at >= :from AND sent_at < :to GROUP BY sender_unit_id", p, units),
                ranked("SELECT unit_id, count(*) FROM metrics_delivery WHERE " + recipient
                        + " AND delivered_at >= :from AND delivered_at < :to GROUP BY unit_id", p, units));
    }

    /** The ten with most, most first (ties by id), named (by number when the directory no longer has them). */
    private List<Indicators.Ranked> ranked(String grouped, Map<String, Object> p, Map<Long, String> names) {
        return jdbc.sql(grouped + " ORDER BY 2 DESC, 1 LIMIT " + RANKED).params(p)
                .query((rs, n) -> new Indicators.Ranked(rs.getLong(1),
                        names.getOrDefault(rs.getLong(1), "#" + rs.getLong(1)), rs.getLong(2)))
                .list();
    }

    /** How many had {@code column} in the period. */
    private long count(String table, String column, String filter, Map<String, Object> p) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + filter + " AND " + column + " >= :from AND "
                + column + " < :to").params(p).query(Long.class).single();
    }

    /** Median and 90th percentile of {@code end - start} for those whose end fell in the period. */
    private Indicators.Times times(String table, String start, String end, String filter, Map<String, Object> p) {
        return jdbc.sql("SELECT count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM " + end
                        + " - " + start + ")), percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM " + end
                        + " - " + start + ")) FROM " + table + " WHERE " + filter + " AND " + end + " >= :from AND "
                        + end + " < :to")
                .params(p)
                .query((rs, n) -> new Indicators.Times(rs.getLong(1), seconds(rs.getObject(2, Double.class)),
                        seconds(rs.getObject(3, Double.class))))
                .single();
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
