package org.rubrica.metrics.ui;

import java.util.List;
import java.util.function.BiConsumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

import tools.jackson.databind.json.JsonMapper;

/**
 * A bar chart (Chart.js, MIT, drawn in the browser by {@code <rubrica-chart>}): labels along one axis, one bar
 * per series for each. A click on a bar reports which label and series it was, for a drill-down.
 */
@Tag("rubrica-chart")
@NpmPackage(value = "chart.js", version = "4.5.1")
@JsModule("./components/rubrica-chart.ts")
class BarChart extends Component implements HasSize {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One row of bars: its name in the legend, its colour, a value per label. */
    record Series(String name, String color, List<? extends Number> values) {
    }

    /** What the browser draws; kept so tests and the export see the same figures. */
    record Data(String title, List<String> labels, List<Series> series, boolean horizontal, String unit) {
    }

    private Data data;

    void show(Data data) {
        this.data = data;
        getElement().setProperty("data", JSON.writeValueAsString(data));
    }

    Data data() {
        return data;
    }

    /** {@code listener} gets the bar's label index and series index. */
    void onBarClick(BiConsumer<Integer, Integer> listener) {
        getElement().addEventListener("bar-click", e -> listener.accept(
                        (int) e.getEventData().get("event.detail.index").asDouble(),
                        (int) e.getEventData().get("event.detail.series").asDouble()))
                .addEventData("event.detail.index").addEventData("event.detail.series");
    }
}
