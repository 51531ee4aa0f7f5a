package se.placera.shared;

import java.util.Map;

/**
 * Event: something worth an audit-log entry happened (PA-11). Any module publishes it; the audit module
 * records it (who and when are taken from the current request). Never put a password or a personal
 * identity number in {@code details}.
 *
 * @param action         e.g. {@code response.read}, {@code response.submit}, {@code provider.update}
 * @param subjectType    client, case, placement, provider, unit, method, response, user…
 * @param subjectId      the subject's id
 * @param administration the administration (förvaltning) the data belongs to, if any
 * @param outcome        {@code success}, {@code denied} or {@code failure}
 * @param details        small, non-sensitive facts; for changes {@code before} and {@code after}
 */
public record Audited(String action, String subjectType, String subjectId, String administration, String outcome,
        Map<String, Object> details) {

    public static Audited success(String action, String subjectType, String subjectId, String administration) {
        return new Audited(action, subjectType, subjectId, administration, "success", Map.of());
    }
}
