package org.rubrica.templates.internal;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

import freemarker.cache.TemplateLookupContext;
import freemarker.cache.TemplateLookupResult;
import freemarker.cache.TemplateLookupStrategy;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.core.XHTMLOutputFormat;
import freemarker.core._CoreAPI;
import freemarker.ext.beans.BeansWrapper;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import freemarker.template.Version;

import org.rubrica.templates.TemplateRenderException;

/**
 * The locked-down FreeMarker: templates come only from the database, may import only their own version's
 * base format, cannot reach Java classes ({@code ?new}, {@code ?api}) and escape everything as XHTML. The
 * data model is maps of strings; user text is data, never template source.
 * <p>
 * Rendering is bounded: it runs on the caller's thread for at most {@link Limits#maxTime()} (a watchdog
 * interrupts the thread, and every loop of every template checks for that interruption, so an endless
 * {@code #list} stops there), and its output may not exceed {@link Limits#maxOutputChars()}. Either bound
 * ends the render with a {@link TemplateRenderException}; the caller's thread is never left interrupted
 * by the watchdog. Thread-safe.
 */
public final class SandboxedTemplates {

    static final Version FREEMARKER = Configuration.VERSION_2_3_34;

    /** How long one render may take; a one-page oficio takes well under 1 ms. */
    public static final Duration MAX_RENDER_TIME = Duration.ofSeconds(2);
    /** How much XHTML one render may produce: 2 MiB of characters (a two-page oficio is about 12 KiB). */
    public static final int MAX_OUTPUT_CHARS = 2 * 1024 * 1024;

    /** The bounds of one render. */
    public record Limits(Duration maxTime, int maxOutputChars) {

        public static final Limits DEFAULT = new Limits(MAX_RENDER_TIME, MAX_OUTPUT_CHARS);

        public Limits {
            if (maxTime.isNegative() || maxTime.isZero() || maxOutputChars <= 0) {
                throw new IllegalArgumentException("limits must be positive");
            }
        }
    }

    /** One daemon thread for every renderer: it only flips interrupt flags, never renders. */
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private final Configuration configuration;
    private final Limits limits;

    public SandboxedTemplates(VersionSources sources) {
        this(sources, Limits.DEFAULT);
    }

    public SandboxedTemplates(VersionSources sources, Limits limits) {
        this.limits = limits;
        configuration = new InterruptibleConfiguration(FREEMARKER);
        configuration.setTemplateLoader(new VersionTemplateLoader(sources));
        configuration.setTemplateLookupStrategy(new OwnVersionOnly());
        configuration.setLocalizedLookup(false);
        configuration.setTemplateUpdateDelayMilliseconds(5_000);
        configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        configuration.setAPIBuiltinEnabled(false);
        configuration.setOutputFormat(XHTMLOutputFormat.INSTANCE);
        configuration.setRecognizeStandardFileExtensions(true);
        configuration.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        configuration.setObjectWrapper(restrictiveWrapper());
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        configuration.setDefaultEncoding("UTF-8");
        configuration.setOutputEncoding("UTF-8");
        configuration.setLocale(Locale.forLanguageTag("es"));
        configuration.setNumberFormat("computer");
        configuration.setBooleanFormat("c");
    }

    /** Wraps only strings, numbers, booleans, dates, maps and lists; any other Java object is an error. */
    private static SimpleObjectWrapper restrictiveWrapper() {
        SimpleObjectWrapper wrapper = new SimpleObjectWrapper(FREEMARKER);
        wrapper.setExposureLevel(BeansWrapper.EXPOSE_NOTHING);
        wrapper.writeProtect();
        return wrapper;
    }

    /**
     * Renders version {@code versionId}'s layout.
     *
     * @param model maps, lists and simple values only
     * @throws TemplateRenderException for any failure, with the template position when known
     */
    public String render(long versionId, Map<String, Object> model) {
        String name = "v" + versionId + "/template.ftlx";
        if (Thread.currentThread().isInterrupted()) {
            throw new TemplateRenderException("Template " + name + " was not rendered: the thread is interrupted",
                    name, null, null, null);
        }
        BoundedWriter out = new BoundedWriter(limits.maxOutputChars());
        Deadline deadline = null;
        try {
            // the lookup condition is the version being rendered; imports inherit it (see OwnVersionOnly)
            Template template = configuration.getTemplate(name, null, versionId, null, true, false);
            deadline = new Deadline(Thread.currentThread(), limits.maxTime());
            template.process(model, out);
            deadline.finish();
            return out.toString();
        } catch (Error e) {
            if (deadline != null) {
                deadline.finish(); // never leave the alarm armed to interrupt whatever this thread does next
            }
            if (e instanceof StackOverflowError overflow) {
                throw translate(name, overflow);
            }
            throw e;
        } catch (RuntimeException | IOException | TemplateException e) {
            if (deadline != null && deadline.finish()) {
                throw new TemplateRenderException("Template " + name + " took longer than "
                        + describe(limits.maxTime()) + " to render and was stopped (an endless or very long loop?)",
                        name, null, null, e);
            }
            if (out.overflowed()) {
                throw new TemplateRenderException("Template " + name + " produced more than "
                        + limits.maxOutputChars() + " characters of XHTML and was stopped", name, null, null, e);
            }
            throw translate(name, e);
        }
    }

    private static TemplateRenderException translate(String name, Throwable e) {
        return switch (e) {
            case TemplateNotFoundException n ->
                    new TemplateRenderException("Template " + name + " does not exist", name, null, null, n);
            case VersionTemplateLoader.ForbiddenSourceException f ->
                    new TemplateRenderException(f.getMessage(), f.templateName, f.line, f.column, f);
            case ParseException p -> new TemplateRenderException(p.getEditorMessage(), p.getTemplateName(),
                    positive(p.getLineNumber()), positive(p.getColumnNumber()), p);
            case TemplateException t -> new TemplateRenderException(firstParagraph(t.getMessageWithoutStackTop()),
                    t.getTemplateSourceName(), t.getLineNumber(), t.getColumnNumber(), t);
            case IOException io ->
                    new TemplateRenderException("Template " + name + " could not be read: " + io.getMessage(), io);
            // a macro or #include that calls itself; the thread survives, the request fails cleanly
            case StackOverflowError so ->
                    new TemplateRenderException("Template " + name + " recurses without end", name, null, null, so);
            case TemplateRenderException r -> r;
            default -> new TemplateRenderException("Template " + name + " failed: " + e, name, null, null, e);
        };
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static Integer positive(int n) {
        return n > 0 ? n : null;
    }

    /** FreeMarker's message up to its tips: what failed and where ("==> noExiste [in template …]"). */
    private static String firstParagraph(String message) {
        if (message == null || message.isBlank()) {
            return "Template error";
        }
        StringBuilder out = new StringBuilder();
        for (String line : message.strip().lines().toList()) {
            if (line.isBlank() || line.startsWith("----")) {
                break;
            }
            out.append(out.isEmpty() ? "" : " ").append(line.strip());
        }
        return out.toString();
    }

    /**
     * Finds a name only if it belongs to the version being rendered, so a layout cannot import another
     * version's sources with {@code ../v7/template.ftlx}. Parsed templates are cached per version too,
     * because the lookup condition is part of FreeMarker's cache key.
     */
    private static final class OwnVersionOnly extends TemplateLookupStrategy {

        @Override
        public TemplateLookupResult lookup(TemplateLookupContext ctx) throws IOException {
            Matcher m = VersionTemplateLoader.NAME.matcher(ctx.getTemplateName());
            if (!m.matches() || !(ctx.getCustomLookupCondition() instanceof Long rendering)
                    || Long.parseLong(m.group(1)) != rendering) {
                return ctx.createNegativeLookupResult();
            }
            return ctx.lookupWithAcquisitionStrategy(ctx.getTemplateName());
        }
    }

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "template-render-watchdog");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    /**
     * Interrupts the rendering thread when time is up. {@link #finish()} and the watchdog agree under a lock,
     * so the watchdog never interrupts a thread that has already finished rendering, and an interruption the
     * watchdog did make is cleared before the thread returns to its caller.
     */
    private static final class Deadline implements Runnable {

        private final Thread thread;
        private final ScheduledFuture<?> alarm;
        private boolean finished;
        private boolean fired;

        Deadline(Thread thread, Duration maxTime) {
            this.thread = thread;
            this.alarm = WATCHDOG.schedule(this, maxTime.toNanos(), TimeUnit.NANOSECONDS);
        }

        @Override
        public synchronized void run() {
            if (!finished) {
                fired = true;
                thread.interrupt();
            }
        }

        /** Stops the alarm; {@code true} when it had fired. Idempotent. */
        synchronized boolean finish() {
            if (!finished) {
                finished = true;
                alarm.cancel(false);
                if (fired) {
                    Thread.interrupted(); // our interruption, not the caller's: clear it
                }
            }
            return fired;
        }
    }

    /** Collects output up to a limit; beyond it every write fails, so a template cannot keep writing. */
    private static final class BoundedWriter extends Writer {

        private final StringBuilder text = new StringBuilder(16_384);
        private final int max;
        private boolean overflowed;

        BoundedWriter(int max) {
            this.max = max;
        }

        @Override
        public void write(char[] chars, int off, int len) throws IOException {
            reserve(len);
            text.append(chars, off, len);
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            reserve(len);
            text.append(s, off, off + len);
        }

        @Override
        public void write(int c) throws IOException {
            reserve(1);
            text.append((char) c);
        }

        @Override
        public Writer append(CharSequence csq) throws IOException {
            CharSequence s = csq == null ? "null" : csq;
            reserve(s.length());
            text.append(s);
            return this;
        }

        private void reserve(int len) throws IOException {
            if (overflowed || text.length() + (long) len > max) {
                overflowed = true;
                throw new IOException("output limit of " + max + " characters reached");
            }
        }

        boolean overflowed() {
            return overflowed;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /**
     * Gives every template it hands out, the imported base format included, a check of the thread's interrupt
     * flag at the top of each loop body (FreeMarker's own {@code ThreadInterruptionSupportTemplatePostProcessor}),
     * exactly once per parsed template and before any thread can run it. {@link freemarker.core.Environment}
     * loads imports and includes through this same method.
     */
    private static final class InterruptibleConfiguration extends Configuration {

        private final Set<Template> withChecks = Collections.synchronizedSet(
                Collections.newSetFromMap(new WeakHashMap<>()));

        InterruptibleConfiguration(Version incompatibleImprovements) {
            super(incompatibleImprovements);
        }

        @Override
        public Template getTemplate(String name, Locale locale, Object customLookupCondition, String encoding,
                                    boolean parseAsFTL, boolean ignoreMissing) throws IOException {
            Template template = super.getTemplate(name, locale, customLookupCondition, encoding, parseAsFTL,
                    ignoreMissing);
            if (template != null && !withChecks.contains(template)) {
                synchronized (withChecks) {
                    if (!withChecks.contains(template)) {
                        _CoreAPI.addThreadInterruptedChecks(template);
                        withChecks.add(template);
                    }
                }
            }
            return template;
        }
    }
}
