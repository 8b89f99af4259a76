package org.rubrica.templates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rubrica.templates.internal.BuiltinTemplates;
import org.rubrica.templates.internal.BuiltinTemplates.BuiltinSet;

/** The shipped templates as the start-up loader reads them from the classpath. */
class BuiltinTemplatesTests {

    @Test
    void the_base_format_and_the_oficio_are_on_the_classpath() {
        BuiltinSet builtins = BuiltinTemplates.fromClasspath();

        assertThat(builtins.baseFormat()).contains("<#macro documento", "<#macro firma", "size: ${format.pageSize}");
        assertThat(builtins.templates()).anySatisfy(t -> {
            assertThat(t.manifest().code()).isEqualTo("oficio");
            assertThat(t.manifest().kind()).isEqualTo("OFICIO");
            assertThat(t.manifest().name().es()).isEqualTo("Oficio");
            assertThat(t.manifest().name().en()).isEqualTo("Official letter");
            assertThat(t.source()).startsWith("<#--").contains("<#import \"base.ftlx\" as base>");
            assertThat(t.manifest().fieldDefinitions()).extracting(FieldDefinition::name)
                    .containsExactly("referencia", "anexos", "copias");
            assertThat(t.defaultBodyHtml()).startsWith("<p>Por medio del presente,")
                    .contains("<p>Sin otro particular,");
        });
    }

    @Test
    void default_bodies_are_already_in_the_rich_text_subset() {
        BuiltinTemplates.fromClasspath().templates().forEach(t ->
                assertThat(RichText.sanitize(t.defaultBodyHtml())).isEqualTo(t.defaultBodyHtml()));
    }
}
