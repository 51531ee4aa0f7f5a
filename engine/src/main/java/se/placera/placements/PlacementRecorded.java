package se.placera.placements;

import java.time.LocalDate;

/**
 * Event: a case with a decided placement was written (decided, transferred, closed …). It carries the placement as
 * it now stands, so a listener (the economy's cost ledger) never calls back; delivered at least once with the
 * case's audit entry (shared.Outbox), so listeners are idempotent.
 *
 * @param pricePerDay the agreed price per day (dygnspris) in kronor, null if none was agreed
 * @param endDate     the day the case was closed after the placement (the last placement day), null while open
 */
public record PlacementRecorded(String caseId, String administration, String responsible, String unitId,
        String providerId, String targetGroup, String placementForm, String gender, Integer pricePerDay,
        LocalDate startDate, LocalDate endDate, String endReason, String reason) {
}
