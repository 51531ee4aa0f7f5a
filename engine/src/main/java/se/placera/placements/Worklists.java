package se.placera.placements;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The current user's work across their cases (US-5): "Mina arbetsuppgifter", the open tasks the process gave the
 * cases they hold, and "Mina beslut", the decisions of their cases that wait for them and those they made. Only
 * cases the user is involved in, in administrations they may see.
 */
public interface Worklists {

    /** Open tasks assigned to the user (or, for a placement officer, to the administration's officers), by due date. */
    List<MyTask> tasks();

    Decisions decisions();

    /**
     * An open task of a case. {@code dueSoon}: due within three days; {@code overdue}: due before today.
     */
    record MyTask(String caseId, String clientMasked, String clientName, String state, String stateTitle,
            String taskId, String title, String assignee, LocalDate due, boolean overdue, boolean dueSoon,
            String method) {
    }

    /**
     * A decision of a case: {@code pending} while its transition leaves the case's state and the user may take it
     * (with {@code refusal} when something must be done first), or one the user made ({@code at}).
     */
    record CaseDecision(String caseId, String clientMasked, String clientName, String state, String stateTitle,
            String verb, String title, String to, String toTitle, String refusal, Instant at, String reason,
            String comment) {
    }

    record Decisions(List<CaseDecision> pending, List<CaseDecision> made) {
    }
}
