package se.placera.providers;

import jakarta.validation.constraints.Size;
import se.placera.shared.InputLimits;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/** Matching (PA-1, PA-2): hard filters over the register, then a ranked score with the reasons for it. */
public interface Matching {

    Result match(Criteria criteria);

    /**
     * The result rows of the given units (up to four, in the order given) for the criteria, ranked among all units
     * that pass; units the hard filters drop are left out.
     */
    List<Hit> compare(Criteria criteria, List<String> unitIds);

    /**
     * Why searches leave the unit out, today, whatever the criteria: the same filters as {@link #match}
     * ({@code code} is the filter's key in {@link Result#excluded}), checked for each of the unit's placement forms.
     * Empty when the unit can be found.
     */
    List<Exclusion> exclusions(UnitId unit);

    /**
     * One reason a unit is not found.
     *
     * @param code          the filter: {@code inaktiv}, {@code ivo-tillstand}, or {@code pris} (a warning: the unit
     *                      has no price on the date, so it is shown without one and a price limit cannot apply)
     * @param detail        which case of the filter: {@code unit}/{@code provider} (inaktiv); {@code missing},
     *                      {@code expired}, {@code not-yet-valid}, {@code scope} (ivo-tillstand); {@code missing}
     *                      (pris)
     * @param placementForm the placement form the reason applies to, or null when it applies to all
     * @param date          the date checked
     */
    @Schema(description = "Varför matchningen inte visar verksamheten")
    record Exclusion(String code, String detail, String placementForm, LocalDate date) {
    }

    /**
     * What the client needs. Coded values are from the standard codelists. Everything is optional; a missing
     * criterion does not filter.
     *
     * @param locality      a locality (ort) or municipality in the register to measure distance from, or use
     *                      {@code lat}/{@code lon}
     * @param maxDistanceKm with a locality or coordinates: drop units further away
     * @param maxPrice      highest price per day (kr); units with a higher price on the date are dropped
     * @param dateNeeded    when the placement starts; prices, agreements and IVO permits must be valid then
     *                      (default today)
     * @param frameworkOnly only units with a framework agreement (ramavtal) valid on the date
     * @param requireVacancy only units with at least one vacancy
     * @param profile       the matching profile (metadata kind {@code matching-profile}); default {@code standard}
     * @param limit         at most this many results (default 50, at most 500)
     */
    @Schema(description = "Sökkriterier för matchning")
    record Criteria(@Size(max = InputLimits.ID) String targetGroup, @Size(max = InputLimits.ID) String placementForm,
            @Size(max = InputLimits.ID) String gender, Integer age,
            @Size(max = InputLimits.LIST) List<@Size(max = InputLimits.ID) String> needs,
            @Size(max = InputLimits.ID) String legalBasis, @Size(max = InputLimits.NAME) String locality, Double lat,
            Double lon, Double maxDistanceKm, Integer maxPrice, LocalDate dateNeeded, Boolean frameworkOnly,
            Boolean requireVacancy, @Size(max = InputLimits.NAME) String tenderArea,
            @Size(max = InputLimits.ID) String profile, Integer limit) {

        public Criteria {
            needs = needs == null ? List.of() : List.copyOf(needs);
        }
    }

    /**
     * @param total    units that passed the hard filters
     * @param excluded units dropped, per filter (a unit counts under the first filter it failed)
     */
    @Schema(description = "Matchningsresultat")
    record Result(String profile, int profileVersion, LocalDate date, int total, Map<String, Integer> excluded,
            List<Hit> results) {
    }

    /** One result row with the columns of PA-2 and the reasons for its score. */
    @Schema(description = "En träff i matchningen")
    record Hit(int rank, String unitId, String unitName, String providerId, String providerName, String regi,
            String municipality, String locality, String focus, List<String> targetGroups,
            List<String> placementForms, List<String> genders, Integer minAge, Integer maxAge, String agreementType,
            String frameworkAgreement, String tenderArea, Integer noticePeriodDays, Integer places, Integer vacancies,
            Integer pricePerDay, String priceModel, Quality.Rating caseworkerRating, Quality.Rating clientRating,
            Double breakdownRate, int endedPlacements, int deviations, IvoSummary ivoPermit, Double distanceKm,
            List<String> needsCovered, List<String> needsMissing, double score, List<Reason> reasons) {
    }

    /** The IVO permit as the result list shows it. */
    record IvoSummary(String number, List<String> scope, LocalDate validTo, boolean validForPlacementForm,
            boolean hasDocument) {
    }

    /**
     * One part of the score.
     *
     * @param factor  {@code needs}, {@code quality}, {@code price}, {@code distance}, {@code agreement}
     * @param weight  the profile's weight (weights are normalised to sum to 1)
     * @param score   0–1 for this factor
     * @param points  weight × score × 100: this factor's share of the total score
     * @param text    Swedish explanation for the user (also in the Excel export)
     * @param code    the explanation's stable code, e.g. {@code price.day} (docs/providers.md), so a front end can
     *                word it in any language; empty, like text and params, for hits whose texts were not requested
     * @param params  the values the explanation is made of, e.g. {@code {price: 2400, min: 1900, max: 3100}}
     */
    record Reason(String factor, double weight, double score, double points, String text, String code,
            java.util.Map<String, Object> params) {
    }
}
