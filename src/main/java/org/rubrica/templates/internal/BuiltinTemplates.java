package org.rubrica.templates.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rubrica.templates.RichText;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The templates that ship with Rubrica, read from the classpath ({@code rubrica-templates/}, which the
 * build fills from the top-level {@code templates/} folder), so it works the same from the IDE and the jar.
 * Layout: {@code base/formato-unico.ftlx} is the institution's single format; every
 * {@code <code>/template.json} is a template whose {@code layout} file lies next to it.
 */
public final class BuiltinTemplates {

    public static final String BASE_FORMAT = "rubrica-templates/base/formato-unico.ftlx";
    private static final String MANIFESTS = "classpath*:rubrica-templates/*/template.json";

    private BuiltinTemplates() {
    }

    /** The base format's source and every template, each template once (the first on the classpath wins). */
    public record BuiltinSet(String baseFormat, List<BuiltinTemplate> templates) {
    }

    /** A template as shipped: its manifest and its layout's source; the default body is already sanitised. */
    public record BuiltinTemplate(TemplateManifest manifest, String source) {

        public String defaultBodyHtml() {
            return RichText.sanitize(manifest.defaultBodyHtml());
        }
    }

    public static BuiltinSet fromClasspath() {
        return read(new PathMatchingResourcePatternResolver(BuiltinTemplates.class.getClassLoader()));
    }

    static BuiltinSet read(ResourcePatternResolver resolver) {
        try {
            Resource[] bases = resolver.getResources("classpath*:" + BASE_FORMAT);
            if (bases.length == 0) {
                throw new IllegalStateException("The base format " + BASE_FORMAT + " is not on the classpath");
            }
            Map<String, BuiltinTemplate> templates = new LinkedHashMap<>();
            for (Resource manifestFile : resolver.getResources(MANIFESTS)) {
                String where = manifestFile.getDescription();
                TemplateManifest manifest = FieldSchemaJson.manifest(text(manifestFile));
                manifest.check(where);
                String source = text(manifestFile.createRelative(manifest.layout()));
                templates.putIfAbsent(manifest.code(), new BuiltinTemplate(manifest, source));
            }
            return new BuiltinSet(text(bases[0]), new ArrayList<>(templates.values()));
        } catch (IOException e) {
            throw new UncheckedIOException("Built-in templates could not be read", e);
        }
    }

    private static String text(Resource resource) throws IOException {
        try (var in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        }
    }
}
