package se.placera.schedules;

import java.time.LocalDate;
import java.util.List;

/**
 * Decided interventions imported from the municipality's case system Lifecare (IN-1, docs/integrations/lifecare.md)
 * and the follow-up coverage report over them.
 */
public interface LifecareInterventions {

    /** {@code all-or-nothing}: one bad row stores nothing; {@code valid-rows}: the good rows are stored. */
    enum Mode {
        ALL_OR_NOTHING, VALID_ROWS;

        public static Mode of(String s) {
            if (s == null || s.isBlank() || s.equals("all-or-nothing")) {
                return ALL_OR_NOTHING;
            }
            if (s.equals("valid-rows")) {
                return VALID_ROWS;
            }
            return null;
        }
    }

    /** Imports a file: {@code contentType} {@code text/csv} (semicolon-separated, UTF-8) or {@code application/json}. */
    LifecareImportReport importFile(String contentType, byte[] content, String mode);

    /** Every visible imported intervention that should have a follow-up by today, and whether it has one. */
    LifecareCoverage coverage();

    /** One refused row's problem: {@code pointer} is {@code /rows/<i>/<column>}. */
    record LifecareRowProblem(String pointer, int row, String column, String code, String detail) {
    }

    /**
     * What an import did: rows read, {@code created} new interventions, {@code updated} changed ones,
     * {@code unchanged} ones already imported as they are, the refused rows' problems.
     */
    record LifecareImportReport(String mode, int rows, int created, int updated, int unchanged, int refused,
            List<LifecareRowProblem> problems) {
    }

    /** One evaluation due by today for an intervention: covered by a done case task, or not. */
    record LifecareFollowUp(String interventionId, String clientMasked, String interventionCode, String legalBasis,
            String targetGroup, LocalDate start, String schedule, int occurrence, LocalDate due, boolean covered,
            String coveredBy) {
    }

    record LifecareCaseworkerCoverage(String caseworker, int due, int covered, List<LifecareFollowUp> followUps) {
    }

    record LifecareCoverage(LocalDate today, int due, int covered, List<LifecareCaseworkerCoverage> caseworkers) {
    }
}
