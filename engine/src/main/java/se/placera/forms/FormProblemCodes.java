package se.placera.forms;

/** Stable error codes of the forms module. */
public final class FormProblemCodes {
    public static final String METHOD_NOT_FOUND = "FORM_METHOD_NOT_FOUND";
    public static final String METHOD_FORBIDDEN = "FORM_METHOD_FORBIDDEN";
    public static final String METHOD_NOT_IN_USE = "FORM_METHOD_NOT_IN_USE";
    public static final String RESPONSE_NOT_FOUND = "FORM_RESPONSE_NOT_FOUND";
    public static final String ALREADY_SUBMITTED = "FORM_ALREADY_SUBMITTED";
    public static final String INVALID_ANSWERS = "FORM_INVALID_ANSWERS";
    public static final String INVALID_PRESET = "FORM_INVALID_PRESET";
    /** A receipt is asked for a response that has not been submitted. */
    public static final String NOT_SUBMITTED = "FORM_NOT_SUBMITTED";
    /** The Idempotency-Key header of a start has the wrong form. */
    public static final String INVALID_IDEMPOTENCY_KEY = "FORM_INVALID_IDEMPOTENCY_KEY";
    /** A start with the same Idempotency-Key is still running. */
    public static final String START_IN_PROGRESS = "FORM_START_IN_PROGRESS";

    /** Field-level codes ({@code errors[].code}). */
    public static final String REQUIRED = "answer.required";
    public static final String NOT_AN_OPTION = "answer.not-an-option";
    public static final String UNKNOWN_QUESTION = "answer.unknown-question";
    public static final String HIDDEN_QUESTION = "answer.hidden-question";
    public static final String AUTO_ANSWERED = "answer.auto-answered";

    private FormProblemCodes() {
    }
}
