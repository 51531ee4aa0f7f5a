package se.placera.shared;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Reads the audit log's entries of one case (PA-11), for the case's event log. The audit module implements it (it
 * owns the log; nothing depends on it, so the interface lives here). An entry belongs to a case when its subject is
 * the case ({@code subjectType = case}), when its details name the case as their subject ({@code subjectType = case},
 * {@code subjectId}: a form filled in on the case) or when its details carry {@code caseId} (an inquiry, a
 * decision, a notice of another module about the case). Refused attempts are not linked: their subject is whatever
 * the caller typed. Who may read a case's entries is the caller's business: the placements module asks only after
 * its own check.
 */
public interface AuditTrail {

    /** The detail key by which an entry of another module names the case it belongs to. */
    String CASE_ID = "caseId";

    /** The entries of a case, oldest first; at most {@code limit} (the newest are kept). */
    List<Entry> ofCase(String caseId, int limit);

    /** One entry as recorded: details are the bounded, non-sensitive facts of the log. */
    record Entry(long seq, Instant at, String actor, String action, String subjectType, String subjectId,
            String outcome, Map<String, Object> details) {
    }

    /** The case an entry belongs to, or null (the rule above). */
    static String caseOf(String subjectType, String subjectId, String outcome, Map<String, ?> details) {
        if ("denied".equals(outcome)) {
            return null;
        }
        if ("case".equals(subjectType) && subjectId != null) {
            return subjectId;
        }
        if (details == null) {
            return null;
        }
        if (details.get(CASE_ID) instanceof String id && !id.isBlank()) {
            return id;
        }
        if ("case".equals(details.get("subjectType")) && details.get("subjectId") instanceof String id
                && !id.isBlank()) {
            return id;
        }
        return null;
    }
}
