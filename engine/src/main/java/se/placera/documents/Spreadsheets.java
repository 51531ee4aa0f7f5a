package se.placera.documents;

import java.io.InputStream;
import java.util.List;

/** Reading and writing simple tabular workbooks (.xlsx): one header row, then data rows. */
public interface Spreadsheets {

    /** One sheet to write: values are String, Number, Boolean, java.time.LocalDate or null. */
    record Sheet(String name, List<String> headers, List<List<Object>> rows) {
    }

    /** Writes the sheets into one .xlsx workbook. */
    byte[] write(List<Sheet> sheets);

    /**
     * Reads the first sheet (or the one named) as rows of cell values: String, Double (numbers), Boolean,
     * java.time.LocalDate (date-formatted cells) or null; the header row is returned as {@link Sheet#headers()}.
     * Row i of {@code rows} is sheet row i + 2 (as Excel numbers rows); an empty row in between is null.
     */
    Sheet read(InputStream xlsx, String sheetName);
}
