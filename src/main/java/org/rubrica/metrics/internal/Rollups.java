package org.rubrica.metrics.internal;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.rubrica.directory.Directory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily and monthly summaries behind the indicators. A change marks the (day, unit) it touched, in its own
 * transaction; before indicators are read, the marked days (and the months they fall in, for the time bands) are
 * recomputed from the facts — so the facts stay the one source and a summary is never incremented twice.
 * <p>
 * A time band is 1 % wide: band 0 holds times under a minute, band b ≥ 1 those from 60·e^((b−1)/100) seconds.
 */
@Component
public class Rollups {

    /**
     * The measured times, as kept in {@code metrics_monthly_time.measure} (by ordinal): the facts' table, the
     * column the time ends at (which places it in a period), the one it starts from, and the unit column it counts
     * for (the sender's or the recipient's).
     */
    public enum Measure {
        DRAFT_TO_SIGNED("metrics_oficio", "created_at", "signed_at", "sender_unit_id"),
        DELIVERED_TO_RECEIVED("metrics_delivery", "delivered_at", "received_at", "unit_id"),
        RECEIVED_TO_ANSWERED("metrics_delivery", "received_at", "answered_at", "unit_id");

        public final String table;
        public final String start;
        public final String end;
        public final String unitColumn;

        Measure(String table, String start, String end, String unitColumn) {
            this.table = table;
            this.start = start;
            this.end = end;
            this.unitColumn = unitColumn;
        }

        /** The time in seconds, as SQL over the table's columns. */
        public String seconds() {
            return "extract(epoch FROM " + end + " - " + start + ")";
        }

        /** Whether it counts for the oficio's sender (otherwise for the recipient unit). */
        public boolean senderSide() {
            return table.equals("metrics_oficio");
        }
    }

    /** The band of a time in seconds, as SQL; {@code %s} is the seconds expression. */
    public static final String BAND = "CASE WHEN %1$s < 60 THEN 0 ELSE 1 + floor(ln(%1$s / 60.0) * 100)::int END";

    /** The time a band stands for (its middle), in seconds. */
    public static double bandSeconds(int band) {
        return band == 0 ? 30 : 60 * Math.exp((band - 0.5) / 100);
    }

    /** The advisory lock that serialises refreshes (any constant no other code uses). */
    private static final long REFRESH_LOCK = 0x6d6574726963L;

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    Rollups(JdbcClient jdbc, Directory directory, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Marks the day of {@code at} for the unit, in the caller's transaction (it commits with the fact). */
    void mark(Instant at, long unitId) {
        jdbc.sql("INSERT INTO metrics_dirty (day, unit_id) VALUES (?, ?)")
                .params(Date.valueOf(LocalDate.ofInstant(at, clock.getZone())), unitId).update();
    }

    /**
     * Starts the summaries afresh from the facts (after facts were loaded or removed in bulk): every day any fact
     * touched is marked, then recomputed.
     */
    public void rebuild() {
        ownTransaction.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM metrics_daily").update();
            jdbc.sql("DELETE FROM metrics_daily_author").update();
            jdbc.sql("DELETE FROM metrics_monthly_time").update();
            jdbc.sql("""
                        INSERT INTO metrics_dirty (day, unit_id)
                        SELECT DISTINCT (t AT TIME ZONE :zone)::date, u FROM (
                            SELECT created_at AS t, sender_unit_id AS u FROM metrics_oficio
                            UNION ALL SELECT signed_at, sender_unit_id FROM metrics_oficio WHERE signed_at IS NOT NULL
                            UNION ALL SELECT sent_at, sender_unit_id FROM metrics_oficio WHERE sent_at IS NOT NULL
                            UNION ALL SELECT delivered_at, unit_id FROM metrics_delivery
                            UNION ALL SELECT received_at, unit_id FROM metrics_delivery WHERE received_at IS NOT NULL
                            UNION ALL SELECT closed_at, unit_id FROM metrics_delivery WHERE closed_at IS NOT NULL
                        ) facts""")
                    .param("zone", clock.getZone().getId()).update();
        });
        refresh();
    }

    /** Keeps the summaries close to the facts between reads, so a dashboard seldom has much to recompute. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "${rubrica.metrics.refresh:PT1M}",
            initialDelayString = "${rubrica.metrics.refresh:PT1M}")
    void scheduledRefresh() {
        refresh();
    }

    /** Recomputes the marked days and their months from the facts, in a transaction of its own. */
    public void refresh() {
        ownTransaction.executeWithoutResult(status -> {
            record Key(LocalDate day, long unitId) {
            }
            // one refresh at a time (in the whole cluster): two recomputing the same days could deadlock
            jdbc.sql("SELECT pg_advisory_xact_lock(" + REFRESH_LOCK + ")").query(rs -> { });
            List<Key> keys = jdbc.sql("DELETE FROM metrics_dirty RETURNING day, unit_id")
                    .query((rs, n) -> new Key(rs.getDate(1).toLocalDate(), rs.getLong(2))).stream().distinct().toList();
            if (keys.isEmpty()) {
                return;
            }
            Date[] days = keys.stream().map(k -> Date.valueOf(k.day())).toArray(Date[]::new);
            Long[] units = keys.stream().map(Key::unitId).toArray(Long[]::new);
            java.util.Set<Long> known = directory.units().stream().map(org.rubrica.directory.Unit::id)
                    .collect(java.util.stream.Collectors.toSet());
            Long[] agencies = keys.stream().map(k -> agencyOf(k.unitId(), known)).toArray(Long[]::new);
            var p = java.util.Map.<String, Object>of("days", days, "units", units, "agencies", agencies,
                    "zone", clock.getZone().getId());
            jdbc.sql(KEYS + DAILY).params(p).update();
            jdbc.sql("DELETE FROM metrics_daily_author a USING (SELECT unnest(CAST(:days AS date[])) AS day,"
                    + " unnest(CAST(:units AS bigint[])) AS unit_id) k WHERE a.day = k.day AND a.unit_id = k.unit_id")
                    .params(p).update();
            jdbc.sql(KEYS + AUTHORS).params(p).update();
            jdbc.sql("""
                            DELETE FROM metrics_monthly_time t USING (SELECT DISTINCT date_trunc('month', d)::date AS month, u
                                FROM unnest(CAST(:days AS date[]), CAST(:units AS bigint[])) AS k(d, u)) m
                            WHERE t.month = m.month AND t.unit_id = m.u""").params(p).update();
            jdbc.sql(MONTHS + BANDS).params(p).update();
        });
    }

    /** The unit's agency: the directory's, or for a unit it no longer has, the one its facts were kept under. */
    private long agencyOf(long unitId, java.util.Set<Long> known) {
        if (known.contains(unitId)) {
            return directory.agencyOf(unitId).id();
        }
        return jdbc.sql("""
                        SELECT agency FROM (SELECT sender_agency AS agency FROM metrics_oficio WHERE sender_unit_id = :u
                                            UNION ALL SELECT agency_id FROM metrics_delivery WHERE unit_id = :u) a
                        LIMIT 1""").param("u", unitId).query(Long.class).optional().orElse(unitId);
    }

    /** The marked (day, unit) with the day's bounds in the application's zone. */
    private static final String KEYS = """
            WITH k AS (
                SELECT day, unit_id, agency_id, day::timestamp AT TIME ZONE :zone AS s,
                       (day + 1)::timestamp AT TIME ZONE :zone AS e
                FROM unnest(CAST(:days AS date[]), CAST(:units AS bigint[]), CAST(:agencies AS bigint[]))
                     AS keys(day, unit_id, agency_id))
            """;

    private static final String DAILY = """
            INSERT INTO metrics_daily (day, unit_id, agency_id, drafted, signed, sent, sheets, copies, delivered,
                                       received, answered, closed)
            SELECT k.day, k.unit_id, k.agency_id,
                   (SELECT count(*) FROM metrics_oficio WHERE sender_unit_id = k.unit_id AND created_at >= k.s AND created_at < k.e),
                   (SELECT count(*) FROM metrics_oficio WHERE sender_unit_id = k.unit_id AND signed_at >= k.s AND signed_at < k.e),
                   s.sent, s.sheets, s.copies,
                   (SELECT count(*) FROM metrics_delivery WHERE unit_id = k.unit_id AND delivered_at >= k.s AND delivered_at < k.e),
                   (SELECT count(*) FROM metrics_delivery WHERE unit_id = k.unit_id AND received_at >= k.s AND received_at < k.e),
                   (SELECT count(*) FROM metrics_delivery WHERE unit_id = k.unit_id AND answered_at >= k.s AND answered_at < k.e),
                   (SELECT count(*) FROM metrics_delivery WHERE unit_id = k.unit_id AND closed_at >= k.s AND closed_at < k.e)
            FROM k, LATERAL (SELECT count(*) AS sent, coalesce(sum(pages * (recipients + 1)), 0) AS sheets,
                                    coalesce(sum(recipients), 0) AS copies
                             FROM metrics_oficio WHERE sender_unit_id = k.unit_id AND sent_at >= k.s AND sent_at < k.e) s
            ON CONFLICT (day, unit_id) DO UPDATE SET agency_id = EXCLUDED.agency_id, drafted = EXCLUDED.drafted,
                signed = EXCLUDED.signed, sent = EXCLUDED.sent, sheets = EXCLUDED.sheets, copies = EXCLUDED.copies,
                delivered = EXCLUDED.delivered, received = EXCLUDED.received, answered = EXCLUDED.answered,
                closed = EXCLUDED.closed""";

    private static final String AUTHORS = """
            INSERT INTO metrics_daily_author (day, unit_id, author_id, agency_id, drafted)
            SELECT k.day, k.unit_id, o.author_id, k.agency_id, count(*)
            FROM k JOIN metrics_oficio o ON o.sender_unit_id = k.unit_id AND o.created_at >= k.s AND o.created_at < k.e
            GROUP BY k.day, k.unit_id, o.author_id, k.agency_id""";

    /** The months of the marked days, with their bounds. */
    private static final String MONTHS = """
            WITH m AS (
                SELECT DISTINCT date_trunc('month', d)::date AS month, u AS unit_id, a AS agency_id,
                       date_trunc('month', d)::timestamp AT TIME ZONE :zone AS s,
                       (date_trunc('month', d) + interval '1 month')::timestamp AT TIME ZONE :zone AS e
                FROM unnest(CAST(:days AS date[]), CAST(:units AS bigint[]), CAST(:agencies AS bigint[])) AS k(d, u, a))
            """;

    /** Each measure's times of the marked months, counted by band. */
    private static final String BANDS = """
            INSERT INTO metrics_monthly_time (month, unit_id, agency_id, measure, band, count)
            SELECT month, unit_id, agency_id, measure, band, count(*) FROM (%s) timed
            GROUP BY month, unit_id, agency_id, measure, band""".formatted(java.util.Arrays.stream(Measure.values())
            .map(m -> "SELECT m.month, m.unit_id, m.agency_id, " + m.ordinal() + " AS measure, "
                    + BAND.formatted(m.seconds()) + " AS band FROM m JOIN " + m.table + " f ON f." + m.unitColumn
                    + " = m.unit_id AND f." + m.end + " >= m.s AND f." + m.end + " < m.e")
            .collect(java.util.stream.Collectors.joining(" UNION ALL ")));
}
