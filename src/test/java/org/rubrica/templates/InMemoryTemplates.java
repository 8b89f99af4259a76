package org.rubrica.templates;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rubrica.templates.internal.AssetResolver;
import org.rubrica.templates.internal.BuiltinTemplates;
import org.rubrica.templates.internal.BuiltinTemplates.BuiltinSet;
import org.rubrica.templates.internal.BuiltinTemplates.BuiltinTemplate;
import org.rubrica.templates.internal.RenderContext;
import org.rubrica.templates.internal.SandboxedTemplates;
import org.rubrica.templates.internal.VersionSources.VersionSource;

/** Template versions held in memory, so rendering can be tested and measured without a database. */
final class InMemoryTemplates {

    static final long OFICIO = 1;

    private final Map<Long, VersionSource> sources = new HashMap<>();
    private final Map<Long, List<String>> fieldNames = new HashMap<>();
    private final String baseFormat;
    private BaseFormatSettings format = BaseFormatSettings.DEFAULTS;
    private AssetResolver assets = AssetResolver.NONE;

    private InMemoryTemplates(String baseFormat) {
        this.baseFormat = baseFormat;
    }

    /** The shipped base format, with the shipped oficio as version {@link #OFICIO}. */
    static InMemoryTemplates builtins() {
        BuiltinSet set = BuiltinTemplates.fromClasspath();
        InMemoryTemplates templates = new InMemoryTemplates(set.baseFormat());
        BuiltinTemplate oficio = set.templates().stream()
                .filter(t -> t.manifest().code().equals("oficio")).findFirst().orElseThrow();
        templates.add(OFICIO, oficio.source(),
                oficio.manifest().fieldDefinitions().stream().map(FieldDefinition::name).toList());
        return templates;
    }

    /** Every shipped template over the shipped base format, and the version id each template code got. */
    record AllBuiltins(InMemoryTemplates templates, Map<String, Long> versionIds) {

        long id(String code) {
            Long id = versionIds.get(code);
            if (id == null) {
                throw new IllegalArgumentException("no built-in template " + code + " in " + versionIds.keySet());
            }
            return id;
        }
    }

    /** The shipped base format with every shipped template, as versions 101, 102 … in classpath order. */
    static AllBuiltins allBuiltins() {
        BuiltinSet set = BuiltinTemplates.fromClasspath();
        InMemoryTemplates templates = new InMemoryTemplates(set.baseFormat());
        Map<String, Long> ids = new LinkedHashMap<>();
        long id = 101;
        for (BuiltinTemplate t : set.templates()) {
            templates.add(id, t.source(), t.manifest().fieldDefinitions().stream().map(FieldDefinition::name).toList());
            ids.put(t.manifest().code(), id++);
        }
        return new AllBuiltins(templates, Map.copyOf(ids));
    }

    /** No templates yet, over the given base format (what {@code <#import "base.ftlx">} finds). */
    static InMemoryTemplates withBaseFormat(String baseFormat) {
        return new InMemoryTemplates(baseFormat);
    }

    InMemoryTemplates add(long versionId, String source, List<String> fields) {
        sources.put(versionId, new VersionSource(source, baseFormat, Integer.toHexString(source.hashCode())));
        fieldNames.put(versionId, fields);
        return this;
    }

    DocumentRenderer renderer() {
        return renderer(SandboxedTemplates.Limits.DEFAULT);
    }

    /** A renderer with other bounds on rendering time and output size. */
    DocumentRenderer renderer(SandboxedTemplates.Limits limits) {
        return new DocumentRenderer(new SandboxedTemplates(id -> Optional.ofNullable(sources.get(id)), limits),
                id -> new RenderContext(Optional.ofNullable(fieldNames.get(id))
                        .orElseThrow(() -> new TemplateNotFoundException("template version " + id)), format),
                assets);
    }

    /** Renders with these base format settings from now on (the shipped defaults until then). */
    InMemoryTemplates withFormat(BaseFormatSettings format) {
        this.format = format;
        return this;
    }

    /** Prints these images for {@code asset:<name>} addresses. */
    InMemoryTemplates withAssets(AssetResolver assets) {
        this.assets = assets;
        return this;
    }

    /** A complete oficio with accents and the other characters Spanish letters need. */
    static DocumentData sampleOficio(boolean draft) {
        return new DocumentData("Municipio de San Martín", "Secretaría de Obras Públicas",
                "Dirección de Obras Públicas", "SOP/DOP", "San Martín", LocalDate.of(2026, 11, 22),
                draft ? null : "SOP/DOP/0042/2026", "Mtra. Ana Cervantes Núñez", "Directora General de Educación",
                "Dirección General de Educación", "Solicitud de información sobre el programa «Escuelas Dignas»",
                RichText.fromPlainText("""
                        Señora Directora:

                        Por medio del presente, me permito solicitar a usted la relación de planteles escolares \
                        del municipio que requieren obras de mantenimiento durante el ejercicio 2027, con el fin \
                        de programar las visitas técnicas correspondientes. ¿Año de construcción? También nos \
                        será útil conocerlo, así como el presupuesto estimado por plantel (en pesos o en €).

                        La información puede enviarse a esta Dirección por medio de Rubrica, en respuesta a \
                        este oficio, a más tardar el 15 de diciembre de 2026.

                        Sin otro particular, aprovecho la ocasión para enviarle un cordial saludo."""),
                "Ing. José Luis Ramírez Peña", "Director de Obras Públicas",
                Map.of("referencia", "Programa municipal de mantenimiento escolar 2027",
                        "anexos", "Formato de relación de planteles (1 hoja)",
                        "copias", "Lic. Marta Íñiguez, Secretaria de Obras Públicas. Para su conocimiento.\nArchivo."),
                draft);
    }
}
