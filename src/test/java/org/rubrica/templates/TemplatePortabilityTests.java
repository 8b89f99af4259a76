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
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@RubricaTest
class TemplatePortabilityTests {

    @Autowired Acting acting;
    @Autowired TemplatePortability portability;
    @Autowired TemplateAdministration administration;
    @Autowired TemplateCatalog catalog;
    @Autowired TemplateAssets assets;

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
    void images_travel_with_the_template_and_a_clashing_missing_or_disguised_one_saves_nothing() {
        assets.upload("sello-viajero", "sello.png", TemplateAssetsTests.image("png", 120, 120));
        ObjectNode withSeal = json(exported());
        withSeal.put("code", "con_sello");
        withSeal.put("source", withSeal.get("source").asString()
                .replace("<@base.firma/>", "<p><img src=\"asset:sello-viajero\" alt=\"\"/></p>\n<@base.firma/>"));
        portability.importPackage(bytes(withSeal));
        administration.publish("con_sello");

        ObjectNode file = json(new String(portability.export("con_sello", catalog.publishedVersion("con_sello")
                .versionNo()), StandardCharsets.UTF_8));
        assertThat(file.get("assets")).hasSize(1);
        assertThat(file.get("assets").get(0).get("name").asString()).isEqualTo("sello-viajero");
        assertThat(file.get("baseFormatSettings").get("pageSize").asString()).isEqualTo("LETTER");
        file.put("code", "con_sello_copia");
        assertThat(portability.importPackage(bytes(file)).newTemplate()).isTrue(); // same picture: reused

        ObjectNode clash = file.deepCopy();
        clash.put("code", "choque");
        ((ObjectNode) clash.get("assets").get(0)).put("content", TemplateAssetsTests.image("png", 90, 90));
        assertRefused(clash, "template.import.asset-conflict");

        ObjectNode missing = file.deepCopy();
        missing.put("code", "sin_imagen");
        missing.put("source", file.get("source").asString().replace("asset:sello-viajero", "asset:no-existe"));
        assertRefused(missing, "template.import.asset-missing");

        ObjectNode disguised = file.deepCopy();
        disguised.put("code", "disfrazada");
        ((ObjectNode) disguised.get("assets").get(0)).put("name", "disfrazada")
                .put("content", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        assertRefused(disguised, "asset.type");

        assertThat(assets.list()).extracting(AssetInfo::name).doesNotContain("disfrazada");
        for (String code : new String[] {"choque", "sin_imagen", "disfrazada"}) {
            assertThatThrownBy(() -> administration.editable(code)).isInstanceOf(TemplateNotFoundException.class);
        }
    }

    private void assertRefused(ObjectNode file, String key) {
        assertThatThrownBy(() -> portability.importPackage(bytes(file)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    private static ObjectNode json(String text) {
        return (ObjectNode) JSON.readTree(text);
    }

    private static byte[] bytes(ObjectNode node) {
        return JSON.writeValueAsBytes(node);
    }

    @Test
    void only_template_administrators_export_and_import() {
        acting.as(Acting.DRAFTER);
        assertThatThrownBy(() -> portability.export("oficio", 1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> portability.importPackage(new byte[] {'{', '}'})).isInstanceOf(AccessDeniedException.class);
    }
}
