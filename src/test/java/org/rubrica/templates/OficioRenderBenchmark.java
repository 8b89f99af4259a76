package org.rubrica.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3's benchmark: the built-in oficio with a two-page body, FreeMarker → XHTML → PDF through
 * {@link DocumentRenderer}, against LibreOffice headless converting an equivalent DOCX to PDF (what many
 * government systems do), in the same run. Not a test of speed (no thresholds); excluded from normal runs by
 * its tag. Run with
 * {@code mvn test -Dgroups=benchmark -DexcludedGroups= -Dtest=OficioRenderBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and copy the printed lines into docs/benchmarks.md. Without LibreOffice ({@code soffice} on the PATH) it says
 * how to install it and reports the renderer's figures only.
 */
@Tag("benchmark")
class OficioRenderBenchmark {

    private static final int WARM_UP = 3_000;
    private static final int RUNS = 500;
    private static final int LIBREOFFICE_COLD_RUNS = 5;
    private static final int LIBREOFFICE_BATCH = 40;

    private final DocumentRenderer renderer = InMemoryTemplates.builtins().renderer();
    private final DocumentData oficio = twoPageOficio();

    @Test
    void oficio_render_vs_libreoffice(@TempDir Path dir) throws Exception {
        byte[] pdf = renderer.toPdf(InMemoryTemplates.OFICIO, oficio);
        assertThat(pages(pdf)).as("the benchmark is for a two-page oficio").isEqualTo(2);
        System.out.println("Oficio render vs LibreOffice: two-page oficio (" + pdf.length / 1024 + " KiB PDF, "
                + renderer.toXhtml(InMemoryTemplates.OFICIO, oficio).length() / 1024 + " KiB XHTML), "
                + Runtime.getRuntime().availableProcessors() + " cores, JDK " + Runtime.version() + ", "
                + WARM_UP + " warm-up + " + RUNS + " measured documents per thread");

        double[] single = measure(RUNS);
        report("Rubrica, 1 thread", single, RUNS, sum(single));
        report("  (its FreeMarker → XHTML step alone)",
                step(() -> renderer.toXhtml(InMemoryTemplates.OFICIO, oficio)), RUNS, Double.NaN);
        double[][] two = inThreads(2);
        double[] both = concat(two);
        report("Rubrica, 2 threads", both, both.length, Math.max(sum(two[0]), sum(two[1])));

        String soffice = findSoffice();
        if (soffice == null) {
            System.out.println("LibreOffice: not found (no soffice on the PATH). Install it for the comparison, "
                    + "e.g. sudo apt-get install -y libreoffice-writer-nogui, and run again.");
            return;
        }
        libreOffice(soffice, dir, median(single));
    }

    // ---------------------------------------------------------------- Rubrica

    private double[] measure(int runs) {
        for (int i = 0; i < WARM_UP; i++) {
            renderer.toPdf(InMemoryTemplates.OFICIO, oficio);
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            renderer.toPdf(InMemoryTemplates.OFICIO, oficio);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return millis;
    }

    private static double[] step(Runnable work) {
        for (int i = 0; i < WARM_UP / 2; i++) {
            work.run();
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return millis;
    }

    /** Each thread warms up, waits for the others, then renders {@link #RUNS} documents. */
    private double[][] inThreads(int threads) throws InterruptedException {
        double[][] results = new double[threads][];
        CountDownLatch warm = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int index = t;
            Thread worker = new Thread(() -> {
                for (int i = 0; i < WARM_UP; i++) {
                    renderer.toPdf(InMemoryTemplates.OFICIO, oficio);
                }
                warm.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                double[] millis = new double[RUNS];
                for (int i = 0; i < RUNS; i++) {
                    long start = System.nanoTime();
                    renderer.toPdf(InMemoryTemplates.OFICIO, oficio);
                    millis[i] = (System.nanoTime() - start) / 1e6;
                }
                results[index] = millis;
            });
            workers.add(worker);
            worker.start();
        }
        assertThat(warm.await(5, TimeUnit.MINUTES)).isTrue();
        go.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        return results;
    }

    // ---------------------------------------------------------------- LibreOffice

    /**
     * The DOCX is LibreOffice's own conversion of the very XHTML Rubrica prints from (letterhead, blocks, body,
     * signature; Writer imports CSS only in part), checked to be two pages as PDF. Timed two ways: a cold
     * {@code soffice --convert-to pdf} process per document (what a script calling LibreOffice pays), and the
     * cost per document inside one long-lived process, from one process converting {@value #LIBREOFFICE_BATCH}
     * copies against one converting a single copy.
     */
    private void libreOffice(String soffice, Path dir, double rubricaMedian) throws Exception {
        Path profile = dir.resolve("lo-profile");
        String userInstallation = "-env:UserInstallation=" + profile.toUri();
        Path html = dir.resolve("oficio.html");
        Files.writeString(html, renderer.toXhtml(InMemoryTemplates.OFICIO, oficio), StandardCharsets.UTF_8);
        // first start creates the profile: not timed
        run(dir, soffice, userInstallation, "--headless", "--infilter=HTML (StarWriter)", "--convert-to",
                "docx:MS Word 2007 XML", "--outdir", dir.toString(), html.toString());
        Path docx = dir.resolve("oficio.docx");
        assertThat(docx).exists();
        Path check = dir.resolve("check");
        run(dir, soffice, userInstallation, "--headless", "--convert-to", "pdf", "--outdir", check.toString(),
                docx.toString());
        int loPages = pages(Files.readAllBytes(check.resolve("oficio.pdf")));
        System.out.println(version(soffice) + "; DOCX " + Files.size(docx) / 1024 + " KiB, its PDF "
                + loPages + " pages");

        double[] cold = new double[LIBREOFFICE_COLD_RUNS];
        for (int i = 0; i < cold.length; i++) {
            Path out = dir.resolve("cold" + i);
            long start = System.nanoTime();
            run(dir, soffice, userInstallation, "--headless", "--convert-to", "pdf", "--outdir", out.toString(),
                    docx.toString());
            cold[i] = (System.nanoTime() - start) / 1e6;
            assertThat(out.resolve("oficio.pdf")).exists();
        }
        report("LibreOffice, cold process per document", cold, cold.length, sum(cold));

        Path batch = dir.resolve("batch");
        Files.createDirectories(batch);
        List<String> files = new ArrayList<>();
        for (int i = 0; i < LIBREOFFICE_BATCH; i++) {
            Path copy = batch.resolve("oficio-" + i + ".docx");
            Files.copy(docx, copy);
            files.add(copy.toString());
        }
        double[] perDocument = new double[3];
        for (int r = 0; r < perDocument.length; r++) {
            double one = timeConversion(dir, soffice, userInstallation, files.subList(0, 1), dir.resolve("one" + r));
            double many = timeConversion(dir, soffice, userInstallation, files, dir.resolve("many" + r));
            perDocument[r] = (many - one) / (LIBREOFFICE_BATCH - 1);
        }
        report("LibreOffice, one long-lived process (per document)", perDocument, perDocument.length, Double.NaN);
        System.out.println(String.format(Locale.ROOT, "Rubrica median is %.0f× faster than a cold LibreOffice "
                        + "process and %.0f× faster than a long-lived one", median(cold) / rubricaMedian,
                median(perDocument) / rubricaMedian));
    }

    private static double timeConversion(Path dir, String soffice, String userInstallation, List<String> files,
                                         Path out) throws Exception {
        List<String> command = new ArrayList<>(List.of(soffice, userInstallation, "--headless", "--convert-to", "pdf",
                "--outdir", out.toString()));
        command.addAll(files);
        long start = System.nanoTime();
        run(dir, command.toArray(String[]::new));
        double millis = (System.nanoTime() - start) / 1e6;
        try (var pdfs = Files.list(out)) {
            assertThat(pdfs.count()).isEqualTo(files.size());
        }
        return millis;
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("soffice.log").toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("soffice did not finish: " + String.join(" ", command));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("soffice failed (" + process.exitValue() + "): "
                    + Files.readString(dir.resolve("soffice.log")));
        }
    }

    private static String version(String soffice) {
        try {
            Process p = new ProcessBuilder(soffice, "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor(1, TimeUnit.MINUTES);
            return out.lines().findFirst().orElse("?");
        } catch (IOException | InterruptedException e) {
            return "?";
        }
    }

    private static String findSoffice() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String entry : path.split(File.pathSeparator)) {
            for (String name : List.of("soffice", "libreoffice")) {
                Path candidate = Path.of(entry, name);
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- data and statistics

    /** The sample oficio with its body repeated until the PDF has two pages (checked by the test). */
    static DocumentData twoPageOficio() {
        DocumentData d = InMemoryTemplates.sampleOficio(false);
        String paragraph = "<p>En cumplimiento del programa municipal de mantenimiento escolar, esta Dirección ha "
                + "previsto visitas técnicas a los planteles que lo requieran. Para programarlas le pedimos la "
                + "relación de escuelas con su dirección, matrícula, año de construcción, el estado de sus "
                + "instalaciones eléctricas, hidráulicas y sanitarias, y el presupuesto estimado por plantel.</p>";
        String body = d.bodyHtml() + paragraph.repeat(8);
        return new DocumentData(d.institutionName(), d.agencyName(), d.unitName(), d.unitCode(), d.place(), d.date(),
                d.number(), d.recipientName(), d.recipientCargo(), d.recipientUnitName(), d.subject(), body,
                d.authorName(), d.authorCargo(), d.fields(), false);
    }

    private static int pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }

    private static void report(String what, double[] millis, int documents, double wallMillis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        String throughput = Double.isNaN(wallMillis) ? ""
                : String.format(Locale.ROOT, "   %7.1f documents/s", documents / (wallMillis / 1000));
        System.out.println(String.format(Locale.ROOT, "%-52s median %8.2f ms   p95 %8.2f ms   (n=%d)%s", what,
                percentile(sorted, 50), percentile(sorted, 95), sorted.length, throughput));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return percentile(sorted, 50);
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double sum(double[] values) {
        return Arrays.stream(values).sum();
    }

    private static double[] concat(double[][] arrays) {
        return Arrays.stream(arrays).flatMapToDouble(Arrays::stream).toArray();
    }
}
