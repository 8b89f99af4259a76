package org.rubrica.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.rubrica.drafting.DraftContent;
import org.rubrica.drafting.OficioService;
import org.rubrica.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The administrator sets the single format; every template moves onto it; started drafts keep theirs. */
@RubricaTest
class BaseFormatAdministrationTests {

    private static final String TEMPLATE_ADMIN = "plantillas";

    @Autowired Acting acting;
    @Autowired BaseFormatAdministration format;
    @Autowired TemplateAdministration administration;
    @Autowired TemplateAssets assets;
    @Autowired TemplateCatalog catalog;
    @Autowired OficioService oficios;

    @AfterEach
    void backToTheDefaults() {
        acting.as(TEMPLATE_ADMIN);
        if (!format.current().settings().equals(BaseFormatSettings.DEFAULTS)) {
            format.save(BaseFormatSettings.DEFAULTS);
        }
        acting.nobody();
    }

    private static BaseFormatSettings with(String headerText, String footerText, String logo) {
        BaseFormatSettings d = BaseFormatSettings.DEFAULTS;
        return new BaseFormatSettings(PageSize.LEGAL, d.marginTopMm(), d.marginRightMm(), d.marginBottomMm(),
                d.marginLeftMm(), Typeface.SERIF, new BigDecimal("11"), "#7a1f2b", d.accentColor(), logo,
                headerText, footerText, d.signatureSpaceMm(), true);
    }

    @Test
    void the_preview_shows_unsaved_settings_and_saving_moves_new_documents_onto_them() throws IOException {
        acting.as(Acting.DRAFTER);
        UUID before = oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC/DGE"), "Antes del formato",
                "<p>Texto.</p>", Map.of()));
        long pinned = oficios.get(before).templateVersionId();

        acting.as(TEMPLATE_ADMIN);
        assets.upload("escudo-formato", "escudo.png", TemplateAssetsTests.image("png", 300, 300));
        int oficioVersion = catalog.publishedVersion("oficio").versionNo();
        int memoVersion = catalog.publishedVersion("memorandum").versionNo();
        BaseFormatSettings settings = with("2026, Año de la Transparencia", "Palacio Municipal s/n", "escudo-formato");

        String preview = text(format.preview(settings));
        assertThat(preview).contains("2026, Año de la Transparencia", "Palacio Municipal s/n");
        assertThat(catalog.publishedVersion("oficio").versionNo()).isEqualTo(oficioVersion); // nothing saved yet

        BaseFormatState saved = format.save(settings);
        assertThat(format.current()).isEqualTo(saved);
        assertThat(saved.settings()).isEqualTo(settings);
        assertThat(catalog.publishedVersion("oficio").versionNo()).isEqualTo(oficioVersion + 1);
        assertThat(catalog.publishedVersion("memorandum").versionNo()).isEqualTo(memoVersion + 1);

        acting.as(Acting.DRAFTER);
        UUID after = oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC/DGE"), "Con el formato nuevo",
                "<p>Texto.</p>", Map.of()));
        assertThat(text(oficios.pdf(after))).contains("2026, Año de la Transparencia", "Palacio Municipal s/n");
        assertThat(oficios.get(before).templateVersionId()).isEqualTo(pinned);
        assertThat(text(oficios.pdf(before))).doesNotContain("2026, Año de la Transparencia");
        assertThat(oficios.get(before).can().canMoveTemplate()).isTrue();
    }

    @Test
    void bad_settings_are_refused_at_their_field_and_nothing_is_saved() {
        acting.as(TEMPLATE_ADMIN);
        int versionNo = format.current().versionNo();
        BaseFormatSettings d = BaseFormatSettings.DEFAULTS;

        assertField(() -> format.save(new BaseFormatSettings(d.pageSize(), 2, d.marginRightMm(), d.marginBottomMm(),
                d.marginLeftMm(), d.typeface(), d.fontSizePt(), d.primaryColor(), d.accentColor(), null, "", "",
                d.signatureSpaceMm(), true)), "marginTop");
        assertField(() -> format.save(new BaseFormatSettings(d.pageSize(), d.marginTopMm(), d.marginRightMm(),
                d.marginBottomMm(), d.marginLeftMm(), d.typeface(), d.fontSizePt(), "red; } body { display:none",
                d.accentColor(), null, "", "", d.signatureSpaceMm(), true)), "primaryColor");
        assertField(() -> format.preview(with("", "", "no-existe")), "logo");
        assertField(() -> format.save(with("x".repeat(BaseFormatSettings.TEXT_MAX + 1), "", null)), "headerText");
        assertThatThrownBy(() -> format.save(BaseFormatSettings.DEFAULTS)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).messageKey()).isEqualTo("format.unchanged");
        assertThat(format.current().versionNo()).isEqualTo(versionNo);
    }

    @Test
    void a_published_administrator_version_is_carried_onto_a_new_format_not_replaced_by_the_shipped_one() {
        acting.as(TEMPLATE_ADMIN);
        EditableTemplate current = administration.editable("circular");
        administration.saveDraft("circular", new TemplateDraft(current.content().source()
                .replace("<@base.firma/>", "<p>Leyenda del administrador</p>\n<@base.firma/>"),
                current.content().fields(), current.content().defaultBodyHtml()));
        administration.publish("circular");

        format.save(with("Otro año", "", null));

        EditableTemplate carried = administration.editable("circular");
        assertThat(carried.draft()).isFalse();
        assertThat(carried.content().source()).contains("Leyenda del administrador");
    }

    @Test
    void only_template_administrators_set_the_format() {
        acting.as(Acting.DRAFTER);
        assertThatThrownBy(() -> format.current()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> format.save(with("x", "", null))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> format.preview(BaseFormatSettings.DEFAULTS)).isInstanceOf(AccessDeniedException.class);
    }

    private static void assertField(Runnable action, String field) {
        assertThatThrownBy(action::run).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo(field);
    }

    private static String text(byte[] pdf) throws IOException {
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }
}
