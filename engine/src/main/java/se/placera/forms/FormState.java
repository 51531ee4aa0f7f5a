package se.placera.forms;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a form looks like now, computed on the server: the visible questions in order with their current
 * alternatives and values, which answers were given automatically, and messages. Front ends render this.
 * <p>
 * A submitted response also carries {@code answerLabels}: per question with alternatives, the label of the
 * answer (a list of labels for several choices) as the pinned method version and its codelists name it,
 * including codelist items retired since, so receipts and read-back never show raw codes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FormState(String responseId, MethodRef method, String status, Subject subject,
        List<AreaState> areas, Map<String, Object> answers, List<Message> messages, boolean complete,
        Long revision, Instant updatedAt, Instant submittedAt, Map<String, Object> answerLabels) {

    /** A state without answer labels (drafts and previews carry the alternatives on each question instead). */
    public FormState(String responseId, MethodRef method, String status, Subject subject, List<AreaState> areas,
            Map<String, Object> answers, List<Message> messages, boolean complete, Long revision, Instant updatedAt,
            Instant submittedAt) {
        this(responseId, method, status, subject, areas, answers, messages, complete, revision, updatedAt,
                submittedAt, null);
    }

    /** The method version the state (and a response) is pinned to. */
    public record MethodRef(String id, int version, String title, String purpose) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AreaState(String id, String title, String description, List<QuestionState> questions) {
    }

    /**
     * @param auto       the question was answered automatically; the UI skips it and lists it as
     *                   "besvarad automatiskt" in the summary
     * @param autoSource {@code rule} (the method's autoAnswer) or {@code preset} (the user's preset, FM-6)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuestionState(String id, String heading, String text, String help, String helpHtml,
            String kind, String answerType, String scale, Map<String, String> scaleLabels,
            Boolean allowNotApplicable, Number minimum, Number maximum, Integer maxLength, Boolean multiline,
            boolean required, List<Option> options, Object value, boolean auto, String autoSource) {
    }

    /** A problem or note for one field; {@code severity} is {@code error} or {@code info}. */
    public record Message(String pointer, String code, String detail, String severity) {
    }
}
