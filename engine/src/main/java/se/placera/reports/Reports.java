package se.placera.reports;

import java.time.LocalDate;
import java.util.List;

/** Running reports (REPORTS READ; only the caller's administrations' responses count). */
public interface Reports {

    /** The published reports. */
    List<Summary> list();

    /** Runs the published report (its newest published version) over responses submitted from–to (inclusive). */
    ReportResult run(String id, LocalDate from, LocalDate to);

    record Summary(String id, int version, String title, String description) {
    }
}
