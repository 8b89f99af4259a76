package org.rubrica.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.rubrica.drafting.DraftContent;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.TemplateMove;
import org.rubrica.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Issue 3's promise: an administrator publishes a new version of the oficio template with a new required
 * field; new drafts must fill it and print it; a draft started before keeps its version.
 */
@RubricaTest
class TemplateAdministrationTests {

    private static final String TEMPLATE_ADMIN = "plantillas";
    private static final String ANCHOR = "<@base.lugarYFecha/>";

    @Autowired Acting acting;
    @Autowired TemplateAdministration administration;
    @Autowired TemplateCatalog catalog;
    @Autowired OficioService oficios;

    private int originalVersion;

    @BeforeEach
    void rememberPublishedVersion() {
        originalVersion = catalog.publishedVersion("oficio").versionNo();
    }

    @AfterEach
    void restorePublishedVersion() {
        acting.as(TEMPLATE_ADMIN);
        if (catalog.publishedVersion("oficio").versionNo() != originalVersion) {
            administration.republish("oficio", originalVersion); // other tests draft with the original schema
        }
        acting.nobody();
    }

    private TemplateDraft withRequiredExpediente() {
        EditableTemplate current = administration.editable("oficio");
        List<FieldDefinition> fields = new ArrayList<>(current.content().fields());
        fields.add(new FieldDefinition("expediente", "Expediente", "Case file", FieldType.TEXT, true, 40, null));
        String source = current.content().source().replace(ANCHOR,
                "<p class=\"expediente\">Expediente: ${data.fields.expediente}</p>\n" + ANCHOR);
        return new TemplateDraft(source, fields, current.content().defaultBodyHtml());
    }

    @Test
    void a_published_required_field_must_be_filled_in_new_drafts_and_is_printed() throws IOException {
        acting.as(Acting.DRAFTER);
        long recipient = acting.unitId("SEC/DGE");
        UUID before = oficios.startDraft("oficio", new DraftContent(recipient, "Antes del cambio", "<p>Texto.</p>", Map.of()));
        long pinned = oficios.get(before).templateVersionId();

        acting.as(TEMPLATE_ADMIN);
        administration.saveDraft("oficio", withRequiredExpediente());
        assertThat(administration.editable("oficio").draft()).isTrue();
        assertThat(catalog.publishedVersion("oficio").versionNo()).isEqualTo(originalVersion); // drafts are not live
        TemplateVersionInfo published = administration.publish("oficio");
        assertThat(published.versionNo()).isGreaterThan(originalVersion);

        acting.as(Acting.DRAFTER);
        assertThatThrownBy(() -> oficios.startDraft("oficio", new DraftContent(recipient, "Sin expediente", "<p>Texto.</p>", Map.of())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("expediente"));
        UUID after = oficios.startDraft("oficio", new DraftContent(recipient, "Con expediente", "<p>Texto.</p>",
                Map.of("expediente", "EXP-2026-0117")));
        assertThat(text(oficios.pdf(after))).contains("Expediente: EXP-2026-0117");

        assertThat(oficios.get(before).templateVersionId()).isEqualTo(pinned);
        assertThat(text(oficios.pdf(before))).doesNotContain("Expediente:");
    }

    @Test
    void a_layout_naming_an_undefined_field_or_not_compiling_is_refused_with_its_line() {
        acting.as(TEMPLATE_ADMIN);
        EditableTemplate current = administration.editable("oficio");
        String undefined = current.content().source().replace(ANCHOR, "${data.fields.no_existe}\n" + ANCHOR);
        assertThatThrownBy(() -> administration.saveDraft("oficio",
                new TemplateDraft(undefined, current.content().fields(), "")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("template.source.invalid");
                    assertThat(e.arguments()[0]).isEqualTo(lineOf(undefined, "no_existe"));
                });
        assertThatThrownBy(() -> administration.saveDraft("oficio",
                new TemplateDraft("<#import \"base.ftlx\" as base>\n<#if>", current.content().fields(), "")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("source"));
        assertThatThrownBy(() -> administration.saveDraft("oficio", new TemplateDraft(current.content().source(),
                List.of(new FieldDefinition("Mal Nombre", "x", "x", FieldType.TEXT, false, null, null)), "")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("template.field.name.invalid"));
        assertThat(administration.editable("oficio").versionId()).isEqualTo(current.versionId()); // nothing was saved
    }

    @Test
    void a_draft_moves_to_the_newest_version_only_when_its_owner_asks_and_gaps_are_reported() {
        acting.as(Acting.DRAFTER);
        UUID draft = oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC/DGE"), "Mover de versión",
                "<p>Texto.</p>", Map.of("referencia", "REF-1")));
        acting.as(TEMPLATE_ADMIN);
        administration.saveDraft("oficio", withRequiredExpediente());
        int newest = administration.publish("oficio").versionNo();

        acting.as(Acting.DRAFTER);
        var loaded = oficios.get(draft);
        TemplateMove move = oficios.moveToNewestTemplate(draft, loaded.version());
        assertThat(move.fromVersionNo()).isEqualTo(originalVersion);
        assertThat(move.toVersionNo()).isEqualTo(newest);
        assertThat(move.missingRequired()).containsExactly("expediente");
        assertThat(move.dropped()).isEmpty();
        var moved = oficios.get(draft);
        assertThat(moved.templateVersionId()).isNotEqualTo(loaded.templateVersionId());
        assertThat(moved.fields()).containsEntry("referencia", "REF-1");

        acting.as(Acting.OTHER_UNIT_DRAFTER);
        assertThatThrownBy(() -> oficios.moveToNewestTemplate(draft, moved.version()))
                .isInstanceOf(org.rubrica.shared.NotFoundException.class);
    }

    @Test
    void rolling_back_publishes_the_older_version_anew() {
        acting.as(TEMPLATE_ADMIN);
        administration.saveDraft("oficio", withRequiredExpediente());
        int withField = administration.publish("oficio").versionNo();
        TemplateVersionInfo restored = administration.republish("oficio", originalVersion);
        assertThat(restored.versionNo()).isEqualTo(withField + 1);
        assertThat(catalog.publishedVersion("oficio").fields()).extracting(FieldDefinition::name)
                .doesNotContain("expediente");
        assertThat(administration.history("oficio")).extracting(TemplateVersionInfo::versionNo)
                .contains(originalVersion, withField, withField + 1);

        List<DiffLine> diff = administration.compare("oficio", originalVersion, withField);
        assertThat(diff).anySatisfy(line -> {
            assertThat(line.change()).isEqualTo(DiffLine.Change.ADDED);
            assertThat(line.newer()).contains("Expediente: ${data.fields.expediente}");
        });
        assertThat(diff).anySatisfy(line -> assertThat(line.newer()).contains("\"name\":\"expediente\"", "\"required\":true"));
        assertThat(administration.compare("oficio", originalVersion, withField + 1))
                .allMatch(line -> line.change() == DiffLine.Change.SAME);
    }

    @Test
    void a_pending_draft_is_never_discarded_by_a_restore_only_on_request() {
        acting.as(TEMPLATE_ADMIN);
        administration.saveDraft("oficio", withRequiredExpediente());
        assertThatThrownBy(() -> administration.republish("oficio", originalVersion))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("template.restore.draft-pending"));
        administration.discardDraft("oficio");
        assertThat(administration.editable("oficio").draft()).isFalse();
    }

    @Test
    void only_template_administrators_change_templates() {
        acting.as(Acting.DRAFTER);
        assertThatThrownBy(() -> administration.editable("oficio")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.publish("oficio")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void choice_person_and_unit_fields_accept_only_what_their_list_or_the_directory_offers() throws IOException {
        acting.as(TEMPLATE_ADMIN);
        EditableTemplate current = administration.editable("oficio");
        List<FieldDefinition> fields = new ArrayList<>(current.content().fields());
        fields.add(new FieldDefinition("prioridad", "Prioridad", "Priority", FieldType.CHOICE, true, null, null,
                List.of("Ordinaria", "Urgente")));
        fields.add(new FieldDefinition("atencion", "Atención", "Attention", FieldType.PERSON, false, null, null));
        fields.add(new FieldDefinition("turnar", "Turnar a", "Assign to", FieldType.UNIT, false, null, null));
        String source = current.content().source().replace(ANCHOR, """
                <p>Prioridad: ${data.fields.prioridad} · Atención: ${data.fields.atencion} · ${data.fields.turnar}</p>
                """ + ANCHOR);
        List<FieldDefinition> noOptions = new ArrayList<>(fields);
        noOptions.set(noOptions.size() - 3, new FieldDefinition("prioridad", "Prioridad", "Priority",
                FieldType.CHOICE, true, null, null, List.of()));
        assertThatThrownBy(() -> administration.saveDraft("oficio", new TemplateDraft(source, noOptions,
                current.content().defaultBodyHtml())))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).messageKey()).isEqualTo("template.field.options.invalid");
        administration.saveDraft("oficio", new TemplateDraft(source, fields, current.content().defaultBodyHtml()));
        administration.publish("oficio");

        acting.as(Acting.DRAFTER);
        long recipient = acting.unitId("SEC/DGE");
        assertRefusedAt(Map.of("prioridad", "Inmediata"), recipient, "prioridad", "validation.choice");
        assertRefusedAt(Map.of("prioridad", "Urgente", "atencion", "Nadie Inventado"), recipient, "atencion",
                "validation.person");
        assertRefusedAt(Map.of("prioridad", "Urgente", "turnar", "Dirección Inexistente"), recipient, "turnar",
                "validation.unit");
        UUID id = oficios.startDraft("oficio", new DraftContent(recipient, "Con opciones", "<p>Texto.</p>",
                Map.of("prioridad", "Urgente", "atencion", "Gabriela Torres Espinoza",
                        "turnar", "Dirección General de Educación")));
        assertThat(text(oficios.pdf(id))).contains(
                "Prioridad: Urgente · Atención: Gabriela Torres Espinoza · Dirección General de Educación");
    }

    private void assertRefusedAt(Map<String, String> values, long recipient, String field, String key) {
        assertThatThrownBy(() -> oficios.startDraft("oficio", new DraftContent(recipient, "Asunto", "<p>Texto.</p>",
                values)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> {
                    assertThat(((InvalidInputException) e).field()).isEqualTo(field);
                    assertThat(((InvalidInputException) e).messageKey()).isEqualTo(key);
                });
    }

    @Test
    void a_new_template_starts_as_an_unpublished_copy_of_the_oficio_and_bad_names_are_refused_at_their_field() {
        acting.as(TEMPLATE_ADMIN);
        administration.create("nota-informativa", "NOTA", "Nota informativa", "Briefing note");

        EditableTemplate created = administration.editable("nota-informativa");
        assertThat(created.draft()).isTrue();
        assertThat(created.content().source()).isEqualTo(administration.editable("oficio").content().source());
        assertThat(catalog.publishedTemplates()).extracting(TemplateSummary::code).doesNotContain("nota-informativa");
        assertThatThrownBy(() -> administration.create("nota-informativa", "NOTA", "Otra", "Other"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("template.create.code-taken"));
        assertThatThrownBy(() -> administration.create("Nota Mala", "NOTA", "Nota", "Note"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("code"));
        assertThatThrownBy(() -> administration.create("nota-b", "nota", "Nota", "Note"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("kind"));

        administration.publish("nota-informativa");
        assertThat(catalog.publishedTemplates()).extracting(TemplateSummary::code).contains("nota-informativa");
    }

    private static int lineOf(String source, String needle) {
        return source.substring(0, source.indexOf(needle)).split("\n", -1).length;
    }

    private static String text(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
