package se.placera.inquiries;

/** Stable problem codes of inquiry rounds (docs/cases.md, "Inquiries", lists them with their statuses). */
public final class InquiryProblemCodes {

    public static final String INVALID = "INQUIRY_INVALID";
    public static final String FORBIDDEN = "INQUIRY_FORBIDDEN";
    public static final String NOT_FOUND = "INQUIRY_NOT_FOUND";
    public static final String ROUND_CLOSED = "INQUIRY_ROUND_CLOSED";
    public static final String ALREADY_ANSWERED = "INQUIRY_ALREADY_ANSWERED";
    public static final String NOT_AVAILABLE = "INQUIRY_NOT_AVAILABLE";
    public static final String NO_METHOD = "INQUIRY_NO_METHOD";
    public static final String CHANGED = "INQUIRY_CHANGED";

    private InquiryProblemCodes() {
    }
}
