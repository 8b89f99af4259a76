package org.rubrica.metrics.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.KaribuTest;
import org.rubrica.SignedOficios;
import org.rubrica.metrics.MetricsService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The auditor sees the institution's indicators as figures and charts, opens the oficios behind a figure and can
 * export them; a drafter does not get the page.
 */
class IndicatorsViewTests extends KaribuTest {

    @Autowired SignedOficios signedOficios;

    @Test
    @SuppressWarnings("unchecked")
    void the_auditor_sees_figures_and_charts_opens_what_is_behind_a_figure_and_exports() {
        UUID sent = signedOficios.sent("Indicadores en pantalla " + UUID.randomUUID());
        loginAs(Acting.AUDITOR);
        UI.getCurrent().navigate("indicadores");
        _get(DatePicker.class, spec -> spec.withLabel("Desde")).setValue(LocalDate.now().minusDays(1));
        _get(DatePicker.class, spec -> spec.withLabel("Hasta")).setValue(LocalDate.now());
        _click(_get(Button.class, spec -> spec.withId("indicators-show")));
        String shown = _get(Div.class, spec -> spec.withId("indicators")).getElement().getTextRecursively();
        assertThat(shown).contains("Oficios redactados: ", "Pendientes de respuesta al cierre: ",
                "Vencidos (más del plazo de respuesta): ", "Del borrador a la firma (horas): ");

        BarChart monthly = _get(BarChart.class, spec -> spec.withId("indicators-monthly"));
        assertThat(monthly.data().series()).extracting(BarChart.Series::name)
                .containsExactly("Oficios redactados", "Firmados", "Enviados", "Recepciones registradas");
        assertThat(monthly.getElement().getProperty("data")).contains("Flujo por mes");
        assertThat(monthly.data().series().get(2).values().stream().mapToLong(Number::longValue).sum()).isPositive();
        assertThat(_get(BarChart.class, spec -> spec.withId("indicators-times")).data().labels()).hasSize(3);
        assertThat(_get(Div.class, spec -> spec.withId("indicators-savings")).getElement().getTextRecursively())
                .contains("Ahorro total: ", "MXN");

        // this month's "sent" bar (series 2) lists the oficios behind it
        var bar = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        bar.put("event.detail.index", monthly.data().labels().size() - 1);
        bar.put("event.detail.series", 2);
        com.github.mvysny.kaributesting.v10.BasicUtilsKt._fireDomEvent(monthly, "bar-click", bar);
        Grid<MetricsService.Behind> behind = _get(Grid.class, spec -> spec.withId("indicators-behind"));
        assertThat(behind.getListDataView().getItems().map(MetricsService.Behind::oficioId)).contains(sent);
        behind.setItems(List.of());
        _click(_get(Button.class, spec -> spec.withId("figure-sent")));
        assertThat(behind.getListDataView().getItems().map(MetricsService.Behind::oficioId)).contains(sent);

        assertThat(_get(Anchor.class, spec -> spec.withId("indicators-csv")).getText()).isEqualTo("Descargar CSV");
        assertThat(_get(Anchor.class, spec -> spec.withId("indicators-xlsx")).getElement().getAttribute("download"))
                .endsWith(".xlsx");

        loginAs(Acting.DRAFTER);
        UI.getCurrent().navigate("indicadores");
        assertThat(_find(IndicatorsView.class)).isEmpty();
    }
}
