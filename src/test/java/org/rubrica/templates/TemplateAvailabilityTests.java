package org.rubrica.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.rubrica.drafting.DraftContent;
import org.rubrica.drafting.OficioService;
import org.rubrica.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** A template granted to an agency serves its units and sub-units only; with no grant, everyone. */
@RubricaTest
class TemplateAvailabilityTests {

    private static final String TEMPLATE_ADMIN = "plantillas";

    @Autowired Acting acting;
    @Autowired TemplateAdministration administration;
    @Autowired OficioService oficios;

    @AfterEach
    void availableToEveryoneAgain() {
        acting.as(TEMPLATE_ADMIN);
        administration.setAvailability("memorandum", Set.of());
        acting.nobody();
    }

    @Test
    void a_template_granted_to_an_agency_reaches_its_units_and_no_one_else() {
        acting.as(TEMPLATE_ADMIN);
        long education = acting.unitId("SEC");
        administration.setAvailability("memorandum", Set.of(education));
        assertThat(administration.availability("memorandum")).containsExactly(education);

        acting.as(Acting.RECIPIENT); // SEC/DGE, below SEC
        assertThat(oficios.startingTemplates()).extracting(TemplateSummary::code).contains("memorandum", "oficio");
        oficios.startDraft("memorandum", new DraftContent(acting.unitId("TES/DE"), "Memorándum", "<p>Texto.</p>",
                Map.of()));

        acting.as(Acting.DRAFTER); // SOP/DOP
        assertThat(oficios.startingTemplates()).extracting(TemplateSummary::code)
                .contains("oficio").doesNotContain("memorandum");
        assertThatThrownBy(() -> oficios.startDraft("memorandum", new DraftContent(acting.unitId("SEC/DGE"),
                "Memorándum", "<p>Texto.</p>", Map.of()))).isInstanceOf(TemplateNotFoundException.class);
        assertThatThrownBy(() -> oficios.startingVersion("memorandum")).isInstanceOf(TemplateNotFoundException.class);
    }

    @Test
    void unknown_units_are_refused_and_only_administrators_grant() {
        acting.as(TEMPLATE_ADMIN);
        assertThatThrownBy(() -> administration.setAvailability("memorandum", Set.of(987_654L)))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("availability");

        acting.as(Acting.DRAFTER);
        assertThatThrownBy(() -> administration.setAvailability("memorandum", Set.of()))
                .isInstanceOf(AccessDeniedException.class);
    }
}
