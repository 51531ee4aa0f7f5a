package se.placera.forms;

/** Stable error codes of the forms module. */
public final class FormProblemCodes {
    public static final String METHOD_NOT_FOUND = "FORM_METHOD_NOT_FOUND";
    public static final String METHOD_FORBIDDEN = "FORM_METHOD_FORBIDDEN";
    public static final String METHOD_NOT_IN_USE = "FORM_METHOD_NOT_IN_USE";
    public static final String RESPONSE_NOT_FOUND = "FORM_RESPONSE_NOT_FOUND";
    /** 404: a response is started on a subject (a case) the user may not work on, or that does not exist. */
    public static final String SUBJECT_NOT_FOUND = "FORM_SUBJECT_NOT_FOUND";
    public static final String ALREADY_SUBMITTED = "FORM_ALREADY_SUBMITTED";
    public static final String INVALID_ANSWERS = "FORM_INVALID_ANSWERS";
    public static final String INVALID_PRESET = "FORM_INVALID_PRESET";
    /** A receipt is asked for a response that has not been submitted. */
    public static final String NOT_SUBMITTED = "FORM_NOT_SUBMITTED";
    /** The Idempotency-Key header of a start has the wrong form. */
    public static final String INVALID_IDEMPOTENCY_KEY = "FORM_INVALID_IDEMPOTENCY_KEY";
    /** A start with the same Idempotency-Key is still running. */
    public static final String START_IN_PROGRESS = "FORM_START_IN_PROGRESS";
    /** 409: the response (or preset) was changed since the revision the client sent. */
    public static final String CONCURRENT_UPDATE = "CONCURRENT_UPDATE";

    /** Field-level codes ({@code errors[].code}). */
    public static final String REQUIRED = "answer.required";
    public static final String NOT_AN_OPTION = "answer.not-an-option";
    public static final String UNKNOWN_QUESTION = "answer.unknown-question";
    public static final String HIDDEN_QUESTION = "answer.hidden-question";
    public static final String AUTO_ANSWERED = "answer.auto-answered";

    /**
     * The stored answer of a rating question with {@code allowNotApplicable} when the respondent chose "Vet ej /
     * ej aktuellt": its own value, so that it satisfies {@code required}, is told apart from an unanswered question
     * and is left out of means (only numbers are averaged). Refused on a rating that does not allow it.
     */
    public static final String NOT_APPLICABLE = "vet-ej";

    /** Whether a stored answer is the rating value "Vet ej / ej aktuellt". */
    public static boolean isNotApplicable(Object answer) {
        return NOT_APPLICABLE.equals(answer);
    }

    private FormProblemCodes() {
    }
}
