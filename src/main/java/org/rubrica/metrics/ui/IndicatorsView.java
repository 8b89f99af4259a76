package org.rubrica.metrics.ui;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import org.rubrica.directory.Directory;
import org.rubrica.directory.Role;
import org.rubrica.directory.Unit;
import org.rubrica.metrics.Indicators;
import org.rubrica.metrics.MetricsService;
import org.rubrica.shared.ui.Notices;

/** The indicators of a unit, an agency or the whole institution over a period, as figures. */
@Route("indicadores")
@Menu(order = 11, title = "menu.indicators", icon = "vaadin:chart")
@RolesAllowed({Role.Names.AUDITOR, Role.Names.ORG_ADMIN, "SIGNER"})
class IndicatorsView extends VerticalLayout implements HasDynamicTitle {

    private final MetricsService metrics;
    private final Div figures = new Div();

    IndicatorsView(MetricsService metrics, Directory directory) {
        this.metrics = metrics;
        var scope = new Select<Unit>();
        scope.setLabel(getTranslation("indicators.scope"));
        scope.setEmptySelectionAllowed(true);
        scope.setEmptySelectionCaption(getTranslation("indicators.institution"));
        scope.setItems(directory.activeUnits().stream().sorted(Comparator.comparing(Unit::code)).toList());
        scope.setItemLabelGenerator(u -> u == null ? getTranslation("indicators.institution") : u.label());
        scope.setId("indicators-scope");
        var from = new DatePicker(getTranslation("search.from"), LocalDate.now().withDayOfMonth(1));
        var to = new DatePicker(getTranslation("search.to"), LocalDate.now());
        var show = new Button(getTranslation("indicators.show"), e -> show(scope.getValue(), from.getValue(),
                to.getValue()));
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        show.setId("indicators-show");
        var bar = new HorizontalLayout(scope, from, to, show);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        figures.setId("indicators");
        figures.addClassName("indicators");
        add(new H2(getTranslation("menu.indicators")), bar, figures);
    }

    private void show(Unit unit, LocalDate from, LocalDate to) {
        Indicators.Scope scope = unit == null ? Indicators.Scope.INSTITUTION
                : unit.kind() == org.rubrica.directory.UnitKind.AGENCY ? Indicators.Scope.AGENCY : Indicators.Scope.UNIT;
        Notices.attempt(this, () -> {
            Indicators i = metrics.indicators(scope, unit == null ? null : unit.id(), from, to);
            figures.removeAll();
            figures.add(figure("indicators.drafted", String.valueOf(i.drafted())),
                    figure("indicators.signed", String.valueOf(i.signed())),
                    figure("indicators.sent", String.valueOf(i.sent())),
                    figure("indicators.received", String.valueOf(i.received())),
                    figure("indicators.backlog", String.valueOf(i.backlog())),
                    times("indicators.draft-to-signed", i.draftToSigned()),
                    times("indicators.delivered-to-received", i.deliveredToReceived()),
                    times("indicators.received-to-answered", i.receivedToAnswered()),
                    ranked("indicators.by-author", i.byAuthor()), ranked("indicators.by-sender", i.bySender()),
                    ranked("indicators.by-recipient", i.byRecipient()));
        }, () -> { }, () -> { });
    }

    private Div figure(String key, String value) {
        var number = new Span(value);
        number.addClassName("figure-value");
        var div = new Div(new Span(getTranslation(key) + ": "), number);
        div.addClassName("figure");
        return div;
    }

    private Div times(String key, Indicators.Times t) {
        return figure(key, t.count() == 0 ? "—" : getTranslation("indicators.times", hours(t.median()),
                hours(t.p90()), t.count()));
    }

    private Div ranked(String key, java.util.List<Indicators.Ranked> rows) {
        return figure(key, rows.isEmpty() ? "—" : rows.stream().map(r -> r.name() + " (" + r.count() + ")")
                .collect(java.util.stream.Collectors.joining(", ")));
    }

    private static String hours(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f", d.toMinutes() / 60.0);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.indicators") + " · " + getTranslation("app.name");
    }
}
