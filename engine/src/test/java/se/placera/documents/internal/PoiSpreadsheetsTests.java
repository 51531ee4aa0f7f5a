package se.placera.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.placera.documents.Spreadsheets;

/** A text longer than an Excel cell holds is cut with a marker; the workbook is written, not a 500. */
class PoiSpreadsheetsTests {

    @Test
    void aTooLongCellIsTruncatedWithAMarker() {
        PoiSpreadsheets sheets = new PoiSpreadsheets();
        String huge = "x".repeat(1_000_000);
        byte[] xlsx = sheets.write(List.of(new Spreadsheets.Sheet("Blad", List.of("Namn", "Kort"),
                List.of(List.of(huge, "ok")))));
        Spreadsheets.Sheet back = sheets.read(new ByteArrayInputStream(xlsx), "Blad");
        String cell = String.valueOf(back.rows().get(0).get(0));
        assertThat(cell).hasSize(PoiSpreadsheets.MAX_CELL).endsWith(PoiSpreadsheets.TRUNCATED);
        assertThat(back.rows().get(0).get(1)).isEqualTo("ok");
    }
}
