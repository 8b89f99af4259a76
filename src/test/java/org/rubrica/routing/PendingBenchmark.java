package org.rubrica.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.rubrica.directory.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 5's benchmark: the first page of Pendientes for a signer with 5,000 items waiting, among 1,000,000 oficios
 * (200,000 of them with a finished route of two steps). The generator is the SQL below, run in the test's own
 * database. Not a test of speed (no thresholds); run with
 * {@code mvn test -Dgroups=benchmark -DexcludedGroups= -Dtest=PendingBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and copy the printed lines into docs/benchmarks.md.
 */
@Tag("benchmark")
@RubricaTest
class PendingBenchmark {

    private static final int OFICIOS = 1_000_000;
    private static final int WARM_UP = 30;
    private static final int RUNS = 100;

    @Autowired JdbcTemplate jdbc;
    @Autowired Acting acting;
    @Autowired RoutingService routing;


    @Test
    void first_page_of_pendientes_for_a_signer_with_5000_items_among_a_million_oficios() {
        Person signer = acting.person("Arq. Beatriz Elena Campos Rangel");
        Person reviewer = acting.person("Ing. Sergio Ramírez Treviño");
        long author = acting.personId(Acting.DRAFTER);
        long sender = acting.unitId("SOP/DOP");
        long recipient = acting.unitId("SEC/DGE");
        long version = jdbc.queryForObject("SELECT max(id) FROM templates_template_version", Long.class);

        long start = System.nanoTime();
        // every 200th oficio waits in review for the signer (5,000); every 5th went through a finished route
        jdbc.update("""
                INSERT INTO drafting_oficio (id, template_version_id, kind, sender_unit_id, author_id, recipient_unit_id,
                    subject, body_html, status, created_at, updated_at, version)
                SELECT gen_random_uuid(), ?, 'OFICIO', ?, ?, ?, 'Oficio generado ' || g, '<p>Texto del oficio.</p>',
                       CASE WHEN g % 200 = 0 THEN 'IN_REVIEW' WHEN g % 5 = 0 THEN 'APPROVED' ELSE 'SENT' END,
                       now() - make_interval(secs => g), now() - make_interval(secs => g), 0
                FROM generate_series(1, ?) g""", version, sender, author, recipient, OFICIOS);
        jdbc.update("""
                INSERT INTO routing_route (oficio_id, round, current_position, submitted_at, submitted_by, oficio_kind,
                    subject, subject_key, priority)
                SELECT id, 1, CASE WHEN status = 'IN_REVIEW' THEN 2 END, created_at, ?, kind, subject, lower(subject),
                       CASE WHEN random() < 0.1 THEN 'URGENT' ELSE 'NORMAL' END
                FROM drafting_oficio
                WHERE status IN ('IN_REVIEW', 'APPROVED') AND subject LIKE 'Oficio generado %'""", author);
        jdbc.update("""
                INSERT INTO routing_step (oficio_id, position, kind, mode, due_at)
                SELECT oficio_id, p, CASE p WHEN 1 THEN 'REVIEW' ELSE 'SIGN' END, 'ALL', submitted_at + interval '5 days'
                FROM routing_route, generate_series(1, 2) p""");
        jdbc.update("""
                INSERT INTO routing_step_member (step_id, person_id)
                SELECT id, CASE position WHEN 1 THEN ? ELSE ? END FROM routing_step""", reviewer.id(), signer.id());
        jdbc.update("""
                INSERT INTO routing_decision (oficio_id, position, round, kind, person_id, acted_by, decision, decided_at)
                SELECT s.oficio_id, s.position, 1, s.kind, m.person_id, m.person_id, 'APPROVED', now()
                FROM routing_step s JOIN routing_step_member m ON m.step_id = s.id JOIN routing_route r ON r.oficio_id = s.oficio_id
                WHERE r.current_position IS NULL OR s.position < r.current_position""");
        jdbc.update("""
                INSERT INTO routing_waiting (oficio_id, person_id, kind, round, position, due_at, since, priority, subject,
                                             subject_key, oficio_kind)
                SELECT r.oficio_id, m.person_id, s.kind, r.round, s.position, s.due_at, r.submitted_at, r.priority, r.subject,
                       r.subject_key, r.oficio_kind
                FROM routing_route r JOIN routing_step s ON s.oficio_id = r.oficio_id AND s.position = r.current_position
                JOIN routing_step_member m ON m.step_id = s.id""");
        jdbc.execute("ANALYZE");
        System.out.printf("Pendientes benchmark: %,d oficios, %,d routes, %,d steps, %,d decisions generated in %.1f s%n",
                jdbc.queryForObject("SELECT count(*) FROM drafting_oficio", Long.class),
                jdbc.queryForObject("SELECT count(*) FROM routing_route", Long.class),
                jdbc.queryForObject("SELECT count(*) FROM routing_step", Long.class),
                jdbc.queryForObject("SELECT count(*) FROM routing_decision", Long.class), (System.nanoTime() - start) / 1e9);

        acting.as(signer.username());
        int waiting = jdbc.queryForObject("""
                SELECT count(*) FROM routing_route r JOIN routing_step s ON s.oficio_id = r.oficio_id
                AND s.position = r.current_position JOIN routing_step_member m ON m.step_id = s.id WHERE m.person_id = ?""",
                Integer.class, signer.id());
        assertThat(waiting).isGreaterThanOrEqualTo(OFICIOS / 200);
        var all = RouteModels.PendingQuery.all();
        var narrowed = new RouteModels.PendingQuery(null, "generado 9", false, true, RouteModels.PendingOrder.PRIORITY, false);
        measure("first 50 (the grid's first page, the API's default)", waiting, () -> routing.myPending(all, 0, 50).size());
        measure("count of all (the API's X-Total-Count)", waiting, () -> routing.countMyPending(all));
        measure("page 50 (rows 2,451–2,500)", waiting, () -> routing.myPending(all, 2450, 50).size());
        measure("filtered: words + urgent only, by priority: count + first 50", waiting, () -> {
            int total = routing.countMyPending(narrowed);
            routing.myPending(narrowed, 0, 50);
            return total;
        });
        acting.nobody();
    }

    /** Warms up, then times the call; prints median and p95 with what the call returned (rows or a count). */
    private static void measure(String what, int waiting, java.util.function.IntSupplier call) {
        for (int i = 0; i < WARM_UP; i++) {
            call.getAsInt();
        }
        double[] millis = new double[RUNS];
        int result = 0;
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            result = call.getAsInt();
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("Pendientes, %s, of %,d waiting (result %,d): median %.1f ms, p95 %.1f ms%n",
                what, waiting, result, millis[RUNS / 2], millis[(int) Math.ceil(RUNS * 0.95) - 1]);
    }
}
