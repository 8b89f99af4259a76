package org.rubrica.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.rubrica.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@RubricaTest
class TemplatePortabilityTests {

    @Autowired Acting acting;
    @Autowired TemplatePortability portability;
    @Autowired TemplateAdministration administration;
    @Autowired TemplateCatalog catalog;

    @BeforeEach
    void admin() {
        acting.as("plantillas");
    }

    @AfterEach
    void logout() {
        acting.nobody();
    }

    private String exported() {
        int version = catalog.publishedVersion("oficio").versionNo();
        return new String(portability.export("oficio", version), StandardCharsets.UTF_8);
    }

    @Test
    void an_exported_template_imports_as_a_draft_of_a_new_template() {
        String file = exported().replace("\"code\" : \"oficio\"", "\"code\" : \"oficio_importado\"");
        TemplateImport result = portability.importPackage(file.getBytes(StandardCharsets.UTF_8));
        assertThat(result.newTemplate()).isTrue();
        assertThat(result.otherBaseFormat()).isFalse();
        EditableTemplate imported = administration.editable("oficio_importado");
        assertThat(imported.draft()).isTrue();
        assertThat(imported.content().source()).isEqualTo(administration.editable("oficio").content().source());
        assertThat(imported.content().fields()).isEqualTo(catalog.publishedVersion("oficio").fields());
        assertThat(administration.templates()).anySatisfy(t -> {
            assertThat(t.code()).isEqualTo("oficio_importado");
            assertThat(t.draftPending()).isTrue();
        });
    }

    @Test
    void an_invalid_package_is_refused_before_anything_is_saved() {
        String base = exported().replace("\"code\" : \"oficio\"", "\"code\" : \"rota\"");
        String badField = base.replace("\"name\" : \"referencia\"", "\"name\" : \"Referencia Mala\"");
        assertThatThrownBy(() -> portability.importPackage(badField.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("template.field.name.invalid"));
        String badLayout = base.replace("<#import", "<#if><#import");
        assertThatThrownBy(() -> portability.importPackage(badLayout.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("template.source.invalid"));
        assertThatThrownBy(() -> portability.importPackage("{\"format\":\"otra-cosa\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("template.import.unreadable"));
        assertThatThrownBy(() -> portability.importPackage(new byte[TemplatePortability.MAX_FILE_BYTES + 1]))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("template.import.too-large"));
        assertThatThrownBy(() -> administration.editable("rota")).isInstanceOf(TemplateNotFoundException.class);
    }

    @Test
    void only_template_administrators_export_and_import() {
        acting.as(Acting.DRAFTER);
        assertThatThrownBy(() -> portability.export("oficio", 1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> portability.importPackage(new byte[] {'{', '}'})).isInstanceOf(AccessDeniedException.class);
    }
}
