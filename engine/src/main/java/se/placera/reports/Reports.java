package se.placera.reports;

import java.time.LocalDate;
import java.util.List;

/** Running reports (REPORTS READ; only the caller's administrations' responses count). */
public interface Reports {

    /** The published reports. */
    List<Summary> list();

    /** Runs the published report (its newest published version) over responses submitted from–to (inclusive). */
    ReportResult run(String id, LocalDate from, LocalDate to);

    /** The report as an Excel workbook: a sheet per part, real numbers, ".." where suppressed. */
    byte[] excel(String id, LocalDate from, LocalDate to);

    /** The report as PDF: a title page with the filters and date, then every part as a vector chart and a table. */
    byte[] pdf(String id, LocalDate from, LocalDate to);

    record Summary(String id, int version, String title, String description) {
    }
}
