package org.rubrica.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rubrica.templates.internal.XhtmlToPdf;

/**
 * How long an on-screen preview of the one-page built-in oficio takes: FreeMarker → XHTML → PDF, and PDF →
 * PNG at 96 dpi. Not a test of speed (no thresholds); excluded from normal runs by its tag. Run with
 * {@code mvn test -Dgroups=benchmark -DexcludedGroups= -Dtest=PdfPreviewBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and copy the printed lines into docs/benchmarks.md.
 */
@Tag("benchmark")
class PdfPreviewBenchmark {

    private static final int WARM_UP = 50;
    private static final int RUNS = 100;

    private final DocumentRenderer renderer = InMemoryTemplates.builtins().renderer();
    private final DocumentData oficio = InMemoryTemplates.sampleOficio(true);

    @Test
    void pdf_preview_render() {
        String xhtml = renderer.toXhtml(InMemoryTemplates.OFICIO, oficio);
        byte[] pdf = renderer.toPdf(InMemoryTemplates.OFICIO, oficio);
        assertThat(renderer.toPngPages(pdf, 96)).hasSize(1); // the figures are for one page
        XhtmlToPdf xhtmlToPdf = new XhtmlToPdf(org.rubrica.templates.internal.AssetResolver.NONE);
        XhtmlToPdf.PdfInfo info = new XhtmlToPdf.PdfInfo(oficio.subject(), oficio.authorName(), true);

        System.out.println("PDF preview render, one-page oficio, " + WARM_UP + " warm-up + " + RUNS
                + " measured runs, " + Runtime.getRuntime().availableProcessors() + " cores, JDK "
                + Runtime.version().feature());
        report("FreeMarker → XHTML", measure(() -> renderer.toXhtml(InMemoryTemplates.OFICIO, oficio)));
        report("XHTML → PDF", measure(() -> xhtmlToPdf.render(xhtml, info)));
        report("FreeMarker → XHTML → PDF", measure(() -> renderer.toPdf(InMemoryTemplates.OFICIO, oficio)));
        report("PDF → PNG at 96 dpi", measure(() -> renderer.toPngPages(pdf, 96)));
        System.out.println("PDF size " + pdf.length / 1024 + " KiB, PNG size "
                + renderer.toPngPages(pdf, 96).getFirst().length / 1024 + " KiB");
    }

    private static double[] measure(Supplier<?> work) {
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
        return millis;
    }

    private static void report(String step, double[] sorted) {
        System.out.println(String.format(Locale.ROOT, "%-26s median %7.2f ms   p90 %7.2f ms", step,
                percentile(sorted, 50), percentile(sorted, 90)));
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
