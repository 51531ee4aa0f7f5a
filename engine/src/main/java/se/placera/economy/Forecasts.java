package se.placera.economy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The cost forecast (EC-1): the cost of a year as booked so far, plus the current placements priced day by day to
 * their planned (or expected) end, plus the new placements the history's seasonality expects. Every part is shown
 * with its inputs. Amounts are öre ({@code long}); the expected number of starts is a {@link BigDecimal} with four
 * decimals and each amount built from it is rounded to whole öre (half-even) where it is computed. ECONOMY READ;
 * only the caller's administrations.
 */
public interface Forecasts {

    /** The forecast of {@code year} (null: this year); this year or the next. */
    ForecastView forecast(Integer year);

    /**
     * A year's forecast.
     *
     * @param cutoff        the first day forecast (today for this year, else today too: the next year's forecast
     *                      starts from today's placements)
     * @param bookedOre     the ledger's cost of the year before {@code cutoff} (0 for the next year)
     * @param currentOre    the current placements' cost in the year from {@code cutoff}
     * @param newOre        the expected new placements' cost in the year
     * @param lookbackYears how many whole years back (from {@code cutoff}) the seasonality and lengths are taken
     */
    record ForecastView(int year, LocalDate cutoff, LocalDate historyFrom, LocalDate historyTo, int lookbackYears,
            long bookedOre, long currentOre, long newOre, long totalOre, BigDecimal totalKr,
            List<ForecastFormPart> forms, List<ForecastNewMonth> newPlacements, String method) {
    }

    /**
     * One placement form's parts and their inputs.
     *
     * @param ongoing             current placements at the cutoff (or decided to start after it)
     * @param expectedEnds        of those, how many end (planned or expected) within the year
     * @param startsInHistory     placements of the form started in the look-back window
     * @param averageLengthDays   the average length of the form's placements that ended in the look-back window
     * @param averageDayCostOre   the form's cost per placement day in the look-back window (all cost / all days)
     * @param expectedNewStarts   expected new placements from the cutoff to the end of the year
     */
    record ForecastFormPart(String placementForm, int ongoing, int expectedEnds, long currentOre, int startsInHistory,
            Long averageLengthDays, Long averageDayCostOre, BigDecimal expectedNewStarts, long newOre) {
    }

    /**
     * New placements of a form in a month: {@code expectedStarts} = starts in that calendar month in the look-back
     * window ÷ years × the share of the month left; each costs {@code daysInYearEach} × the form's day cost.
     */
    record ForecastNewMonth(String placementForm, String month, int startsInHistory, BigDecimal expectedStarts,
            long daysInYearEach, long amountOre) {
    }
}
