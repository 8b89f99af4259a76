package org.rubrica.metrics.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Function;

import org.docx4j.openpackaging.packages.SpreadsheetMLPackage;
import org.docx4j.openpackaging.parts.SpreadsheetML.WorksheetPart;
import org.junit.jupiter.api.Test;
import org.rubrica.metrics.Indicators;
import org.xlsx4j.sml.Cell;
import org.xlsx4j.sml.Row;

/** The export carries every figure: CSV a spreadsheet opens with its accents, XLSX with numbers as numbers. */
class IndicatorsExportTests {

    private static final Function<String, String> NAMES = key -> switch (key) {
        case "indicators.drafted" -> "Oficios redactados";
        case "indicators.by-sender" -> "Unidades que más enviaron";
        case "indicators.saved-total" -> "Ahorro total";
        default -> key;
    };

    private static Indicators sample() {
        return new Indicators(Indicators.Scope.INSTITUTION, null, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31),
                5, 4, 3, 2, new Indicators.Times(4, Duration.ofMinutes(150), Duration.ofMinutes(474)),
                new Indicators.Times(2, Duration.ofHours(2), Duration.ofMinutes(168)),
                new Indicators.Times(0, null, null), 2, 1, List.of(),
                List.of(new Indicators.Ranked(7, "=SOP/DOP · Dirección", 3)), List.of(),
                List.of(new Indicators.Month(YearMonth.of(2026, 3), 5, 4, 3, 2)),
                new Indicators.Savings(15, 4, new BigDecimal("3.00"), new BigDecimal("12.00"), new BigDecimal("180.00"),
                        "MXN"));
    }

    @Test
    void csv_has_every_figure_with_a_byte_order_mark_and_no_formula() {
        var lines = IndicatorsExport.lines(sample(), NAMES);
        String csv = new String(IndicatorsExport.csv(lines, NAMES), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF");
        assertThat(csv).contains("\"Oficios redactados\",5\r\n", "\"Ahorro total\",195.00\r\n",
                "\"indicators.draft-to-signed · indicators.median\",2.5\r\n",
                "\"indicators.draft-to-signed · indicators.p90\",7.9\r\n",
                "\"indicators.received-to-answered · indicators.median\",\"\"\r\n");
        // a unit named like a formula is written as text
        assertThat(csv).contains("\"'=SOP/DOP · Dirección\",3");
    }

    @Test
    void xlsx_opens_with_the_same_lines_numbers_as_numbers() throws Exception {
        var lines = IndicatorsExport.lines(sample(), NAMES);
        byte[] xlsx = IndicatorsExport.xlsx(lines, "Indicadores", NAMES);
        SpreadsheetMLPackage workbook = SpreadsheetMLPackage.load(new ByteArrayInputStream(xlsx));
        WorksheetPart sheet = workbook.getWorkbookPart().getWorksheet(0);
        List<Row> rows = sheet.getContents().getSheetData().getRow();
        assertThat(rows).hasSize(lines.size() + 1);
        Cell drafted = rows.get(1).getC().get(2);
        assertThat(drafted.getT().value()).isEqualTo("n");
        assertThat(drafted.getV()).isEqualTo("5");
        Row total = rows.stream().filter(r -> "Ahorro total".equals(r.getC().get(1).getIs().getT().getValue()))
                .findFirst().orElseThrow();
        assertThat(total.getC().get(2).getV()).isEqualTo("195.00");
    }
}
