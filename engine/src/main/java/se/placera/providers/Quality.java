package se.placera.providers;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The quality fields of a unit (EV-1, PA-2), computed from stored evaluation responses and placement outcomes.
 *
 * @param caseworkerRating handläggarbetyg
 * @param clientRating     klientbetyg
 * @param endedPlacements  placements at the unit that have ended
 * @param unplannedEnds    of those, ended unplanned (sammanbrott)
 * @param breakdownRate    unplannedEnds / endedPlacements, null with no ended placement
 * @param deviations       registered deviations (avvikelser)
 */
@Schema(description = "Kvalitetsuppgifter för en verksamhet")
public record Quality(Rating caseworkerRating, Rating clientRating, int endedPlacements, int unplannedEnds,
        Double breakdownRate, int deviations, Instant updatedAt) {

    /**
     * A rating on the 1–5 scale.
     *
     * @param value      the shrunk (Bayesian) mean, rounded to one decimal; null when {@code sufficient} is false
     * @param rawMean    the plain mean of the responses, null without responses
     * @param count      number of responses
     * @param sufficient whether {@code count} reaches the profile's minimum
     * @param display    what to show: e.g. {@code 4,2 (12 svar)} or {@code för få svar}
     */
    public record Rating(Double value, Double rawMean, int count, boolean sufficient, String display) {
    }
}
