package se.placera.schedules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The statutory clocks of placement cases: the timeline of one case's deadlines, a preview of schedules for a
 * hypothetical case (the console), and the scheduler's run.
 */
public interface Clocks {

    /** The deadlines of one case: those passed (with their tasks) and the coming ones, by due date. */
    ClockTimeline timeline(String caseId);

    /**
     * The next {@code count} deadlines of a case started on {@code startDate} with {@code facts}, under the schedules
     * in force, or under {@code content} (one schedule definition, e.g. a draft being edited) when given.
     */
    List<ClockDeadline> preview(LocalDate startDate, LocalDate decisionDate, Map<String, Object> facts, JsonNode content,
            int count);

    /** One run of the scheduler over every placed case as of today; what it did. */
    RunReport runOnce();

    /**
     * One deadline. {@code status}: {@code upcoming} (its task not open yet), {@code open}, {@code overdue},
     * {@code done}, {@code closed} (the placement ended first).
     */
    record ClockDeadline(String schedule, int scheduleVersion, String title, String source, int occurrence, LocalDate due,
            LocalDate opens, String status, String taskId, String taskTitle, String completion, String method,
            String decision) {
    }

    record ClockTimeline(String caseId, LocalDate today, Map<String, Integer> pinned, List<ClockDeadline> deadlines) {
    }

    record RunReport(int cases, int opened, int reminded, int escalated, int closed) {
    }
}
