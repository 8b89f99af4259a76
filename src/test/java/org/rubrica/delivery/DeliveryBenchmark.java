package org.rubrica.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.rubrica.SignedOficios;
import org.rubrica.directory.Directory;
import org.rubrica.directory.DirectoryAdministration;
import org.rubrica.directory.Person;
import org.rubrica.directory.Role;
import org.rubrica.directory.UnitForm;
import org.rubrica.directory.UnitKind;
import org.rubrica.drafting.DraftContent;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.Recipient;
import org.rubrica.drafting.RecipientService;
import org.rubrica.search.SearchQuery;
import org.rubrica.search.SearchService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 7's benchmark. The generator (the SQL below, in the test's own database) writes 1,000,000 sent oficios by
 * the demo drafters, each delivered to five units (5,000,000 inbox entries) and indexed for search; then it times
 * a receiving office's inbox, searches as that office, and sending one oficio to 100 units. Not a test of speed
 * (no thresholds); run with
 * {@code mvn test -Dgroups=benchmark -DexcludedGroups= -Dtest=DeliveryBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and copy the printed lines into docs/benchmarks.md.
 */
@Tag("benchmark")
@RubricaTest
class DeliveryBenchmark {

    private static final int OFICIOS = 1_000_000;
    private static final int ENTRIES_EACH = 5;
    private static final int WARM_UP = 20;
    private static final int RUNS = 100;

    @Autowired JdbcTemplate jdbc;
    @Autowired Acting acting;
    @Autowired Directory directory;
    @Autowired DeliveryService delivery;
    @Autowired SearchService search;
    @Autowired OficioService oficios;
    @Autowired RecipientService recipients;
    @Autowired SignedOficios signedOficios;
    @Autowired DirectoryAdministration administration;

    @Test
    void inbox_search_and_a_100_unit_send_among_a_million_oficios() {
        generate();

        acting.as(Acting.RECIPIENT); // the receiving office of SEC/DGE: about a fifth of everything reaches it
        int inbox = jdbc.queryForObject("SELECT count(*) FROM delivery_inbox_entry WHERE unit_id = ?", Integer.class,
                acting.unitId("SEC/DGE"));
        measure("Inbox, first page (500 newest) of a receiving office with " + String.format("%,d", inbox) + " entries",
                () -> delivery.myInbox().size());
        String number = jdbc.queryForObject("""
                SELECT number FROM delivery_inbox_entry WHERE unit_id = ? ORDER BY delivered_at DESC OFFSET 777 LIMIT 1""",
                String.class, acting.unitId("SEC/DGE"));
        searches(Map.of(
                "a common word (\"educacion\", in a tenth of the subjects)", SearchQuery.words("educacion"),
                "two words (\"informe presupuesto\")", SearchQuery.words("informe presupuesto"),
                "a rare word (\"Xochimilco\", in 1 of 1,000 bodies)", SearchQuery.words("xochimilco"),
                "an exact number", SearchQuery.words(number),
                "a word, sent in the last 30 days", new SearchQuery("salud", null, null, null,
                        java.time.LocalDate.now().minusDays(30), null, SearchQuery.Due.ANY),
                "no words, newest first (browse)", SearchQuery.words("")));
        acting.nobody();

        sendToHundredUnits();
    }

    private void searches(Map<String, SearchQuery> queries) {
        queries.forEach((what, query) -> measure("Search, first page of 20, " + what,
                () -> search.search(query, null, 20).hits().size()));
    }

    private void generate() {
        long start = System.nanoTime();
        long version = jdbc.queryForObject("SELECT max(id) FROM templates_template_version", Long.class);
        List<Person> drafters = directory.people().stream().filter(p -> p.active() && directory.memberships(p.id())
                .stream().anyMatch(m -> m.role() == Role.DRAFTER)).toList();
        List<Long> units = directory.activeUnits().stream().map(u -> u.id()).toList();
        String authors = drafters.stream().map(p -> String.valueOf(p.id())).collect(Collectors.joining(",", "{", "}"));
        String senders = drafters.stream().map(p -> String.valueOf(p.unitId())).collect(Collectors.joining(",", "{", "}"));
        String unitArray = units.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
        jdbc.execute("CREATE TEMP TABLE gen AS SELECT g, gen_random_uuid() AS id FROM generate_series(1, " + OFICIOS + ") g");
        jdbc.update("""
                INSERT INTO drafting_oficio (id, template_version_id, kind, sender_unit_id, author_id, recipient_unit_id,
                    subject, body_html, status, number, created_at, updated_at, sent_at, version)
                SELECT id, ?, 'OFICIO', (?::bigint[])[1 + g % ?], (?::bigint[])[1 + g % ?], (?::bigint[])[1 + (g * 7) % ?],
                       (ARRAY['Solicitud','Informe','Convocatoria','Respuesta','Aviso'])[1 + g % 5] || ' de '
                       || (ARRAY['educación','obras','salud','presupuesto','archivo','cultura','tesorería','personal',
                                 'auditoría','transporte'])[1 + (g / 5) % 10] || ' núm. ' || g,
                       '<p>Se informa sobre el programa ' || (ARRAY['anual','trimestral','mensual'])[1 + g % 3]
                       || CASE WHEN g % 1000 = 0 THEN ' de Xochimilco' ELSE '' END
                       || ' conforme a lo solicitado en su oficio anterior.</p>',
                       'SENT', 'GEN/' || lpad(g::text, 7, '0') || '/2026',
                       now() - make_interval(secs => g * 30), now() - make_interval(secs => g * 30),
                       now() - make_interval(secs => g * 30), 0
                FROM gen""", version, senders, drafters.size(), authors, drafters.size(), unitArray, units.size());
        jdbc.update("""
                INSERT INTO delivery_inbox_entry (oficio_id, unit_id, role, kind, number, subject, sender_unit_id,
                    sender_unit_name, sent_by, author_name, delivered_at, read_at)
                SELECT o.id, (?::bigint[])[1 + (gen.g * 7 + k * 3) % ?], CASE k WHEN 0 THEN 'TO' ELSE 'CC' END, o.kind,
                       o.number, o.subject, o.sender_unit_id, 'Unidad remitente', o.author_id, 'Persona autora',
                       o.sent_at, CASE WHEN gen.g > 200 THEN o.sent_at END
                FROM gen JOIN drafting_oficio o ON o.id = gen.id, generate_series(0, ?) k""",
                unitArray, units.size(), ENTRIES_EACH - 1);
        jdbc.update("""
                INSERT INTO search_oficio (oficio_id, kind, status, number, subject, sender_label, sender_unit_id,
                    author_id, unit_ids, confidential, delivered, sort_at, document)
                SELECT o.id, o.kind, o.status, o.number, o.subject, 'Unidad remitente', o.sender_unit_id, o.author_id,
                       ARRAY(SELECT (?::bigint[])[1 + (gen.g * 7 + k * 3) % ?] FROM generate_series(0, ?) k),
                       false, true, o.sent_at,
                       setweight(to_tsvector('rubrica_es', replace(o.number, '/', ' ') || ' ' || o.subject), 'A')
                       || setweight(to_tsvector('rubrica_es', o.body_html), 'C')
                FROM gen JOIN drafting_oficio o ON o.id = gen.id""", unitArray, units.size(), ENTRIES_EACH - 1);
        jdbc.execute("ANALYZE");
        System.out.printf("Delivery benchmark: %,d oficios, %,d inbox entries, %,d search rows generated in %.0f s%n",
                jdbc.queryForObject("SELECT count(*) FROM drafting_oficio", Long.class),
                jdbc.queryForObject("SELECT count(*) FROM delivery_inbox_entry", Long.class),
                jdbc.queryForObject("SELECT count(*) FROM search_oficio", Long.class), (System.nanoTime() - start) / 1e9);
    }

    /** A signed oficio to its addressee and 99 more units, sent: the whole transaction, timed per send. */
    private void sendToHundredUnits() {
        acting.as(Acting.ADMIN);
        String agency = "B" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        long agencyId = administration.saveUnit(new UnitForm(null, null, agency, "Dependencia " + agency,
                UnitKind.AGENCY, null, true));
        List<Long> others = new ArrayList<>(List.of(agencyId));
        for (int i = 1; i < 99; i++) {
            others.add(administration.saveUnit(new UnitForm(null, agencyId, agency + "/U" + i, "Unidad " + i,
                    UnitKind.DEPARTMENT, null, true)));
        }
        int rounds = 8;
        double[] millis = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            acting.as(Acting.DRAFTER);
            UUID id = oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC/DGE"), "Circular " + i,
                    "<p>Se comunica el calendario.</p>", Map.of()));
            recipients.setOthers(id, others.stream().map(Recipient::to).toList());
            signedOficios.signDraft(id);
            long t = System.nanoTime();
            int units = delivery.send(id).size();
            millis[i] = (System.nanoTime() - t) / 1e6;
            assertThat(units).isEqualTo(100);
        }
        double[] measured = Arrays.copyOfRange(millis, 2, rounds); // the first two warm up
        Arrays.sort(measured);
        System.out.printf("Sending one signed oficio to 100 units (status, 100 inbox entries, 101 trail entries, index):"
                + " median %.1f ms, max %.1f ms of %d sends%n", measured[measured.length / 2],
                measured[measured.length - 1], measured.length);
        acting.nobody();
    }

    private static void measure(String what, IntSupplier call) {
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
        System.out.printf("%s (result %,d): median %.1f ms, p95 %.1f ms%n", what, result, millis[RUNS / 2],
                millis[(int) Math.ceil(RUNS * 0.95) - 1]);
    }
}
