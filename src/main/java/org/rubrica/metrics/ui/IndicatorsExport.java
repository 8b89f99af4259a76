package org.rubrica.metrics.ui;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.docx4j.openpackaging.exceptions.Docx4JException;
import org.docx4j.openpackaging.packages.SpreadsheetMLPackage;
import org.docx4j.openpackaging.parts.PartName;
import org.docx4j.openpackaging.parts.SpreadsheetML.WorksheetPart;
import org.rubrica.metrics.Indicators;
import org.xlsx4j.jaxb.Context;
import org.xlsx4j.sml.CTRst;
import org.xlsx4j.sml.CTXstringWhitespace;
import org.xlsx4j.sml.Cell;
import org.xlsx4j.sml.Row;
import org.xlsx4j.sml.STCellType;

/**
 * The indicators as a table of section, figure and value, for a spreadsheet: as CSV (UTF-8 with a byte order mark,
 * so Excel reads accents) and as XLSX (docx4j's SpreadsheetML, numbers as numbers). Texts in the person's language.
 */
final class IndicatorsExport {

    /** One line of the table; {@code value} a Number or a String. */
    record Line(String section, String figure, Object value) {
    }

    private IndicatorsExport() {
    }

    static List<Line> lines(Indicators i, Function<String, String> t) {
        List<Line> lines = new ArrayList<>();
        String totals = t.apply("indicators.section.totals");
        lines.add(new Line(totals, t.apply("indicators.drafted"), i.drafted()));
        lines.add(new Line(totals, t.apply("indicators.signed"), i.signed()));
        lines.add(new Line(totals, t.apply("indicators.sent"), i.sent()));
        lines.add(new Line(totals, t.apply("indicators.received"), i.received()));
        lines.add(new Line(totals, t.apply("indicators.backlog"), i.backlog()));
        lines.add(new Line(totals, t.apply("indicators.overdue"), i.overdue()));
        String times = t.apply("indicators.section.times");
        time(lines, times, t.apply("indicators.draft-to-signed"), i.draftToSigned(), t);
        time(lines, times, t.apply("indicators.delivered-to-received"), i.deliveredToReceived(), t);
        time(lines, times, t.apply("indicators.received-to-answered"), i.receivedToAnswered(), t);
        String months = t.apply("indicators.section.months");
        for (Indicators.Month m : i.months()) {
            lines.add(new Line(months, m.month() + " · " + t.apply("indicators.drafted"), m.drafted()));
            lines.add(new Line(months, m.month() + " · " + t.apply("indicators.signed"), m.signed()));
            lines.add(new Line(months, m.month() + " · " + t.apply("indicators.sent"), m.sent()));
            lines.add(new Line(months, m.month() + " · " + t.apply("indicators.received"), m.received()));
        }
        i.byAuthor().forEach(r -> lines.add(new Line(t.apply("indicators.by-author"), r.name(), r.count())));
        i.bySender().forEach(r -> lines.add(new Line(t.apply("indicators.by-sender"), r.name(), r.count())));
        i.byRecipient().forEach(r -> lines.add(new Line(t.apply("indicators.by-recipient"), r.name(), r.count())));
        String savings = t.apply("indicators.section.savings") + " (" + i.savings().currency() + ")";
        lines.add(new Line(savings, t.apply("indicators.sheets"), i.savings().sheets()));
        lines.add(new Line(savings, t.apply("indicators.deliveries"), i.savings().deliveries()));
        lines.add(new Line(savings, t.apply("indicators.paper"), i.savings().paper()));
        lines.add(new Line(savings, t.apply("indicators.printing"), i.savings().printing()));
        lines.add(new Line(savings, t.apply("indicators.transport"), i.savings().transport()));
        lines.add(new Line(savings, t.apply("indicators.saved-total"), i.savings().total()));
        return lines;
    }

    private static void time(List<Line> lines, String section, String name, Indicators.Times times,
                             Function<String, String> t) {
        lines.add(new Line(section, name + " · " + t.apply("indicators.median"), hours(times.median())));
        lines.add(new Line(section, name + " · " + t.apply("indicators.p90"), hours(times.p90())));
        lines.add(new Line(section, name + " · " + t.apply("indicators.measured"), times.count()));
    }

    /** Hours with one decimal, or empty when nothing was measured. */
    static Object hours(Duration d) {
        return d == null ? "" : BigDecimal.valueOf(d.toMinutes()).divide(BigDecimal.valueOf(60), 1,
                java.math.RoundingMode.HALF_UP);
    }

    static byte[] csv(List<Line> lines, Function<String, String> t) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(cell(t.apply("indicators.section"))).append(',').append(cell(t.apply("indicators.figure")))
                .append(',').append(cell(t.apply("indicators.value"))).append("\r\n");
        for (Line line : lines) {
            out.append(cell(line.section())).append(',').append(cell(line.figure())).append(',')
                    .append(line.value() instanceof Number n ? n.toString() : cell(String.valueOf(line.value())))
                    .append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Quoted, and a leading =, +, - or @ neutralised so a spreadsheet never runs a name as a formula. */
    private static String cell(String text) {
        String safe = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        return '"' + safe.replace("\"", "\"\"") + '"';
    }

    static byte[] xlsx(List<Line> lines, String sheetName, Function<String, String> t) {
        try {
            SpreadsheetMLPackage workbook = SpreadsheetMLPackage.createPackage();
            WorksheetPart sheet = workbook.createWorksheetPart(new PartName("/xl/worksheets/sheet1.xml"),
                    sheetName, 1);
            var rows = sheet.getContents().getSheetData().getRow();
            rows.add(row(t.apply("indicators.section"), t.apply("indicators.figure"), t.apply("indicators.value")));
            for (Line line : lines) {
                rows.add(row(line.section(), line.figure(), line.value()));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.save(out);
            return out.toByteArray();
        } catch (Docx4JException | jakarta.xml.bind.JAXBException e) {
            throw new IllegalStateException("the spreadsheet could not be written", e);
        }
    }

    private static Row row(Object... values) {
        Row row = Context.getsmlObjectFactory().createRow();
        for (Object value : values) {
            Cell cell = Context.getsmlObjectFactory().createCell();
            if (value instanceof Number number) {
                cell.setT(STCellType.N);
                cell.setV(number instanceof BigDecimal big ? big.toPlainString() : number.toString());
            } else {
                CTXstringWhitespace text = Context.getsmlObjectFactory().createCTXstringWhitespace();
                text.setValue(String.valueOf(value));
                CTRst inline = Context.getsmlObjectFactory().createCTRst();
                inline.setT(text);
                cell.setT(STCellType.INLINE_STR);
                cell.setIs(inline);
            }
            row.getC().add(cell);
        }
        return row;
    }

    static String fileName(Indicators i, String extension) {
        return String.format(Locale.ROOT, "indicadores-%s-%s.%s", i.from(), i.to(), extension);
    }
}
