package se.placera.economy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The placement index (IX-1), first version: per unit, what a placement day cost in the window (the cost ledger of
 * the caller's administrations) against the unit's quality in the register (caseworker and client ratings,
 * breakdown rate, deviations). Needs INDEX READ. The formula is documented in docs/economy.md.
 */
public interface PlacementIndex {

    IndexView units(LocalDate from, LocalDate to);

    /** The units, highest index first; {@code medianCostPerDayKr} is the yardstick of the cost factor. */
    record IndexView(LocalDate from, LocalDate to, BigDecimal medianCostPerDayKr, List<IndexRow> rows) {
    }

    /**
     * One unit. {@code quality} 0–1: the mean of the parts present — (caseworker rating − 1) / 4, (client rating − 1)
     * / 4 and 1 − breakdown rate; {@code costFactor} = cost per day / the median; {@code index} = quality / cost
     * factor (null without quality). All four decimals, HALF_EVEN.
     */
    record IndexRow(String unitId, String unitName, String providerId, long placementDays, long costOre,
            BigDecimal costPerDayKr, BigDecimal caseworkerRating, BigDecimal clientRating, BigDecimal breakdownRate,
            int deviations, BigDecimal quality, BigDecimal costFactor, BigDecimal index) {
    }
}
