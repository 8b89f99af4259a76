package org.rubrica.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rubrica.templates.internal.SandboxedTemplates;
import org.rubrica.templates.internal.SandboxedTemplates.Limits;

/**
 * The renderer's bounds on time and output size: endless loops and endless output are stopped with a clear
 * message, the rendering thread really stops (and is not left interrupted), and normal documents are not
 * affected.
 */
@Timeout(60)
class RenderBoundsTests {

    private static final long OWN = 20;
    private static final Duration SHORT = Duration.ofMillis(300);

    private static final String ENDLESS_OUTPUT = "<#list 1..2147483647 as i>${i}</#list>";
    private static final String ENDLESS_SILENT_LOOP = "<#list 1..999999 as a><#list 1..999999 as b></#list></#list>";

    private static DocumentData data() {
        return new DocumentData("Institución", null, null, null, null, null, null, null, null, null, "Asunto", null,
                null, null, Map.of(), false);
    }

    private static DocumentRenderer renderer(String source, Limits limits) {
        return InMemoryTemplates.builtins().add(OWN, source, List.of()).renderer(limits);
    }

    @Test
    void the_default_bounds_are_two_seconds_and_two_mebibytes() {
        assertThat(SandboxedTemplates.MAX_RENDER_TIME).isEqualTo(Duration.ofSeconds(2));
        assertThat(SandboxedTemplates.MAX_OUTPUT_CHARS).isEqualTo(2 * 1024 * 1024);
        assertThat(Limits.DEFAULT).isEqualTo(new Limits(Duration.ofSeconds(2), 2 * 1024 * 1024));
    }

    @Test
    void a_loop_without_end_that_prints_is_stopped_by_the_output_bound() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> renderer(ENDLESS_OUTPUT, Limits.DEFAULT).toXhtml(OWN, data()))
                .isInstanceOfSatisfying(TemplateRenderException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Template v20/template.ftlx produced more than 2097152 "
                            + "characters of XHTML and was stopped");
                    assertThat(e.templateName()).isEqualTo("v20/template.ftlx");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(SandboxedTemplates.MAX_RENDER_TIME);
    }

    @Test
    void a_loop_without_end_that_prints_is_stopped_by_the_time_bound_when_output_may_be_large() {
        Limits generousOutput = new Limits(SHORT, Integer.MAX_VALUE - 16);

        assertThatThrownBy(() -> renderer("<#list 1..2147483647 as i>x</#list>", generousOutput).toXhtml(OWN, data()))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessage("Template v20/template.ftlx took longer than 300 ms to render and was stopped "
                        + "(an endless or very long loop?)");
    }

    @Test
    void nested_loops_of_a_trillion_steps_stop_at_the_default_two_seconds() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> renderer(ENDLESS_SILENT_LOOP, Limits.DEFAULT).toXhtml(OWN, data()))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageContaining("took longer than 2 s to render and was stopped");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isBetween(Duration.ofMillis(1_900), Duration.ofSeconds(4));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            ENDLESS_SILENT_LOOP,
            "<#list 1..2147483647 as i></#list>",
            "<#list 1.. as i></#list>",
            "<#function f n><#list 1..999999999 as i></#list><#return n></#function>${f(1)}",
            "<#list 1..999999 as a><#attempt><#list 1..999999 as b></#list><#recover>caught</#attempt></#list>",
            "<#list 1..999999999><#items as i></#items></#list>",
            "<#list 1..99999 as a><#list 1..99999 as b><#if b == 0>${b}</#if></#list></#list>",
            "<#assign s><#list 1..2147483647 as i></#list></#assign>${s}",
    })
    void every_kind_of_endless_loop_is_stopped(String source) {
        assertThatThrownBy(() -> renderer(source, new Limits(SHORT, 1024)).toXhtml(OWN, data()))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageContaining("took longer than 300 ms to render and was stopped");
    }

    @Test
    void a_macro_that_calls_itself_is_refused() {
        assertThatThrownBy(() -> renderer("<#macro m><@m/></#macro><@m/>", Limits.DEFAULT).toXhtml(OWN, data()))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessage("Template v20/template.ftlx recurses without end");
    }

    @Test
    void a_loop_in_the_imported_base_format_is_stopped_too() {
        DocumentRenderer renderer = InMemoryTemplates
                .withBaseFormat("<#macro bucle>" + ENDLESS_SILENT_LOOP + "</#macro>")
                .add(OWN, "<#import \"base.ftlx\" as base><@base.bucle/>", List.of())
                .renderer(new Limits(SHORT, 1024));

        assertThatThrownBy(() -> renderer.toXhtml(OWN, data()))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageContaining("took longer than 300 ms");
    }

    @Test
    void the_rendering_thread_really_stops_and_is_not_left_interrupted() throws InterruptedException {
        DocumentRenderer renderer = renderer(ENDLESS_SILENT_LOOP, new Limits(SHORT, 1024));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean interruptedAfterwards = new AtomicBoolean(true);
        AtomicReference<Long> cpuAfterFailure = new AtomicReference<>();

        Thread worker = new Thread(() -> {
            try {
                renderer.toXhtml(OWN, data());
            } catch (Throwable e) {
                failure.set(e);
            }
            interruptedAfterwards.set(Thread.currentThread().isInterrupted());
            cpuAfterFailure.set(threads.getCurrentThreadCpuTime());
        }, "render-under-test");
        long start = System.nanoTime();
        worker.start();
        worker.join(Duration.ofSeconds(10));

        assertThat(worker.isAlive()).as("the rendering thread has ended").isFalse();
        assertThat(failure.get()).isInstanceOf(TemplateRenderException.class);
        assertThat(interruptedAfterwards).as("interrupt flag after the failure").isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        // the thread burned CPU only until the bound, not afterwards in the background
        assertThat(Duration.ofNanos(cpuAfterFailure.get())).isLessThan(Duration.ofSeconds(3));
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName).doesNotContain("render-under-test");
    }

    @Test
    void the_same_renderer_keeps_working_after_a_stopped_render_and_never_interrupts_later_work()
            throws InterruptedException {
        InMemoryTemplates templates = InMemoryTemplates.builtins().add(OWN, ENDLESS_SILENT_LOOP, List.of());
        DocumentRenderer renderer = templates.renderer(new Limits(SHORT, 1024 * 1024));

        assertThatThrownBy(() -> renderer.toXhtml(OWN, data())).isInstanceOf(TemplateRenderException.class);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        for (int i = 0; i < 200; i++) {
            assertThat(renderer.toPdf(InMemoryTemplates.OFICIO, InMemoryTemplates.sampleOficio(false))).isNotEmpty();
        }
        // a watchdog that fired late would interrupt this sleep
        Thread.sleep(SHORT.multipliedBy(2));
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void an_interrupted_caller_gets_a_clear_refusal_and_keeps_its_interrupt() {
        DocumentRenderer renderer = renderer("<p>hola</p>", Limits.DEFAULT);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> renderer.toXhtml(OWN, data()))
                    .isInstanceOf(TemplateRenderException.class).hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void output_up_to_the_bound_is_fine() {
        String xhtml = renderer("<#list 1..1000 as i>x</#list>", new Limits(SHORT, 1000)).toXhtml(OWN, data());

        assertThat(xhtml).hasSize(1000);
        assertThatThrownBy(() -> renderer("<#list 1..1001 as i>x</#list>", new Limits(SHORT, 1000))
                .toXhtml(OWN, data()))
                .hasMessage("Template v20/template.ftlx produced more than 1000 characters of XHTML and was stopped");
    }

    @Test
    void a_long_oficio_renders_well_within_the_bounds() {
        DocumentRenderer renderer = InMemoryTemplates.builtins().renderer();
        String longBody = RichText.fromPlainText("Párrafo de prueba con texto suficiente para ocupar una línea. "
                .repeat(20).concat("\n\n").repeat(60));
        DocumentData d = InMemoryTemplates.sampleOficio(false);
        DocumentData longOficio = new DocumentData(d.institutionName(), d.agencyName(), d.unitName(), d.unitCode(),
                d.place(), d.date(), d.number(), d.recipientName(), d.recipientCargo(), d.recipientUnitName(),
                d.subject(), longBody, d.authorName(), d.authorCargo(), d.fields(), d.draft());

        assertThat(renderer.toXhtml(InMemoryTemplates.OFICIO, longOficio)).hasSizeGreaterThan(60_000);
    }
}
