package se.placera.shared;

import java.util.Map;

/**
 * Event: something worth an audit-log entry happened (PA-11). Any module publishes it; the audit module
 * records it (who and when are taken from the current request). Never put a password or a personal
 * identity number in {@code details}; a value that may be one (the user name of a failed login) goes in as
 * {@link #pseudonymous(String)}. The audit module bounds every field (long texts are cut and marked with their
 * hash), so a caller cannot make an entry unbounded, but callers should pass small facts.
 *
 * <p>For a change of stored data, publish nothing directly: put a {@link PendingAudit} on the changed document
 * in the same write and let the {@link Outbox} deliver it, so that the change and its entry cannot part ways.
 *
 * @param action         e.g. {@code response.read}, {@code response.submit}, {@code provider.update}
 * @param subjectType    client, case, placement, provider, unit, method, response, user…
 * @param subjectId      the subject's id
 * @param administration the administration (förvaltning) the data belongs to, if any
 * @param outcome        {@code success}, {@code denied} or {@code failure}
 * @param details        small, non-sensitive facts as JSON-like values (text, numbers, booleans, lists, maps);
 *                       for a change {@code before} and {@code after} maps, which the log stores as
 *                       {@code changes = [{field, before, after}]}
 */
public record Audited(String action, String subjectType, String subjectId, String administration, String outcome,
        Map<String, Object> details) {

    public static Audited success(String action, String subjectType, String subjectId, String administration) {
        return new Audited(action, subjectType, subjectId, administration, "success", Map.of());
    }

    /** A refused attempt (403, or 404 for data outside the user's administrations), with the reason code. */
    public static Audited denied(String action, String subjectType, String subjectId, String code) {
        return new Audited(action, subjectType, subjectId, null, "denied",
                code == null ? Map.of() : Map.of("code", code));
    }

    /**
     * A detail the log must not keep as given (a user name typed at a failed login may be a personal identity
     * number): the log stores only a keyed hash (HMAC) of it and its length. An administrator finds the entries
     * by searching for the value, which is hashed with the same key.
     */
    public static Pseudonymous pseudonymous(String value) {
        return new Pseudonymous(value == null ? "" : value);
    }

    /** See {@link #pseudonymous(String)}; its text form never shows the value. */
    public record Pseudonymous(String value) {
        @Override
        public String toString() {
            return "[pseudonymous]";
        }
    }
}
