package se.placera.documents;

import java.util.List;

/**
 * Reports as documents: an Excel workbook (a sheet per table, real numbers) and a PDF (a title page with the filters
 * and the date, then each part as a chart drawn as vector graphics and its table). Callers pass numbers already
 * suppressed: a {@code null} value is shown as "..".
 */
public interface ReportDocuments {

    /** One series of a chart: a value per category, {@code null} where suppressed. */
    record Series(String name, List<Double> values) {
    }

    /**
     * A part of a report. {@code chart}: table, bar, line, stacked, scatter or keyFigure. {@code rows} hold String,
     * Number or null; {@code percent} names the headers whose numbers are shares 0–1.
     */
    record Part(String title, String description, String chart, List<String> headers, List<List<Object>> rows,
            List<String> percent, List<String> categories, List<Series> series) {
    }

    record Report(String title, String description, List<String> lead, String produced, List<Part> parts) {
    }

    byte[] workbook(Report report);

    byte[] pdf(Report report);
}
