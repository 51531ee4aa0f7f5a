package se.placera.forms;

import java.time.Instant;
import java.util.Map;

/**
 * Event: a response was submitted (evaluations, the register's ratings and reports listen). It carries what
 * listeners need, so none reads the response back (a read would be audited as the submitter's).
 *
 * @param respondent     the user who submitted it
 * @param respondentRole who answered: {@code caseworker}, {@code client}, {@code guardian}… (null if not said)
 * @param answers        the submitted answers by question id
 * @param ratings        the answers of rating questions on the 1–5 scale (a percent answer p as 1 + 4p/100)
 * @param administration the administration (förvaltning) the response belongs to (GD-1)
 */
public record ResponseSubmitted(String responseId, String methodId, int methodVersion, String purpose,
        Subject subject, String respondent, String respondentRole, Instant submittedAt, Map<String, Object> answers,
        Map<String, Double> ratings, String administration) {
}
