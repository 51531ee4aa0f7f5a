package se.placera.reports;

/** Stable problem codes of reports (metadata validation and running a report). */
public final class ReportProblemCodes {

    public static final String UNKNOWN_METHOD = "report.method.unknown";
    public static final String UNKNOWN_AREA = "report.area.unknown";
    public static final String UNKNOWN_QUESTION = "report.question.unknown";
    public static final String MEASURE_TYPE = "report.measure.type";
    public static final String MEASURE_LEVEL = "report.measure.level";
    public static final String MEASURE_VALUE = "report.measure.value";
    public static final String DIMENSION_TYPE = "report.dimension.type";
    public static final String DUPLICATE_ID = "report.id.duplicate";
    /** Running: no published report with that id (or not visible). */
    public static final String NOT_FOUND = "REPORT_NOT_FOUND";
    /** Running: a filter value that cannot be read (a date). */
    public static final String INVALID_FILTER = "REPORT_INVALID_FILTER";

    private ReportProblemCodes() {
    }
}
