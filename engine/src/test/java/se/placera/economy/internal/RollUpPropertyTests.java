package se.placera.economy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static se.placera.economy.internal.EconomyFixtures.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import se.placera.economy.Costs.Dimension;
import se.placera.economy.Costs.Period;
import se.placera.providers.Unit;

/**
 * EC-1, "the same numbers whichever way they are summed": on generated placements (price changes, supplementary
 * prices, gaps, extra costs, open ends) every grouping and every period sums to the same total, and the total equals
 * the sum of each placement's own explanation.
 */
class RollUpPropertyTests {

    @RepeatedTest(25)
    void sumsOfPartsEqualTheTotalInEveryGrouping(RepetitionInfo info) {
        Random rnd = new Random(4711L * info.getCurrentRepetition());
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            units.add(unit("u" + i, i % 2 == 0 ? "Norr" : "Syd", i % 3 == 0 ? direct() : ramavtal("ra-hvb"),
                    List.of(perDay(LocalDate.of(2020, 1, 1), LocalDate.of(2025, 6, 30), 2000 + rnd.nextInt(3000)),
                            perDay(LocalDate.of(2025, 7, 1), null, 2100 + rnd.nextInt(3000)))));
        }
        PriceBook book = book(units);
        List<PricedPlacement> placements = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            LocalDate start = LocalDate.of(2024, 1, 1).plusDays(rnd.nextInt(900));
            LocalDate end = rnd.nextInt(4) == 0 ? null : start.plusDays(rnd.nextInt(500));
            List<PricedPlacement.DatedPrice> prices = new ArrayList<>();
            if (rnd.nextBoolean()) {
                prices.add(new PricedPlacement.DatedPrice(start, 100L * (2500 + rnd.nextInt(3000)) + rnd.nextInt(100),
                        "avtalat-pris", null));
            }
            if (rnd.nextInt(3) == 0) {
                prices.add(new PricedPlacement.DatedPrice(start.plusDays(rnd.nextInt(200)), 100L * (3000 + rnd.nextInt(2000)),
                        "tillaggsavtal", "tillägg " + i));
            }
            List<PricedPlacement.Extra> extras = new ArrayList<>();
            if (rnd.nextInt(3) == 0) {
                LocalDate xf = start.plusDays(rnd.nextInt(100));
                extras.add(new PricedPlacement.Extra("x" + i, "extra personal", xf, xf.plusDays(rnd.nextInt(60)),
                        100L * (500 + rnd.nextInt(1000)) + 33, null, null));
            }
            if (rnd.nextInt(3) == 0) {
                extras.add(new PricedPlacement.Extra("y" + i, "resor", start.plusDays(rnd.nextInt(100)), null, null,
                        1L + rnd.nextInt(500_000), null));
            }
            List<PricedPlacement.Pause> gaps = new ArrayList<>();
            if (rnd.nextInt(4) == 0) {
                LocalDate gf = start.plusDays(rnd.nextInt(100));
                gaps.add(new PricedPlacement.Pause(gf, gf.plusDays(rnd.nextInt(30)), "sjukhus"));
            }
            placements.add(placement("p" + i, "team-" + rnd.nextInt(4), "u" + rnd.nextInt(6), start, end, prices,
                    extras, gaps));
        }
        LocalDate from = LocalDate.of(2024, 1, 1).plusDays(rnd.nextInt(300));
        LocalDate to = from.plusDays(200 + rnd.nextInt(700));

        long[] reference = explanations(placements, book, from, to);
        for (Dimension by : Dimension.values()) {
            for (Period period : List.of(Period.MONTH, Period.YEAR, Period.WHOLE)) {
                long[] sum = sum(RollUps.compute(placements, book, from, to, by, period));
                assertThat(sum).as(by + " per " + period).containsExactly(reference);
            }
        }
        LocalDate dayTo = from.plusDays(120);
        assertThat(sum(RollUps.compute(placements, book, from, dayTo, Dimension.TEAM, Period.DAY)))
                .containsExactly(sum(RollUps.compute(placements, book, from, dayTo, Dimension.PLACEMENT, Period.WHOLE)));
        // Two adjacent windows sum to the window they make up.
        LocalDate mid = from.plusDays(rnd.nextInt(200));
        long[] left = sum(RollUps.compute(placements, book, from, mid, Dimension.TOTAL, Period.WHOLE));
        long[] right = sum(RollUps.compute(placements, book, mid.plusDays(1), to, Dimension.TOTAL, Period.WHOLE));
        assertThat(new long[] {left[0] + right[0], left[1] + right[1]}).containsExactly(reference);
    }

    private static long[] explanations(List<PricedPlacement> placements, PriceBook book, LocalDate from, LocalDate to) {
        long days = 0;
        long ore = 0;
        for (PricedPlacement p : placements) {
            for (CostModel.Segment s : CostModel.segments(p, book, from, to)) {
                days += s.days();
                ore += s.amountOre();
            }
        }
        return new long[] {days, ore};
    }

    private static long[] sum(RollUps.Result r) {
        long days = 0;
        long ore = 0;
        for (var periods : r.cells().values()) {
            for (RollUps.Cell c : periods.values()) {
                days += c.days;
                ore += c.ore;
            }
        }
        return new long[] {days, ore};
    }
}
