package se.placera.forms;

import java.time.Instant;

/**
 * Event: a response was submitted (evaluations, the register's ratings and reports listen).
 *
 * @param respondent     the user who submitted it
 * @param respondentRole who answered: {@code caseworker}, {@code client}, {@code guardian}… (null if not said)
 */
public record ResponseSubmitted(String responseId, String methodId, int methodVersion, String purpose,
        Subject subject, String respondent, String respondentRole, Instant submittedAt) {
}
