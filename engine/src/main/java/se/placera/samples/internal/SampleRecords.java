package se.placera.samples.internal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** What the sample municipality has besides the register: teams with caseworkers, and historical placements. */
final class SampleRecords {

    private SampleRecords() {
    }

    /** A team of the (fictitious) social services with its caseworkers. */
    @Document("sample_teams")
    record Team(@Id String id, String name, String administration, List<Caseworker> caseworkers) {
    }

    /** A fictitious caseworker. */
    record Caseworker(String id, String firstName, String lastName, String email, String jobRole) {
    }

    /**
     * A historical placement. {@code outcome}: {@code pagaende} (ongoing), {@code enligt-plan} (ended as planned)
     * or {@code sammanbrott} (ended unplanned).
     */
    @Document("sample_placements")
    record Placement(@Id String id, String unitId, String providerId, String teamId, String caseworkerId,
            String targetGroup, String placementForm, String legalBasis, String gender, int age, List<String> needs,
            List<String> reasons, LocalDate startDate, LocalDate endDate, String outcome, Integer pricePerDay,
            List<Evaluation> evaluations) {
    }

    /** One evaluation of a placement: the caseworker's overall rating and, at some, the client's (1–5). */
    record Evaluation(String id, LocalDate date, String occasion, Integer caseworkerRating, Integer clientRating) {
    }

    /** A marker that a seed and scale were loaded (the fast path of an idempotent second load). */
    @Document("sample_runs")
    record Run(@Id String id, long seed, double scale, int units, int placements, java.time.Instant loadedAt) {
    }
}
