package se.placera.placements;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the statutory clocks (the {@code schedules} module) need of placement cases: the dates and facts a clock
 * counts from, the clock tasks of a case, and the writes that open, remind, escalate and complete them. A clock task
 * is a task of the case ("Mina arbetsuppgifter") whose id is {@code clock:<schedule>:<occurrence>}: the case keeps
 * one task per clock and occurrence (the id is unique in the case and its work key unique across cases), so opening
 * one twice — two instances, a retry after a crash — changes nothing. The system writes ({@link #openTask},
 * {@link #markReminded}, {@link #escalate}, {@link #closeClockTasks}) carry no user and are audited as
 * {@code system:clocks}; {@link #read}, {@link #complete}, {@link #extend} and {@link #end} check the user like
 * every case read and write (404 for anyone not involved).
 */
public interface CaseClocks {

    String SYSTEM_ACTOR = "system:clocks";

    /** Every case with a placement decided, open or ended (for the scheduler; no user). */
    List<ClockCase> placedCases();

    /** One case as the scheduler sees it (no user). */
    Optional<ClockCase> find(String caseId);

    /** One case for the current user: 404 unless involved; the read is audited as {@code action}. */
    ClockCase read(String caseId, String action);

    /** Opens the clock task {@code task.id()} on the case unless it has it already; true when it was added. */
    boolean openTask(String caseId, ClockTask task);

    /** Records that the reminder of an open clock task went out (once). */
    void markReminded(String caseId, String taskId);

    /**
     * Marks an overdue clock task escalated and gives the administration's placement officers (the team lead) a task
     * {@code escalation:<schedule>:<occurrence>} due today; once.
     */
    boolean escalate(String caseId, String taskId);

    /** Closes the open clock tasks of the given schedules (the placement ended). */
    void closeClockTasks(String caseId, List<String> schedules);

    /** The current user records a clock task as done: a reconsideration with its decision, or a manual task. */
    ClockCase complete(String caseId, String taskId, Completion completion);

    /** PA-10: a new planned end date for the placement, with its reason (and a new price per day, if any). */
    ClockCase extend(String caseId, Extension extension);

    /**
     * PA-10: ends the placement on {@code endDate} with a reason from the end state's codelist, taking the process's
     * end transition ({@code avsluta}); whether it was planned comes from the reason's {@code planned} attribute.
     */
    ClockCase end(String caseId, Ending ending);

    record ClockCase(String id, String administration, String responsible, String coordinator,
            Map<String, Object> facts, LocalDate created, LocalDate decided, LocalDate started, LocalDate plannedEnd,
            LocalDate ended, Boolean endPlanned, String endReason, boolean closed, List<ClockTaskState> tasks,
            Long revision) {
    }

    record ClockTaskState(String id, String origin, String schedule, Integer scheduleVersion, Integer occurrence,
            String title, LocalDate due, String status, String completion, String method, String decision,
            Instant remindedAt, Instant escalatedAt, Instant closedAt, String assignedTo) {
    }

    /** A clock task to open: {@code assignee} is a relation of the process ({@code responsible} …). */
    record ClockTask(String id, String schedule, int scheduleVersion, int occurrence, String title, String assignee,
            LocalDate due, String method, String completion) {
    }

    /** {@code decision}: {@code fortsatt-vard} or {@code upphor} for a reconsideration; none for a manual task. */
    record Completion(Long revision, String decision, String comment) {
    }

    record Extension(Long revision, LocalDate newEnd, String reason, Integer pricePerDay) {
    }

    record Ending(Long revision, LocalDate endDate, String reason, String comment) {
    }

    /** Published after a placement ended (PA-10), so the clocks close and the final evaluation opens at once. */
    record PlacementEnded(String caseId, LocalDate endDate, boolean planned) {
    }
}
