package se.placera.documents;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** Reading and writing simple tabular workbooks (.xlsx): one header row, then data rows. */
public interface Spreadsheets {

    /** How the cells of a column are shown (the value stays a number or date). */
    enum Format {
        /** Whole numbers: {@code 0}. */
        INTEGER,
        /** Decimals: {@code 0.0}. */
        DECIMAL,
        /** A share 0–1 shown as percent: {@code 0.0%}. */
        PERCENT,
        /** An amount in kronor with thousands separator: {@code #,##0}. */
        AMOUNT,
        /** An amount in kronor and öre with thousands separator: {@code #,##0.00} (write a BigDecimal). */
        MONEY,
        /** A date, {@code yyyy-mm-dd} (the Swedish standard form, SS-ISO 8601). */
        DATE
    }

    /**
     * A dropdown of allowed values for a column's data rows (Excel data validation). A long list goes to a hidden
     * sheet of values. {@code strict}: other input is refused; otherwise Excel only informs (a cell may hold
     * several values separated by commas).
     */
    record Choices(List<String> values, boolean strict, String prompt) {
    }

    /**
     * One sheet to write: values are String, Number, Boolean, java.time.LocalDate or null. {@code formats} and
     * {@code choices} are keyed by header.
     */
    record Sheet(String name, List<String> headers, List<List<Object>> rows, Map<String, Format> formats,
            Map<String, Choices> choices) {

        public Sheet(String name, List<String> headers, List<List<Object>> rows) {
            this(name, headers, rows, Map.of(), Map.of());
        }

        public Sheet {
            formats = formats == null ? Map.of() : formats;
            choices = choices == null ? Map.of() : choices;
        }
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
