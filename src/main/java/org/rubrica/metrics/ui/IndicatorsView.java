package org.rubrica.metrics.ui;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import jakarta.annotation.security.RolesAllowed;

import org.rubrica.directory.Directory;
import org.rubrica.directory.Role;
import org.rubrica.directory.Unit;
import org.rubrica.directory.UnitKind;
import org.rubrica.metrics.Indicators;
import org.rubrica.metrics.Indicators.Figure;
import org.rubrica.metrics.MetricsService;
import org.rubrica.shared.ui.Notices;

/**
 * The indicators of a unit, an agency or the whole institution over a period: figures that open the oficios
 * behind them, charts of the monthly flow, response times and busiest units (a unit's bar opens its own
 * indicators), what was saved, and the whole as CSV or XLSX.
 */
@Route("indicadores")
@Menu(order = 11, title = "menu.indicators", icon = "vaadin:chart")
@RolesAllowed({Role.Names.AUDITOR, Role.Names.ORG_ADMIN, "SIGNER"})
class IndicatorsView extends VerticalLayout implements HasDynamicTitle {

    private static final String[] COLORS = {"#1f5fa8", "#2e8540", "#b36b00", "#7a3e9d"};

    private final MetricsService metrics;
    private final Select<Unit> scope = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Div figures = new Div();
    private final HorizontalLayout exports = new HorizontalLayout();
    private final BarChart monthly = new BarChart();
    private final BarChart times = new BarChart();
    private final BarChart senders = new BarChart();
    private final BarChart recipients = new BarChart();
    private final BarChart authors = new BarChart();
    private final Div savings = new Div();
    private final H3 behindTitle = new H3();
    private final Grid<MetricsService.Behind> behind = new Grid<>();
    private Indicators shown;

    IndicatorsView(MetricsService metrics, Directory directory) {
        this.metrics = metrics;
        scope.setLabel(getTranslation("indicators.scope"));
        scope.setEmptySelectionAllowed(true);
        scope.setEmptySelectionCaption(getTranslation("indicators.institution"));
        List<Unit> units = directory.activeUnits().stream().sorted(Comparator.comparing(Unit::code)).toList();
        scope.setItems(units);
        scope.setItemLabelGenerator(u -> u == null ? getTranslation("indicators.institution") : u.label());
        scope.setId("indicators-scope");
        from.setLabel(getTranslation("search.from"));
        from.setValue(LocalDate.now().withDayOfMonth(1));
        to.setLabel(getTranslation("search.to"));
        to.setValue(LocalDate.now());
        var show = new Button(getTranslation("indicators.show"), e -> show());
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        show.setId("indicators-show");
        var bar = new HorizontalLayout(scope, from, to, show, exports);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        figures.setId("indicators");
        figures.addClassName("indicators");
        monthly.setId("indicators-monthly");
        monthly.onBarClick((month, series) -> openMonth(month, series));
        times.setId("indicators-times");
        Map<Long, Unit> byId = units.stream().collect(java.util.stream.Collectors.toMap(Unit::id, u -> u));
        senders.setId("indicators-senders");
        senders.onBarClick((index, series) -> focus(byId.get(shown.bySender().get(index).id())));
        recipients.setId("indicators-recipients");
        recipients.onBarClick((index, series) -> focus(byId.get(shown.byRecipient().get(index).id())));
        authors.setId("indicators-authors");
        savings.setId("indicators-savings");
        savings.addClassName("indicators");
        var charts = new Div(monthly, times, senders, recipients, authors);
        charts.addClassName("indicator-charts");
        behind.setId("indicators-behind");
        behind.addColumn(b -> b.summary() == null || b.summary().number() == null ? "—" : b.summary().number())
                .setHeader(getTranslation("oficio.number")).setAutoWidth(true);
        behind.addColumn(b -> b.summary() == null ? getTranslation("indicators.not-visible") : b.summary().subject())
                .setHeader(getTranslation("oficio.subject")).setFlexGrow(1);
        behind.addColumn(MetricsService.Behind::unitLabel).setHeader(getTranslation("indicators.unit"))
                .setAutoWidth(true);
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(ZoneId.systemDefault());
        behind.addColumn(b -> when.format(b.at())).setHeader(getTranslation("indicators.when")).setAutoWidth(true);
        behind.addItemClickListener(e -> {
            if (e.getItem().summary() != null) {
                getUI().ifPresent(ui -> ui.navigate("oficios/" + e.getItem().oficioId()));
            }
        });
        behind.setAllRowsVisible(true);
        behind.setVisible(false);
        behindTitle.setVisible(false);
        add(new H2(getTranslation("menu.indicators")), bar, figures, charts, savings, behindTitle, behind);
    }

    private Indicators.Scope scopeOf(Unit unit) {
        return unit == null ? Indicators.Scope.INSTITUTION
                : unit.kind() == UnitKind.AGENCY ? Indicators.Scope.AGENCY : Indicators.Scope.UNIT;
    }

    private Long idOf(Unit unit) {
        return unit == null ? null : unit.id();
    }

    private void show() {
        Notices.attempt(this, () -> {
            shown = metrics.indicators(scopeOf(scope.getValue()), idOf(scope.getValue()), from.getValue(),
                    to.getValue());
            render(shown);
        }, () -> { }, () -> { });
    }

    /** A unit's bar opens that unit's indicators over the same period. */
    private void focus(Unit unit) {
        if (unit != null) {
            scope.setValue(unit);
            show();
        }
    }

    private void render(Indicators i) {
        figures.removeAll();
        figures.add(figure(Figure.DRAFTED, "indicators.drafted", i.drafted()),
                figure(Figure.SIGNED, "indicators.signed", i.signed()),
                figure(Figure.SENT, "indicators.sent", i.sent()),
                figure(Figure.RECEIVED, "indicators.received", i.received()),
                figure(Figure.BACKLOG, "indicators.backlog", i.backlog()),
                figure(Figure.OVERDUE, "indicators.overdue", i.overdue()),
                text("indicators.draft-to-signed", times(i.draftToSigned())),
                text("indicators.delivered-to-received", times(i.deliveredToReceived())),
                text("indicators.received-to-answered", times(i.receivedToAnswered())));
        monthly.show(new BarChart.Data(getTranslation("indicators.chart.monthly"),
                i.months().stream().map(m -> m.month().toString()).toList(),
                List.of(new BarChart.Series(getTranslation("indicators.drafted"), COLORS[0],
                                i.months().stream().map(Indicators.Month::drafted).toList()),
                        new BarChart.Series(getTranslation("indicators.signed"), COLORS[1],
                                i.months().stream().map(Indicators.Month::signed).toList()),
                        new BarChart.Series(getTranslation("indicators.sent"), COLORS[2],
                                i.months().stream().map(Indicators.Month::sent).toList()),
                        new BarChart.Series(getTranslation("indicators.received"), COLORS[3],
                                i.months().stream().map(Indicators.Month::received).toList())),
                false, null));
        List<Indicators.Times> measured = List.of(i.draftToSigned(), i.deliveredToReceived(), i.receivedToAnswered());
        times.show(new BarChart.Data(getTranslation("indicators.chart.times"),
                List.of(getTranslation("indicators.draft-to-signed"), getTranslation("indicators.delivered-to-received"),
                        getTranslation("indicators.received-to-answered")),
                List.of(new BarChart.Series(getTranslation("indicators.median"), COLORS[0],
                                measured.stream().map(t -> hoursValue(t.median())).toList()),
                        new BarChart.Series(getTranslation("indicators.p90"), COLORS[2],
                                measured.stream().map(t -> hoursValue(t.p90())).toList())),
                true, getTranslation("indicators.hours")));
        senders.show(ranking("indicators.by-sender", i.bySender(), COLORS[2]));
        recipients.show(ranking("indicators.by-recipient", i.byRecipient(), COLORS[3]));
        authors.show(ranking("indicators.by-author", i.byAuthor(), COLORS[0]));
        Indicators.Savings s = i.savings();
        savings.removeAll();
        savings.add(new H3(getTranslation("indicators.section.savings")),
                text("indicators.sheets", String.valueOf(s.sheets())),
                text("indicators.deliveries", String.valueOf(s.deliveries())),
                text("indicators.paper", money(s.paper(), s.currency())),
                text("indicators.printing", money(s.printing(), s.currency())),
                text("indicators.transport", money(s.transport(), s.currency())),
                text("indicators.saved-total", money(s.total(), s.currency())));
        exports.removeAll();
        Function<String, String> t = this::getTranslation;
        List<IndicatorsExport.Line> lines = IndicatorsExport.lines(i, t);
        // the files are made when asked for, with the headers in the language of the page
        Map<String, String> headers = Map.of("indicators.section", t.apply("indicators.section"),
                "indicators.figure", t.apply("indicators.figure"), "indicators.value", t.apply("indicators.value"));
        String sheet = getTranslation("menu.indicators");
        exports.add(download(() -> IndicatorsExport.csv(lines, headers::get), IndicatorsExport.fileName(i, "csv"),
                        "text/csv", "indicators.export.csv", "indicators-csv"),
                download(() -> IndicatorsExport.xlsx(lines, sheet, headers::get), IndicatorsExport.fileName(i, "xlsx"),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "indicators.export.xlsx",
                        "indicators-xlsx"));
        behind.setVisible(false);
        behindTitle.setVisible(false);
    }

    private BarChart.Data ranking(String key, List<Indicators.Ranked> rows, String color) {
        return new BarChart.Data(getTranslation(key), rows.stream().map(Indicators.Ranked::name).toList(),
                List.of(new BarChart.Series(getTranslation(key), color,
                        rows.stream().map(Indicators.Ranked::count).toList())), true, null);
    }

    /** A figure that opens the oficios behind it. */
    private Component figure(Figure figure, String key, long value) {
        var open = new Button(String.valueOf(value), e -> openBehind(figure, key, from.getValue(), to.getValue()));
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        open.addClassName("figure-value");
        open.setId("figure-" + figure.name().toLowerCase(Locale.ROOT));
        open.setTooltipText(getTranslation("indicators.open"));
        var div = new Div(new Span(getTranslation(key) + ": "), open);
        div.addClassName("figure");
        return div;
    }

    private Div text(String key, String value) {
        var number = new Span(value);
        number.addClassName("figure-value");
        var div = new Div(new Span(getTranslation(key) + ": "), number);
        div.addClassName("figure");
        return div;
    }

    /** A month's bar opens that month's oficios of its series (drafted, signed, sent or received). */
    private void openMonth(int month, int series) {
        var m = shown.months().get(month).month();
        LocalDate start = m.atDay(1).isBefore(shown.from()) ? shown.from() : m.atDay(1);
        LocalDate end = m.atEndOfMonth().isAfter(shown.to()) ? shown.to() : m.atEndOfMonth();
        Figure figure = List.of(Figure.DRAFTED, Figure.SIGNED, Figure.SENT, Figure.RECEIVED).get(series);
        String key = List.of("indicators.drafted", "indicators.signed", "indicators.sent", "indicators.received")
                .get(series);
        openBehind(figure, key, start, end);
    }

    private void openBehind(Figure figure, String key, LocalDate start, LocalDate end) {
        Notices.attempt(this, () -> {
            var rows = metrics.behind(shown.scope(), shown.scopeId(), start, end, figure);
            behindTitle.setText(getTranslation("indicators.behind", getTranslation(key), start, end,
                    rows.size() >= MetricsService.BEHIND_LIMIT ? getTranslation("indicators.behind.first",
                            MetricsService.BEHIND_LIMIT) : ""));
            behind.setItems(rows);
            behind.setVisible(true);
            behindTitle.setVisible(true);
        }, () -> { }, () -> { });
    }

    private Anchor download(java.util.function.Supplier<byte[]> file, String fileName, String type, String key,
                            String id) {
        var anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = file.get();
            return new DownloadResponse(new java.io.ByteArrayInputStream(bytes), fileName, type, bytes.length);
        }), getTranslation(key));
        anchor.setTarget(AnchorTarget.BLANK);
        anchor.getElement().setAttribute("download", fileName);
        anchor.setId(id);
        return anchor;
    }

    private String times(Indicators.Times t) {
        return t.count() == 0 ? "—" : getTranslation("indicators.times", hours(t.median()), hours(t.p90()), t.count());
    }

    private static Double hoursValue(Duration d) {
        return d == null ? null : Math.round(d.toMinutes() / 6.0) / 10.0;
    }

    private static String hours(Duration d) {
        return String.format(Locale.ROOT, "%.1f", d.toMinutes() / 60.0);
    }

    private String money(java.math.BigDecimal amount, String currency) {
        var format = java.text.NumberFormat.getNumberInstance(getLocale());
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(amount) + " " + currency;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.indicators") + " · " + getTranslation("app.name");
    }
}
