package se.placera.economy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Cost views (EC-1): every placement day costs the agreed price in force that day (supplementary price change, else
 * the price agreed at the decision, else the unit's price period), plus extra costs, minus gaps. Amounts are öre
 * ({@code long}) and kronor as {@link BigDecimal} with two decimals; never floating point. All views see only the
 * caller's administrations (GD-1) and need ECONOMY READ; writes need ECONOMY WRITE.
 */
public interface Costs {

    /** What a roll-up groups by. */
    enum Dimension {
        PLACEMENT, CASEWORKER, TEAM, DEPARTMENT, ADMINISTRATION, PROVIDER, UNIT, TARGET_GROUP, PLACEMENT_FORM,
        TENDER_AREA, GENDER, TOTAL
    }

    /** The period a roll-up's rows are per. */
    enum Period { DAY, MONTH, YEAR, WHOLE }

    /** Costs of the window {@code from}–{@code to} (inclusive; null: this year) grouped by {@code by} and {@code period}. */
    CostRollUp rollUp(LocalDate from, LocalDate to, Dimension by, Period period);

    /** One placement's cost in the window, line by line. */
    PlacementCostView explain(String placementId, LocalDate from, LocalDate to);

    /** Agreement loyalty: the share of days and of cost within framework agreements, by {@code by}. */
    LoyaltyView loyalty(LocalDate from, LocalDate to, Dimension by);

    /** Records an extra cost on a placement (versioned: send the placement's revision). */
    PlacementCostView addExtraCost(String placementId, ExtraCostRequest request);

    /**
     * A roll-up; {@code rows} sum to the totals exactly.
     *
     * @param days days of placement (extra costs add no days)
     */
    record CostRollUp(LocalDate from, LocalDate to, Dimension by, Period period, List<CostRollUpRow> rows, long days,
            long amountOre, BigDecimal amountKr, int placements) {
    }

    /** One group and period: {@code period} is {@code 2026}, {@code 2026-03}, {@code 2026-03-01} or {@code alla}. */
    record CostRollUpRow(String key, String period, long days, long amountOre, BigDecimal amountKr) {
    }

    /**
     * One line of a placement's cost.
     *
     * @param kind      {@code dygn} (placement days), {@code uppehall} (a gap: no cost), {@code tillagg} (extra cost)
     * @param source    where the price came from: {@code tillaggsavtal}, {@code avtalat-pris}, {@code prisperiod},
     *                  {@code saknar-pris}, or the extra cost's kind
     * @param agreement the agreement in force: {@code ramavtal <name>}, {@code direktupphandling}, {@code individavtal},
     *                  {@code utan avtal}
     * @param text      the line in words, e.g. {@code 2026-03-01–2026-03-31: 31 dagar × 4 250 kr, ramavtal X}
     */
    record CostLine(LocalDate from, LocalDate to, String kind, long days, Long perDayOre, long amountOre,
            String source, String agreement, boolean withinFrameworkAgreement, String text) {
    }

    /** A placement's cost in a window, with its lines; {@code revision} for a following write. */
    record PlacementCostView(String placementId, String unitId, String providerId, LocalDate startDate,
            LocalDate endDate, LocalDate from, LocalDate to, List<CostLine> lines, long days, long amountOre,
            BigDecimal amountKr, List<ExtraCostView> extraCosts, Long revision) {
    }

    /** An extra cost as recorded. */
    record ExtraCostView(String id, String kind, LocalDate from, LocalDate to, Long perDayOre, Long amountOre,
            String note, String recordedBy) {
    }

    /** An extra cost to record: {@code perDayOre} for each day of the period, or {@code amountOre} once. */
    record ExtraCostRequest(Long revision, String kind, LocalDate from, LocalDate to, Long perDayOre, Long amountOre,
            String note) {
    }

    /** Agreement loyalty in a window. */
    record LoyaltyView(LocalDate from, LocalDate to, Dimension by, List<LoyaltyRow> rows, LoyaltyRow total,
            List<OutsidePlacement> outside) {
    }

    /** Days and cost of a group, and the part within framework agreements; shares 0–1 with four decimals. */
    record LoyaltyRow(String key, long days, long daysWithin, long amountOre, long amountWithinOre,
            BigDecimal shareOfDays, BigDecimal shareOfCost) {
    }

    /** A placement with days outside the framework agreements in the window, and its recorded reason. */
    record OutsidePlacement(String placementId, String unitId, String providerId, String agreement, long daysOutside,
            long amountOutsideOre, String reason) {
    }
}
