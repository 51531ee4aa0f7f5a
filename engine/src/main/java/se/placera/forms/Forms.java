package se.placera.forms;

import java.util.List;
import java.util.Map;

/** The form runtime as other modules and the web layer use it. */
public interface Forms {

    /** Starts a response on the method's version in use (or the given published version). */
    FormState start(String methodId, Integer version, Subject subject, String respondentRole);

    FormState get(String responseId);

    /**
     * Changes answers of a draft (a key with null clears the answer) and saves it. Values of the wrong type
     * are rejected (400) and nothing is saved; missing required answers are only messages until submit.
     */
    FormState answer(String responseId, Map<String, Object> answers, Long expectedRevision);

    /** Submits: authoritative validation of everything; on any problem a 400 and nothing changes. */
    FormState submit(String responseId, Map<String, Object> answers, Long expectedRevision);

    /** The current user's responses, newest first ("Mina arbetsuppgifter"). */
    List<ResponseSummary> mine(String status);

    /** Computes a state without storing anything: the designer's preview, or a draft method. */
    FormState preview(String methodId, Integer version, Map<String, Object> answers, Subject subject);

    /**
     * Checks answers against a version of a method without storing anything, without the current user's presets
     * and without a signed-in user (another module's document holds the answers, e.g. a provider's answer to an
     * inquiry). Automatic answers from {@code subject} are applied; {@code problems} are what a submit would refuse,
     * with pointers {@code /answers/<question>}.
     */
    Checked check(String methodId, int version, Map<String, Object> answers, Subject subject);

    /** The outcome of {@link #check}: the answers that count (automatic ones included), their labels, problems. */
    record Checked(FormState.MethodRef method, Map<String, Object> answers, Map<String, Object> answerLabels,
            List<se.placera.shared.Problem> problems) {

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** A short line per response for lists. */
    record ResponseSummary(String responseId, String methodId, int methodVersion, String methodTitle,
            String status, Subject subject, java.time.Instant updatedAt, java.time.Instant submittedAt) {
    }
}
