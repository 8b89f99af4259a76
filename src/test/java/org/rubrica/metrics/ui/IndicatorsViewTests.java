package org.rubrica.metrics.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.KaribuTest;

/** The auditor sees the institution's indicators; a drafter does not get the page. */
class IndicatorsViewTests extends KaribuTest {

    @Test
    void the_auditor_sees_the_institutions_figures_and_a_drafter_does_not_get_the_page() {
        loginAs(Acting.AUDITOR);
        UI.getCurrent().navigate("indicadores");
        _click(_get(Button.class, spec -> spec.withId("indicators-show")));
        String shown = _get(Div.class, spec -> spec.withId("indicators")).getElement().getTextRecursively();
        assertThat(shown).contains("Oficios redactados: ", "Pendientes de respuesta al cierre: ",
                "Del borrador a la firma (horas): ");

        loginAs(Acting.DRAFTER);
        UI.getCurrent().navigate("indicadores");
        assertThat(_find(IndicatorsView.class)).isEmpty();
    }
}
