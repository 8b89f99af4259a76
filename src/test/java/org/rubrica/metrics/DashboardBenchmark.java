package org.rubrica.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.rubrica.directory.Directory;
import org.rubrica.directory.Unit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The institution's dashboard over one year of 1,000,000 oficios (and a copy received for each sent one): the
 * whole of {@link MetricsService#indicators} — counts, three medians and 90th percentiles, backlog, overdue,
 * rankings, the twelve months and savings — timed after two warm-up runs. Run: see docs/benchmarks.md.
 */
@Tag("benchmark")
@RubricaTest
class DashboardBenchmark {

    static final int OFICIOS = 1_000_000;
    static final int RUNS = 10;

    @Autowired Acting acting;
    @Autowired MetricsService metrics;
    @Autowired Directory directory;
    @Autowired JdbcClient jdbc;
    @Autowired org.rubrica.metrics.internal.Rollups rollups;

    @Test
    void the_institutions_year_of_a_million_oficios() {
        List<Unit> units = directory.units();
        Long[] unitIds = units.stream().map(Unit::id).toArray(Long[]::new);
        Long[] agencies = units.stream().map(u -> directory.agencyOf(u.id()).id()).toArray(Long[]::new);
        Long[] people = directory.people().stream().map(p -> p.id()).toArray(Long[]::new);
        long start = System.nanoTime();
        // one year (2025) of oficios: signed 1–72 h after drafting (95 %), sent within 4 h of signing (98 % of those)
        jdbc.sql("""
                        INSERT INTO metrics_oficio (oficio_id, kind, sender_unit_id, sender_agency, author_id, created_at,
                            signed_at, sent_at, pages, recipients)
                        SELECT gen_random_uuid(), 'BENCHMARK', (CAST(:units AS bigint[]))[u], (CAST(:agencies AS bigint[]))[u], (CAST(:people AS bigint[]))[1 + (i % cardinality(CAST(:people AS bigint[])))],
                               c, s, CASE WHEN s IS NOT NULL AND random() < 0.98 THEN s + random() * interval '4 hours' END,
                               1 + (i % 4), 1 + (i % 3)
                        FROM (SELECT i, 1 + (i % cardinality(CAST(:units AS bigint[]))) AS u,
                                     timestamptz '2025-01-01 06:00' + random() * interval '364 days' AS c
                              FROM generate_series(1, :n) i) g,
                             LATERAL (SELECT CASE WHEN random() < 0.95 THEN c + interval '1 hour' + random() * interval '71 hours' END AS s) signed""")
                .param("units", unitIds).param("agencies", agencies).param("people", people).param("n", OFICIOS)
                .update();
        // a copy received for each sent one: registered within 48 h (90 %), answered within 20 days (70 %)
        jdbc.sql("""
                        INSERT INTO metrics_delivery (oficio_id, unit_id, agency_id, delivered_at, received_at, answered_at)
                        SELECT oficio_id, (CAST(:units AS bigint[]))[u], (CAST(:agencies AS bigint[]))[u], sent_at, r,
                               CASE WHEN r IS NOT NULL AND random() < 0.7 THEN r + random() * interval '20 days' END
                        FROM (SELECT oficio_id, sent_at, 1 + (abs(hashtext(oficio_id::text)) % cardinality(CAST(:units AS bigint[]))) AS u,
                                     CASE WHEN random() < 0.9 THEN sent_at + interval '30 minutes' + random() * interval '48 hours' END AS r
                              FROM metrics_oficio WHERE kind = 'BENCHMARK' AND sent_at IS NOT NULL) sent""")
                .param("units", unitIds).param("agencies", agencies).update();
        jdbc.sql("ANALYZE metrics_oficio").update();
        jdbc.sql("ANALYZE metrics_delivery").update();
        long facts = System.nanoTime();
        rollups.rebuild(); // the facts were loaded in bulk, not through the events that mark their days
        System.out.printf("Dashboard, daily and monthly summaries of them made in %.1f s%n",
                (System.nanoTime() - facts) / 1e9);
        System.out.printf("Dashboard, data set: %,d oficios and %,d copies received, made in %.1f s%n",
                jdbc.sql("SELECT count(*) FROM metrics_oficio WHERE kind = 'BENCHMARK'").query(Long.class).single(),
                jdbc.sql("SELECT count(*) FROM metrics_delivery d JOIN metrics_oficio o USING (oficio_id) WHERE o.kind = 'BENCHMARK'")
                        .query(Long.class).single(),
                (System.nanoTime() - start) / 1e9);
        try {
            acting.as(Acting.AUDITOR);
            LocalDate from = LocalDate.of(2025, 1, 1);
            LocalDate to = LocalDate.of(2025, 12, 31);
            Indicators year = null;
            for (int i = 0; i < 2; i++) {
                year = metrics.indicators(Indicators.Scope.INSTITUTION, null, from, to);
            }
            assertThat(year.drafted()).isGreaterThanOrEqualTo(OFICIOS * 99L / 100);
            assertThat(year.months()).hasSize(12);
            double[] millis = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long t = System.nanoTime();
                metrics.indicators(Indicators.Scope.INSTITUTION, null, from, to);
                millis[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(millis);
            System.out.printf("Dashboard, the institution over 2025 (%,d drafted, %,d received): median %.0f ms, "
                            + "slowest %.0f ms of %d runs%n", year.drafted(), year.received(), millis[RUNS / 2],
                    millis[RUNS - 1], RUNS);
            long agency = directory.agencies().getFirst().id();
            long t = System.nanoTime();
            metrics.indicators(Indicators.Scope.AGENCY, agency, from, to);
            System.out.printf("Dashboard, one agency over 2025: %.0f ms%n", (System.nanoTime() - t) / 1e6);
        } finally {
            acting.nobody();
            jdbc.sql("DELETE FROM metrics_delivery d USING metrics_oficio o WHERE o.oficio_id = d.oficio_id"
                    + " AND o.kind = 'BENCHMARK'").update();
            jdbc.sql("DELETE FROM metrics_oficio WHERE kind = 'BENCHMARK'").update();
            rollups.rebuild();
        }
    }
}
