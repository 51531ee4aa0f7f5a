package se.placera.reports.internal;

import java.util.ArrayList;
import java.util.List;

import se.placera.documents.ReportDocuments;
import se.placera.reports.ReportResult;
import se.placera.reports.ReportResult.Cell;
import se.placera.reports.ReportResult.MeasureHeading;

/**
 * A run report as the documents module takes it: the same (suppressed) numbers as on screen, a table per part
 * (row labels, a column per column value and measure, the row total; a last row of totals) and a chart series per
 * column of the part's chart measure (its first measure other than the count, else the count).
 */
final class ReportExport {

    private ReportExport() {
    }

    static ReportDocuments.Report of(ReportResult r) {
        List<ReportDocuments.Part> parts = new ArrayList<>();
        for (ReportResult.Part p : r.parts()) {
            parts.add(part(p));
        }
        return new ReportDocuments.Report(r.title(), r.description(), r.filters(), r.produced().toString(), parts);
    }

    private static ReportDocuments.Part part(ReportResult.Part p) {
        List<String> headers = new ArrayList<>();
        List<String> percent = new ArrayList<>();
        p.rowDimensions().forEach(h -> headers.add(h.title()));
        boolean twoWay = p.columnDimension() != null;
        if (twoWay) {
            for (ReportResult.Column c : p.columns()) {
                for (MeasureHeading m : p.measures()) {
                    headers.add(c.label() + " – " + m.title());
                    if (isShare(m)) {
                        percent.add(headers.getLast());
                    }
                }
            }
        }
        for (MeasureHeading m : p.measures()) {
            headers.add(twoWay ? "Totalt – " + m.title() : m.title());
            if (isShare(m)) {
                percent.add(headers.getLast());
            }
        }
        if (p.rowDimensions().isEmpty()) {
            headers.addFirst("");
        }
        List<List<Object>> rows = new ArrayList<>();
        for (ReportResult.Row row : p.rows()) {
            List<Object> values = new ArrayList<>(row.labels());
            row.cells().forEach(c -> add(values, c, p));
            add(values, row.total(), p);
            rows.add(values);
        }
        List<Object> totals = new ArrayList<>();
        totals.add("Totalt");
        for (int i = 1; i < Math.max(1, p.rowDimensions().size()); i++) {
            totals.add("");
        }
        p.columnTotals().forEach(c -> add(totals, c, p));
        add(totals, p.total(), p);
        rows.add(totals);

        MeasureHeading chartMeasure = p.measures().stream().filter(m -> !"count".equals(m.type())).findFirst()
                .orElse(p.measures().getFirst());
        List<String> categories = new ArrayList<>();
        List<ReportDocuments.Series> series = new ArrayList<>();
        if ("keyFigure".equals(p.presentation()) || p.rowDimensions().isEmpty()) {
            for (MeasureHeading m : p.measures()) {
                series.add(new ReportDocuments.Series(m.title(), java.util.Collections.singletonList(
                        value(p.total(), m.id()))));
            }
            categories.add("Totalt");
        } else {
            p.rows().forEach(row -> categories.add(String.join(", ", row.labels())));
            if (twoWay) {
                for (int c = 0; c < p.columns().size(); c++) {
                    List<Double> values = new ArrayList<>();
                    for (ReportResult.Row row : p.rows()) {
                        values.add(value(row.cells().get(c), chartMeasure.id()));
                    }
                    series.add(new ReportDocuments.Series(p.columns().get(c).label(), values));
                }
            } else {
                List<Double> values = new ArrayList<>();
                p.rows().forEach(row -> values.add(value(row.total(), chartMeasure.id())));
                series.add(new ReportDocuments.Series(chartMeasure.title(), values));
            }
        }
        if (isShare(chartMeasure)) {
            series.forEach(s -> percent.add(s.name()));
        }
        return new ReportDocuments.Part(p.title(), p.description(), p.presentation(), headers, rows, percent,
                categories, series);
    }

    private static boolean isShare(MeasureHeading m) {
        return "share".equals(m.type()) || "shareAtLeast".equals(m.type());
    }

    private static Double value(Cell c, String measure) {
        Number n = c.values().get(measure);
        return n == null ? null : n.doubleValue();
    }

    private static void add(List<Object> values, Cell c, ReportResult.Part p) {
        for (MeasureHeading m : p.measures()) {
            values.add(c.values().get(m.id()));
        }
    }
}
