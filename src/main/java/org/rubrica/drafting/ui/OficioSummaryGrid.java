package org.rubrica.drafting.ui;

import java.util.List;
import java.util.function.Function;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;

import org.rubrica.drafting.OficioSummary;
import org.rubrica.shared.ui.Formats;

/** A list of oficios (status, subject, recipient, last change); a click opens the address {@code target} gives. */
class OficioSummaryGrid extends Grid<OficioSummary> {

    OficioSummaryGrid(List<OficioSummary> items, Function<OficioSummary, String> target, String emptyKey) {
        addColumn(o -> getTranslation(o.status().messageKey())).setHeader(getTranslation("oficio.status"))
                .setAutoWidth(true).setFlexGrow(0);
        addColumn(OficioSummary::subject).setHeader(getTranslation("oficio.subject")).setFlexGrow(3);
        addColumn(OficioSummary::recipientUnitName).setHeader(getTranslation("oficio.recipient")).setFlexGrow(2);
        addColumn(o -> Formats.dateTime(o.updatedAt(), getLocale())).setHeader(getTranslation("oficio.updated"))
                .setAutoWidth(true).setFlexGrow(0);
        setItems(items);
        addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(target.apply(e.getItem()))));
        setEmptyStateComponent(new Span(getTranslation(emptyKey)));
    }
}
