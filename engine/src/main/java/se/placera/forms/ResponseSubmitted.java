package se.placera.forms;

import java.time.Instant;

/** Event: a response was submitted (evaluations, the register's ratings and reports listen). */
public record ResponseSubmitted(String responseId, String methodId, int methodVersion, String purpose,
        Subject subject, String respondent, Instant submittedAt) {
}
