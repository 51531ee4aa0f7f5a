package se.placera.providers;

/** Stable error codes of the register and matching (the {@code code} of problem details). */
public final class RegisterProblemCodes {
    public static final String PROVIDER_NOT_FOUND = "REGISTER_PROVIDER_NOT_FOUND";
    public static final String UNIT_NOT_FOUND = "REGISTER_UNIT_NOT_FOUND";
    public static final String AGREEMENT_NOT_FOUND = "REGISTER_AGREEMENT_NOT_FOUND";
    public static final String DOCUMENT_NOT_FOUND = "REGISTER_DOCUMENT_NOT_FOUND";
    public static final String INVALID = "REGISTER_INVALID";
    public static final String DUPLICATE = "REGISTER_DUPLICATE";
    public static final String CONCURRENT_UPDATE = "CONCURRENT_UPDATE";
    /** 428: an update of a versioned record must say which version it read (body {@code version} or If-Match). */
    public static final String VERSION_REQUIRED = se.placera.shared.Versions.VERSION_REQUIRED;
    /** 413: an uploaded file or workbook is larger than the register accepts. */
    public static final String FILE_TOO_LARGE = "REGISTER_FILE_TOO_LARGE";
    public static final String FORBIDDEN = "REGISTER_FORBIDDEN";
    public static final String IMPORT_INVALID = "REGISTER_IMPORT_INVALID";
    /** A write failed part-way through an import; what it had written was undone. */
    public static final String IMPORT_FAILED = "REGISTER_IMPORT_FAILED";
    public static final String IMPORT_UNREADABLE = "REGISTER_IMPORT_UNREADABLE";
    public static final String DOCUMENT_REJECTED = "REGISTER_DOCUMENT_REJECTED";
    public static final String MATCHING_INVALID = "MATCHING_INVALID_CRITERIA";
    public static final String PROFILE_NOT_FOUND = "MATCHING_PROFILE_NOT_FOUND";

    /** Field-level codes ({@code errors[].code}). */
    public static final String REQUIRED = "required";
    public static final String NOT_IN_CODELIST = "not-in-codelist";
    /** The codelist a value is checked against is not published or cannot be read: the value is refused. */
    public static final String CODELIST_UNAVAILABLE = "codelist-unavailable";
    public static final String INVALID_VALUE = "invalid-value";
    /** An organisationsnummer that is not ten digits (NNNNNN-NNNN; the dash may be left out). */
    public static final String INVALID_ORG_NUMBER = "invalid-org-number";
    public static final String VACANCIES_ABOVE_PLACES = "vacancies-above-places";
    public static final String UNKNOWN_REFERENCE = "unknown-reference";
    public static final String UNKNOWN_COLUMN = "unknown-column";

    private RegisterProblemCodes() {
    }
}
