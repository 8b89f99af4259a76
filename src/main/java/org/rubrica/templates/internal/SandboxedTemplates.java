package org.rubrica.templates.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

import freemarker.cache.TemplateLookupContext;
import freemarker.cache.TemplateLookupResult;
import freemarker.cache.TemplateLookupStrategy;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.core.XHTMLOutputFormat;
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
 * data model is maps of strings; user text is data, never template source. Thread-safe.
 */
public final class SandboxedTemplates {

    static final Version FREEMARKER = Configuration.VERSION_2_3_34;

    private final Configuration configuration;

    public SandboxedTemplates(VersionSources sources) {
        configuration = new Configuration(FREEMARKER);
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
        try {
            // the lookup condition is the version being rendered; imports inherit it (see OwnVersionOnly)
            Template template = configuration.getTemplate(name, null, versionId, null, true, false);
            StringWriter out = new StringWriter(8_192);
            template.process(model, out);
            return out.toString();
        } catch (TemplateNotFoundException e) {
            throw new TemplateRenderException("Template " + name + " does not exist", name, null, null, e);
        } catch (VersionTemplateLoader.ForbiddenSourceException e) {
            throw new TemplateRenderException(e.getMessage(), e.templateName, e.line, e.column, e);
        } catch (ParseException e) {
            throw new TemplateRenderException(e.getEditorMessage(), e.getTemplateName(),
                    positive(e.getLineNumber()), positive(e.getColumnNumber()), e);
        } catch (TemplateException e) {
            throw new TemplateRenderException(firstParagraph(e.getMessageWithoutStackTop()), e.getTemplateSourceName(),
                    e.getLineNumber(), e.getColumnNumber(), e);
        } catch (IOException e) {
            throw new TemplateRenderException("Template " + name + " could not be read: " + e.getMessage(), e);
        } catch (StackOverflowError e) {
            // a macro or #include that calls itself; the thread survives, the request fails cleanly
            throw new TemplateRenderException("Template " + name + " recurses without end", name, null, null, e);
        }
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
}
