package org.rubrica.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.pdfbox.Loader;
import org.junit.jupiter.api.Test;
import org.rubrica.RubricaTest;
import org.rubrica.templates.internal.BuiltinTemplateImporter;
import org.rubrica.templates.internal.BuiltinTemplateImporter.ImportResult;
import org.rubrica.templates.internal.BuiltinTemplates;
import org.rubrica.templates.internal.BuiltinTemplates.BuiltinSet;
import org.rubrica.templates.internal.BuiltinTemplates.BuiltinTemplate;
import org.rubrica.templates.internal.TemplateManifest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Built-in templates in PostgreSQL: imported at start-up, idempotent, versioned on change, immutable once
 * published. Each test rolls back, so the templates it invents never reach other tests.
 */
@RubricaTest
@Transactional
class BuiltinTemplateImportTests {

    @Autowired
    BuiltinTemplateImporter importer;
    @Autowired
    TemplateCatalog catalog;
    @Autowired
    DocumentRenderer renderer;
    @Autowired
    JdbcClient jdbc;

    @Test
    void the_shipped_oficio_is_published_at_start_up() {
        TemplateVersion oficio = catalog.publishedVersion("oficio");

        assertThat(oficio.kind()).isEqualTo("OFICIO");
        assertThat(oficio.fields()).extracting(FieldDefinition::name).contains("referencia", "anexos");
        assertThat(oficio.fields()).filteredOn(f -> f.name().equals("referencia")).singleElement()
                .satisfies(f -> {
                    assertThat(f.type()).isEqualTo(FieldType.TEXT);
                    assertThat(f.maxLength()).isEqualTo(120);
                    assertThat(f.required()).isFalse();
                    assertThat(f.labelEs()).isEqualTo("Referencia");
                    assertThat(f.labelEn()).isEqualTo("Reference");
                });
        assertThat(oficio.defaultBodyHtml()).startsWith("<p>Por medio del presente,");
        assertThat(catalog.publishedTemplates()).anySatisfy(t -> {
            assertThat(t.code()).isEqualTo("oficio");
            assertThat(t.nameEs()).isEqualTo("Oficio");
            assertThat(t.nameEn()).isEqualTo("Official letter");
            assertThat(t.publishedVersionId()).isEqualTo(oficio.id());
        });
    }

    @Test
    void importing_the_shipped_templates_again_creates_no_version() {
        long versionsBefore = count("templates_template_version");
        long baseFormatsBefore = count("templates_base_format");

        ImportResult result = importer.importAll(BuiltinTemplates.fromClasspath());

        assertThat(result.changedAnything()).isFalse();
        assertThat(count("templates_template_version")).isEqualTo(versionsBefore);
        assertThat(count("templates_base_format")).isEqualTo(baseFormatsBefore);
    }

    @Test
    void changed_content_becomes_a_new_version_and_the_old_one_stays_as_it_was() {
        String code = "prueba-" + System.nanoTime();
        String base = BuiltinTemplates.fromClasspath().baseFormat();

        assertThat(importer.importAll(set(base, code, "<p>uno</p>")).newTemplateVersions())
                .containsExactly(code + " v1");
        TemplateVersion first = catalog.publishedVersion(code);
        assertThat(importer.importAll(set(base, code, "<p>uno</p>")).changedAnything()).isFalse();

        assertThat(importer.importAll(set(base, code, "<p>dos</p>")).newTemplateVersions())
                .containsExactly(code + " v2");

        TemplateVersion second = catalog.publishedVersion(code);
        assertThat(second.versionNo()).isEqualTo(2);
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(catalog.version(first.id())).isEqualTo(first);
        DocumentData data = InMemoryTemplates.sampleOficio(false);
        assertThat(renderer.toXhtml(first.id(), data)).isEqualTo("<p>uno</p>");
        assertThat(renderer.toXhtml(second.id(), data)).isEqualTo("<p>dos</p>");
        assertThat(catalog.publishedTemplates()).filteredOn(t -> t.code().equals(code)).singleElement()
                .satisfies(t -> assertThat(t.versionNo()).isEqualTo(2));
    }

    @Test
    void a_new_base_format_file_moves_each_template_onto_it_while_old_versions_keep_theirs() {
        TemplateVersion before = catalog.publishedVersion("oficio");
        BuiltinSet shipped = BuiltinTemplates.fromClasspath();
        String changedBase = shipped.baseFormat().replace("Página <span", "Hoja <span");
        assertThat(changedBase).isNotEqualTo(shipped.baseFormat());

        try {
            ImportResult result = importer.importAll(new BuiltinSet(changedBase, shipped.templates()));

            assertThat(result.newBaseFormatVersion()).isNotNull();
            assertThat(result.newTemplateVersions()).isEmpty(); // the templates' own files did not change
            TemplateVersion after = catalog.publishedVersion("oficio");
            assertThat(after.versionNo()).isEqualTo(before.versionNo() + 1);
            DocumentData data = InMemoryTemplates.sampleOficio(false);
            assertThat(renderer.toXhtml(after.id(), data)).contains("Hoja <span").doesNotContain("Página <span");
            assertThat(renderer.toXhtml(before.id(), data)).contains("Página <span").doesNotContain("Hoja <span");
        } finally {
            importer.importAll(shipped); // the shipped format again, for the tests that follow
        }
    }

    @Test
    void a_published_version_cannot_be_changed() {
        long id = catalog.publishedVersion("oficio").id();

        assertThatThrownBy(() -> jdbc.sql("UPDATE templates_template_version SET source = 'x' WHERE id = ?")
                .param(id).update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("is published and cannot be changed");
    }

    @Test
    void a_published_version_cannot_be_deleted() {
        long id = catalog.publishedVersion("oficio").id();

        assertThatThrownBy(() -> jdbc.sql("DELETE FROM templates_template_version WHERE id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("is published and cannot be changed or deleted");
    }

    @Test
    void the_oficio_renders_from_the_database_to_pdf() throws Exception {
        byte[] pdf = renderer.toPdf(catalog.publishedVersion("oficio").id(), InMemoryTemplates.sampleOficio(false));

        assertThat(DocumentRendererTests.text(pdf)).contains("Oficio núm. SOP/DOP/0042/2026",
                "Dirección General de Educación");
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
        }
    }

    @Test
    void unknown_templates_and_versions_are_not_found() {
        assertThatThrownBy(() -> catalog.publishedVersion("no-existe")).isInstanceOf(TemplateNotFoundException.class);
        assertThatThrownBy(() -> catalog.version(Long.MAX_VALUE)).isInstanceOf(TemplateNotFoundException.class);
    }

    private static BuiltinSet set(String baseFormat, String code, String source) {
        TemplateManifest manifest = new TemplateManifest(code, "PRUEBA",
                new TemplateManifest.Names("Prueba", "Test"), "prueba.ftlx", "<p>Texto</p>",
                List.of(new TemplateManifest.Field("campo", new TemplateManifest.Names("Campo", "Field"),
                        FieldType.TEXT, false, 10, null, null)));
        return new BuiltinSet(baseFormat, List.of(new BuiltinTemplate(manifest, source)));
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
