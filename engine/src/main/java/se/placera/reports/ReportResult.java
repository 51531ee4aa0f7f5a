package se.placera.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A report as run: every part a table of rows (all dimensions but the last), columns (the last dimension), row and
 * column totals and a grand total. A value below the suppression threshold, or one that could be worked out from
 * the others, is {@code null} and its measure id is listed in the cell's {@code suppressed} (GD-2).
 */
public record ReportResult(String id, int version, String title, String description, LocalDate produced,
        List<String> filters, int threshold, List<Part> parts) {

    public record Heading(String key, String title) {
    }

    public record MeasureHeading(String id, String type, String title) {
    }

    public record Column(String value, String label) {
    }

    /** The values of one cell by measure id (null when suppressed) and the ids of the suppressed ones. */
    public record Cell(Map<String, Number> values, List<String> suppressed) {
    }

    public record Row(List<String> values, List<String> labels, List<Cell> cells, Cell total) {
    }

    public record Part(String id, String title, String description, String presentation, List<Heading> rowDimensions,
            Heading columnDimension, List<MeasureHeading> measures, List<Column> columns, List<Row> rows,
            List<Cell> columnTotals, Cell total) {
    }
}
