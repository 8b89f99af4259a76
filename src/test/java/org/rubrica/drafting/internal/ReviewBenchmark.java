package org.rubrica.drafting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rubrica.drafting.internal.docx.DocxDraft;
import org.rubrica.drafting.internal.docx.DocxReader;
import org.rubrica.drafting.internal.docx.DocxWriter;
import org.rubrica.drafting.internal.text.BodyDiff;
import org.rubrica.drafting.internal.text.BodyToken;
import org.rubrica.drafting.internal.text.BodyTokens;
import org.rubrica.drafting.internal.text.Hunk;
import org.rubrica.drafting.internal.text.Redline;
import org.rubrica.templates.RichText;

/**
 * Issue 4's benchmark, without a database: the redline of a 20-page body with 200 scattered edits (both texts
 * read, compared and drawn); the Word export of a 10-page oficio with 50 tracked changes; and reading that file
 * back (parse, both versions, the differences). Not a test of speed (no thresholds); run with
 * {@code mvn test -Dgroups=benchmark -DexcludedGroups= -Dtest=ReviewBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and copy the printed lines into docs/benchmarks.md.
 */
@Tag("benchmark")
class ReviewBenchmark {

    private static final int WORDS_PER_PAGE = 380;
    private static final int WARM_UP = 60;
    private static final int RUNS = 100;

    @Test
    void redline_and_word_round_trip() {
        Random random = new Random(2026);
        String twentyPages = RichText.sanitize(body(20, random));
        String edited = RichText.sanitize(edit(twentyPages, 200, random));
        List<BodyToken> base = BodyTokens.tokenize(twentyPages);
        System.out.println("Review benchmark: " + Runtime.getRuntime().availableProcessors() + " cores, JDK "
                + Runtime.version() + "; 20-page body " + base.size() + " tokens (" + twentyPages.length() / 1024
                + " KiB HTML), " + BodyDiff.diff(base, BodyTokens.tokenize(edited)).size() + " changes after joining");

        report("redline, 20 pages, 200 edits (tokenize both, diff, draw)", () -> {
            List<BodyToken> a = BodyTokens.tokenize(twentyPages);
            List<BodyToken> b = BodyTokens.tokenize(edited);
            List<Redline.Shown> shown = new ArrayList<>();
            long id = 0;
            for (Hunk h : BodyDiff.diff(a, b)) {
                shown.add(new Redline.Shown(++id, h, (int) (id % 3), "Revisor " + id % 3));
            }
            return Redline.render(a, shown);
        });
        List<BodyToken> b = BodyTokens.tokenize(edited);
        report("  of which the diff alone", () -> BodyDiff.diff(base, b));

        String tenPages = RichText.sanitize(body(10, random));
        List<BodyToken> tenBase = BodyTokens.tokenize(tenPages);
        List<Hunk> fifty = BodyDiff.diff(tenBase, BodyTokens.tokenize(RichText.sanitize(edit(tenPages, 50, random))));
        List<DocxDraft.Tracked> tracked = new ArrayList<>();
        for (int i = 0; i < fifty.size(); i++) {
            tracked.add(new DocxDraft.Tracked(fifty.get(i), i % 2 == 0 ? "Karla Jiménez Aguilar" : "Gabriela Torres Espinoza",
                    Instant.parse("2026-11-30T10:00:00Z")));
        }
        DocxDraft draft = new DocxDraft(7, new DocxDraft.Page(215.9, 279.4, 30, 25, 24, 30, "Liberation Sans", 10.5,
                "#1d3557", "2026, Año de la Transparencia", "Palacio Municipal s/n"),
                new DocxDraft.Heading("Municipio de San Andrés del Valle", "Secretaría de Obras Públicas",
                        "Dirección de Obras Públicas", "Oficio núm. SOP/DOP/____/2026", "San Andrés, a 1 de diciembre de 2026",
                        "Prof. Alfonso Cervantes Duarte", "Director General", "Dirección General de Educación"),
                "Programa de bacheo", List.of(), List.of(), tenBase, tracked, List.of(), "Atentamente",
                "Ing. Miguel López Serrano", "Coordinador de Proyectos");
        byte[] file = DocxWriter.write(draft);
        System.out.println("10-page oficio with " + tracked.size() + " tracked changes: " + file.length / 1024 + " KiB .docx");
        report("DOCX export, 10 pages, " + tracked.size() + " tracked changes", () -> DocxWriter.write(draft));
        report("DOCX import of the same (parse, both versions, diff)", () -> {
            DocxReader.ReadDocument doc = DocxReader.read("bench.docx", file);
            return BodyDiff.diff(doc.before(), doc.after());
        });
        DocxReader.ReadDocument doc = DocxReader.read("bench.docx", file);
        assertThat(doc.before()).isEqualTo(tenBase);
        assertThat(BodyDiff.diff(doc.before(), doc.after())).hasSameSizeAs(fifty);
    }

    private static void report(String what, Supplier<Object> work) {
        for (int i = 0; i < WARM_UP; i++) {
            work.get();
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("%-62s median %7.1f ms   p95 %7.1f ms%n", what, millis[RUNS / 2],
                millis[(int) Math.ceil(RUNS * 0.95) - 1]);
    }

    private static final String[] WORDS = ("el la de que en los se del las por un para con una su al lo como más pero sus "
            + "obra calle programa bacheo informe dirección secretaría municipio presupuesto avance metros colonia "
            + "pavimento drenaje alumbrado licitación contrato supervisión ejercicio fiscal recursos federales estatales "
            + "solicitud atención oficio anexo expediente").split(" ");

    /** Paragraphs of about 60 words, a heading every page and a short list every few pages. */
    private static String body(int pages, Random random) {
        StringBuilder html = new StringBuilder();
        for (int page = 0; page < pages; page++) {
            html.append("<h2>Apartado ").append(page + 1).append("</h2>");
            int words = 0;
            while (words < WORDS_PER_PAGE) {
                html.append("<p>");
                for (int i = 0; i < 60; i++, words++) {
                    String w = WORDS[random.nextInt(WORDS.length)];
                    if (i % 17 == 5) {
                        html.append("<b>").append(w).append("</b> ");
                    } else {
                        html.append(w).append(i % 12 == 11 ? ", " : " ");
                    }
                }
                html.append("fin.</p>");
            }
            if (page % 3 == 0) {
                html.append("<ul><li>primer punto</li><li>segundo punto</li></ul>");
            }
        }
        return html.toString();
    }

    /** Scattered edits of single words: replaced, inserted after, or deleted. */
    private static String edit(String html, int edits, Random random) {
        String[] parts = html.split(" ", -1);
        for (int e = 0; e < edits; e++) {
            int at = (int) ((long) parts.length * e / edits) + random.nextInt(Math.max(1, parts.length / edits / 2));
            if (at >= parts.length || parts[at].contains("<") || parts[at].contains(">")) {
                at = Math.min(parts.length - 1, at + 1);
            }
            switch (e % 3) {
                case 0 -> parts[at] = parts[at].contains("<") ? parts[at] : "modificado";
                case 1 -> parts[at] = parts[at] + " añadido";
                default -> parts[at] = parts[at].contains("<") ? parts[at] : "";
            }
        }
        return String.join(" ", parts);
    }
}
