package se.placera.economy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.placera.economy.Forecasts.ForecastFormPart;
import se.placera.economy.Forecasts.ForecastNewMonth;

/** The forecast model with numbers checked by hand (one form, agreed prices, a look-back of one year). */
class ForecastModelTests {

    static PricedPlacement p(String id, LocalDate start, LocalDate end, long perDayOre) {
        return EconomyFixtures.placement(id, "t1", "no-unit", start, end,
                List.of(new PricedPlacement.DatedPrice(start, perDayOre, "avtalat-pris", null)), List.of(), List.of());
    }

    static final List<PricedPlacement> LEDGER = List.of(
            p("A", LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 10), 100_000), // ended: 10 days
            p("B", LocalDate.of(2025, 8, 1), LocalDate.of(2025, 8, 30), 100_000), // ended: 30 days
            p("E", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), 100_000), // ended: 31 days
            p("C", LocalDate.of(2026, 6, 21), null, 200_000), // running, no planned end, 10 days old
            p("D", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 5), 100_000)); // running, planned end

    @Test
    void theThreePartsAreExactAndShowTheirInputs() {
        var r = ForecastModel.compute(LEDGER, EconomyFixtures.book(List.of()), LocalDate.of(2026, 7, 1), 2026, 1,
                false);
        assertThat(r.historyFrom()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(r.historyTo()).isEqualTo(LocalDate.of(2026, 6, 30));
        // Booked 2026-01-01–06-30: E 31 × 1 000 + C 10 × 2 000 + D 30 × 1 000 = 81 000 kr.
        assertThat(r.bookedOre()).isEqualTo(8_100_000L);
        // Current: C is 10 days old; of the ended lengths 10, 30, 31 those longer have 20 and 21 days left, mean
        // 20.5 → 20 (half-even): 2026-07-01–07-20, 20 × 2 000 = 40 000 kr; D to its planned end: 5 × 1 000.
        assertThat(r.currentOre()).isEqualTo(4_500_000L);
        ForecastFormPart form = r.forms().get(0);
        assertThat(form.placementForm()).isEqualTo("hvb-barn-unga");
        assertThat(form.ongoing()).isEqualTo(2);
        assertThat(form.expectedEnds()).isEqualTo(2);
        // Average length (10 + 30 + 31) / 3 = 23.67 → 24; day cost: 121 000 kr / 111 days = 1 090,09009 → 109 009 öre.
        assertThat(form.averageLengthDays()).isEqualTo(24L);
        assertThat(form.averageDayCostOre()).isEqualTo(109_009L);
        assertThat(form.startsInHistory()).isEqualTo(5);
        // New: July and August each had one start in the year looked back; the one expected each month starts on
        // the 16th and runs 24 days, all in 2026: 1 × 24 × 109 009 = 2 616 216 öre each.
        assertThat(r.months()).containsExactly(
                new ForecastNewMonth("hvb-barn-unga", "2026-07", 1, new java.math.BigDecimal("1.0000"), 24,
                        2_616_216L),
                new ForecastNewMonth("hvb-barn-unga", "2026-08", 1, new java.math.BigDecimal("1.0000"), 24,
                        2_616_216L));
        assertThat(r.newOre()).isEqualTo(5_232_432L);
        assertThat(form.expectedNewStarts()).isEqualByComparingTo("2");
        assertThat(r.totalOre()).isEqualTo(8_100_000L + 4_500_000L + 5_232_432L);
    }

    @Test
    void aMonthPartlyLeftCountsItsShareAndTheNextYearStartsFromTodaysPlacements() {
        var r = ForecastModel.compute(LEDGER, EconomyFixtures.book(List.of()), LocalDate.of(2026, 6, 21), 2026, 1,
                false);
        // Looking back 2025-06-21–2026-06-20: June had D's start; 10 of June's 30 days are left: 1 × 10 / 30 =
        // 0.3333 starts, from 06-25 for the average 24 days (A 10, B 30, E 31). Day cost: A 10, B 30, E 31 and D's
        // 20 June days at 1 000 kr = 91 000 kr / 91 days = 100 000 öre. 0.3333 × 24 × 100 000 = 799 920 öre.
        assertThat(r.months().get(0)).isEqualTo(new ForecastNewMonth("hvb-barn-unga", "2026-06", 1,
                new java.math.BigDecimal("0.3333"), 24, 799_920L));
        var next = ForecastModel.compute(LEDGER, EconomyFixtures.book(List.of()), LocalDate.of(2026, 7, 1), 2027, 1,
                false);
        assertThat(next.bookedOre()).isZero();
        assertThat(next.currentOre()).isZero(); // C and D are expected to end in 2026
        assertThat(next.months()).allMatch(m -> m.daysInYearEach() == 0 || m.month().startsWith("2027"));
        // January 2027 had E's start: one expected, from 2027-01-16 for 24 days.
        assertThat(next.months()).contains(new ForecastNewMonth("hvb-barn-unga", "2027-01", 1,
                new java.math.BigDecimal("1.0000"), 24, 2_616_216L));
    }

    @Test
    void aBackTestSeesOnlyWhatWasKnownAtTheCutoff() {
        // Cut at 2026-01-15: E's end (2026-01-31) and C and D are in the future and hidden.
        var r = ForecastModel.compute(LEDGER, EconomyFixtures.book(List.of()), LocalDate.of(2026, 1, 15), 2026, 1,
                true);
        assertThat(r.forms().get(0).ongoing()).isEqualTo(1); // E only, its end unknown
        assertThat(r.bookedOre()).isEqualTo(1_400_000L); // E 2026-01-01–01-14
        // E is 14 days old; the ended lengths longer are 30 and 31 (16 and 17 left, mean 16.5 → 16 half-even).
        assertThat(r.currentOre()).isEqualTo(16 * 100_000L);
        var open = ForecastModel.compute(LEDGER, EconomyFixtures.book(List.of()), LocalDate.of(2026, 1, 15), 2026, 1,
                false);
        assertThat(open.forms().get(0).ongoing()).isEqualTo(3); // E with its end, C and D as decided
    }

    @Test
    void theActualCostOfAYearIsTheCostModelsSum() {
        // 2025: A 10 + B 30 days × 1 000 kr.
        assertThat(ForecastModel.actual(LEDGER, EconomyFixtures.book(List.of()), 2025)).isEqualTo(4_000_000L);
    }
}
