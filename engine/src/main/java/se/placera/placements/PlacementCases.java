package se.placera.placements;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Placement cases (PA-3, PA-9, PA-12, PA-13): raised by a caseworker or coordinator for a client, moved through
 * the process version they pinned, one transition per verb. Only those involved see a case — its responsible
 * caseworker, its coordinator and the administration's placement officers (PLACEMENT ADMIN) — and a case outside
 * the user's administrations is reported as missing. Every read and write is audited.
 */
public interface PlacementCases {

    CaseView create(NewCase request);

    /** The cases the current user is involved in, newest change first. */
    List<CaseSummary> mine();

    CaseView get(String caseId);

    /** The client's full identity number; audited as a reveal. */
    String revealIdentity(String caseId);

    /** Cases of one client, found by the keyed hash of the number (never by the number itself). */
    List<CaseSummary> findByIdentity(String personalIdentityNumber);

    /** Takes the transition named {@code verb} of the case's process. */
    CaseView act(String caseId, String verb, Action action);

    /**
     * Takes the transition {@code verb} that places the client (PA-6, {@code besluta} in the standard process) and
     * records the placement on the case in the same write: the unit chosen, the agreed price per day and start date,
     * and the inquiry answer it came from. Checked like {@link #act}; the reason is kept in the case's history.
     */
    CaseView recordPlacement(String caseId, String verb, Placement placement);

    /** Moves the case to another caseworker with its tasks; the history keeps who held it when (PA-9). */
    CaseView transfer(String caseId, Transfer transfer);

    Note addNote(String caseId, NewNote note);

    List<Note> notes(String caseId);

    /**
     * A new case. {@code targetGroup}, {@code placementForm}, {@code legalBasis} and {@code needs} are values of the
     * codelists malgrupper, placeringsformer, lagrum and behov; they become the case's facts, the {@code subject}
     * of every form filled in on it.
     */
    record NewCase(String personalIdentityNumber, String clientName, String targetGroup, String placementForm,
            String legalBasis, List<String> needs, String gender, LocalDate wantedStart, String coordinator,
            String processId) {
    }

    /** The case's revision as read (required), and the reason and comment the transition may need. */
    record Action(Long revision, String reason, String comment) {
    }

    /**
     * A placement decided from an inquiry round (PA-6).
     *
     * @param revision    the case's revision as read (required)
     * @param pricePerDay the agreed price per day (dygnspris), in kronor
     * @param roundId     the inquiry round the answer belongs to
     * @param inquiryId   the inquiry whose answer was chosen
     * @param reason      why this answer was chosen
     */
    record Placement(Long revision, String unitId, String unitName, String providerId, String providerName,
            Integer pricePerDay, LocalDate startDate, String roundId, String inquiryId, String reason) {
    }

    /** The placement recorded on a case, with who decided it and when. */
    record PlacementView(String unitId, String unitName, String providerId, String providerName, Integer pricePerDay,
            LocalDate startDate, String roundId, String inquiryId, String reason, String decidedBy, Instant decidedAt) {
    }

    record Transfer(Long revision, String to, String reason) {
    }

    record NewNote(String text, String corrects) {
    }

    record CaseSummary(String id, String clientMasked, String clientName, String state, String stateTitle,
            String targetGroup, String placementForm, String responsible, String coordinator, Instant updatedAt) {
    }

    record Client(String masked, LocalDate birthDate, Integer age, boolean coordinationNumber, String name) {
    }

    /** What the current user can do now: every transition out of the state, with why not when it is refused. */
    record ActionView(String verb, String title, String to, boolean allowed, String refusal, boolean placement) {
    }

    record TaskView(String id, String title, String state, String assignee, String assignedTo, LocalDate due,
            String method, String status) {
    }

    /** A transition taken, with the titles of the action and of the states in the case's process version. */
    record StepView(String verb, String from, String to, String by, Instant at, String reason, String comment,
            String title, String fromTitle, String toTitle) {
    }

    record HoldingView(String username, Instant from, Instant until, String reason) {
    }

    record CaseView(String id, String administration, String processId, int processVersion, String state,
            String stateTitle, boolean closed, Client client, Map<String, Object> facts, String responsible,
            String coordinator, List<ActionView> actions, List<TaskView> tasks, List<StepView> history,
            List<HoldingView> holders, String endReason, Instant createdAt, Long revision, PlacementView placement) {
    }

    /**
     * A note, never changed once written. {@code corrects}: the note this one corrects; {@code correctedBy}: the
     * (latest) note that corrects this one, so a reader sees at once that it was corrected.
     */
    record Note(String id, String caseId, String author, String authorName, String role, Instant at, String text,
            String corrects, String correctedBy) {
    }
}
