package se.placera.forms;

/**
 * Starting a response at most once per idempotency key: the same key from the same user within
 * {@link #WINDOW_HOURS} hours returns the response the first request started (a double click, a retried
 * request). The keys are stored in the database, so every application instance sees them.
 */
public interface StartOnce {

    int WINDOW_HOURS = 24;

    /** Like {@link Forms#start}; with a null key every call starts a new response. */
    FormState start(String idempotencyKey, String methodId, Integer version, Subject subject, String respondentRole);
}
