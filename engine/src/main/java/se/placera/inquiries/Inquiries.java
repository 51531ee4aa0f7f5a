package se.placera.inquiries;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import se.placera.forms.FormState;

/**
 * Inquiry rounds of a placement case (PA-3 to PA-6). A caseworker sends one round to any number of units with a
 * deadline; each unit's provider answers (available or not, price per day, start date, transport) in the
 * {@code provider-response} method chosen for the case; the caseworker chooses one answer, which places the case,
 * and the others asked are told. Everything is scoped like the case itself: who may not see the case gets 404.
 */
public interface Inquiries {

    /**
     * Sends a round: takes the process transition {@code skicka-forfragan} of the case and queues one mail per
     * unit, in one write of the round. Idempotent by {@code idempotencyKey} (or the request's {@code roundId}): a
     * repeated request returns the round already sent and sends nothing again.
     */
    RoundView send(String caseId, NewRound request, String idempotencyKey);

    /** The case's rounds, newest first, with every inquiry and answer. */
    List<RoundView> rounds(String caseId);

    /** Moves the deadline of one inquiry of an open round. */
    RoundView changeDeadline(String caseId, String inquiryId, DeadlineChange change);

    /** The caseworker records an answer a provider gave by telephone or mail. */
    RoundView recordAnswer(String caseId, String inquiryId, Answer answer);

    /**
     * A provider's own answer (the provider portal calls this for its signed-in provider user): an inquiry sent to
     * another provider is reported as missing (404); an answer after the deadline is kept and marked late; an
     * answer to a closed round is refused (409 {@code INQUIRY_ROUND_CLOSED}).
     */
    InquiryView answer(String inquiryId, Answer answer, String answeringProviderId);

    /** One inquiry as its provider sees it (no other provider's answers); 404 for another provider. */
    InquiryView forProvider(String inquiryId, String providerId);

    /**
     * The inquiries sent to this provider (the provider portal's list), newest first: awaiting an answer, answered,
     * chosen or placed elsewhere ({@code not-chosen}); no other provider's inquiries or answers. Audited.
     */
    List<InquiryView> sentTo(String providerId);

    /**
     * The provider-response method of an inquiry sent to this provider as a form state the front ends render
     * (computed with {@code answers}, nothing stored); the state's subject is the inquiry, never the case's facts.
     * 404 for another provider. Not audited itself: the portal reads it together with {@link #forProvider}.
     */
    FormState responseForm(String inquiryId, String providerId, Map<String, Object> answers);

    /**
     * Who may reach an inquiry's attachments, for the module that serves them: the inquiry if it was sent to this
     * provider, with the administration to audit under; 404 (audited as denied) otherwise.
     */
    InquiryScope providerScope(String inquiryId, String providerId, String action);

    /**
     * The same for a caseworker: the inquiry if it belongs to this case and the current user may see the case
     * (the case's own check); 404 (audited as denied) otherwise.
     */
    InquiryScope caseScope(String caseId, String inquiryId, String action);

    /**
     * The caseworker chooses one answer (PA-6): the case is placed with that unit, price per day and start date
     * (process transition {@code besluta}); every other provider asked is told by mail; the round closes.
     */
    RoundView decide(String caseId, Decision decision);

    /**
     * Reminds, once, the units that have not answered an open round whose deadline is less than
     * {@code placera.inquiries.reminder-before} away. Runs on a schedule; returns how many inquiries were reminded.
     */
    int remindDue();

    /**
     * A round to send.
     *
     * @param roundId  optional client-chosen id of the round: a retry with the same id sends nothing twice
     * @param unitIds  units of the register to ask
     * @param deadline when answers are due (svara senast)
     * @param content  answers to the case's {@code placement-inquiry} method (automatic answers from the case's
     *                 facts are filled in)
     * @param revision the case's revision as read
     */
    record NewRound(String roundId, List<String> unitIds, Instant deadline, Map<String, Object> content,
            Long revision) {
    }

    record DeadlineChange(Instant deadline) {
    }

    /**
     * An answer: the {@code provider-response} method's answers and the ids of attached documents.
     *
     * @param receivedVia how the caseworker received it ({@code telefon}, {@code e-post}, {@code brev}); the
     *                    provider's own answer leaves it empty
     */
    record Answer(Map<String, Object> answers, List<String> attachments, String receivedVia) {
    }

    /** The answer chosen, why, and the case's revision as read. */
    record Decision(String inquiryId, String reason, Long revision) {
    }

    /** An inquiry and the administration whose case it belongs to (for audit entries). */
    record InquiryScope(String administration, InquiryView inquiry) {
    }

    record MethodVersion(String id, int version, String title) {
    }

    /** An answer as kept: the method's answers and the facts read from them. */
    record AnswerView(Map<String, Object> answers, Map<String, Object> answerLabels, List<String> attachments,
            boolean available, Integer pricePerDay, LocalDate startDate, Boolean transport, String comment,
            boolean late, Instant answeredAt, String recordedBy, String receivedVia) {
    }

    /**
     * One inquiry: to one unit. {@code status}: {@code sent}, {@code answered}, {@code chosen},
     * {@code not-chosen}.
     */
    record InquiryView(String id, String roundId, String unitId, String unitName, String providerId,
            String providerName, Instant deadline, String status, Instant reminderSentAt, AnswerView answer,
            MethodVersion responseMethod, Map<String, Object> content, Map<String, Object> contentLabels,
            boolean roundOpen) {
    }

    record DecisionView(String inquiryId, String unitId, Integer pricePerDay, LocalDate startDate, String reason,
            String decidedBy, Instant decidedAt) {
    }

    /** A round: {@code status} {@code open} or {@code closed}. */
    record RoundView(String id, String caseId, String status, Instant deadline, MethodVersion inquiryMethod,
            MethodVersion responseMethod, Map<String, Object> content, List<InquiryView> inquiries,
            DecisionView decision, String sentBy, Instant sentAt, Long revision) {
    }
}
