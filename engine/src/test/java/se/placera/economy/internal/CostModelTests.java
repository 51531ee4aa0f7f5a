package se.placera.economy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static se.placera.economy.internal.EconomyFixtures.*;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.placera.economy.Costs.Dimension;
import se.placera.economy.Costs.Period;

/** EC-1: what a day costs and why, checked by hand. */
class CostModelTests {

    static final LocalDate JAN1 = LocalDate.of(2026, 1, 1);
    static final LocalDate DEC31 = LocalDate.of(2026, 12, 31);

    @Test
    void theAgreedPriceAppliesAndASupplementaryChangeTakesOverFromItsDate() {
        var unit = unit("u1", "Norr", ramavtal("ra-hvb"), List.of(perDay(LocalDate.of(2020, 1, 1), null, 3900)));
        var p = placement("p1", "t1", "u1", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30),
                List.of(new PricedPlacement.DatedPrice(LocalDate.of(2026, 3, 1), 425_000, "avtalat-pris", null),
                        new PricedPlacement.DatedPrice(LocalDate.of(2026, 4, 1), 450_050, "tillaggsavtal",
                                "tilläggsavtal 2026-14")),
                List.of(), List.of());
        var lines = CostModel.segments(p, book(List.of(unit)), JAN1, DEC31);
        assertThat(lines).hasSize(2);
        assertThat(CostModel.text(lines.get(0)))
                .isEqualTo("2026-03-01–2026-03-31: 31 dagar × 4 250 kr, ramavtal HVB Barn och unga");
        assertThat(lines.get(0).amountOre()).isEqualTo(31 * 425_000L);
        assertThat(CostModel.text(lines.get(1))).isEqualTo(
                "2026-04-01–2026-04-30: 30 dagar × 4 500,50 kr, ramavtal HVB Barn och unga, tilläggsavtal 2026-14");
        assertThat(lines.get(1).amountOre()).isEqualTo(30 * 450_050L);
    }

    @Test
    void withoutAnAgreedPriceTheUnitsPricePeriodAppliesAndChangesMidPlacement() {
        var unit = unit("u2", "Syd", direct(), List.of(perDay(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), 3000),
                perDay(LocalDate.of(2026, 1, 1), null, 3200)));
        var p = placement("p2", "t1", "u2", LocalDate.of(2025, 12, 20), LocalDate.of(2026, 1, 10), List.of(), List.of(),
                List.of());
        var lines = CostModel.segments(p, book(List.of(unit)), LocalDate.of(2025, 1, 1), DEC31);
        assertThat(lines).extracting(CostModel::text).containsExactly(
                "2025-12-20–2025-12-31: 12 dagar × 3 000 kr, direktupphandling, verksamhetens prisperiod",
                "2026-01-01–2026-01-10: 10 dagar × 3 200 kr, direktupphandling, verksamhetens prisperiod");
        assertThat(lines.stream().mapToLong(CostModel.Segment::amountOre).sum()).isEqualTo(12 * 300_000L + 10 * 320_000L);
    }

    @Test
    void aGapCostsNothingAndExtraCostsComeOnTop() {
        var unit = unit("u3", "Norr", ramavtal("ra-hvb"), List.of());
        var p = placement("p3", "t1", "u3", LocalDate.of(2026, 5, 1), null,
                List.of(new PricedPlacement.DatedPrice(LocalDate.of(2026, 5, 1), 400_000, "avtalat-pris", null)),
                List.of(new PricedPlacement.Extra("x1", "extra personal", LocalDate.of(2026, 5, 1),
                        LocalDate.of(2026, 5, 10), 150_000L, null, null),
                        new PricedPlacement.Extra("x2", "resor", LocalDate.of(2026, 5, 20), null, null, 125_000L,
                                "tåg")),
                List.of(new PricedPlacement.Pause(LocalDate.of(2026, 5, 11), LocalDate.of(2026, 5, 15), "rymning")));
        var lines = CostModel.segments(p, book(List.of(unit)), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31));
        assertThat(lines).extracting(CostModel::text).containsExactly(
                "2026-05-01–2026-05-10: 10 dagar × 4 000 kr, ramavtal HVB Barn och unga",
                "2026-05-11–2026-05-15: 5 dagar uppehåll, ingen kostnad (rymning)",
                "2026-05-16–2026-05-31: 16 dagar × 4 000 kr, ramavtal HVB Barn och unga",
                "2026-05-01–2026-05-10: tillägg extra personal 10 dagar × 1 500 kr = 15 000 kr",
                "2026-05-20: tillägg resor 1 250 kr (tåg)");
        // By hand: 26 days × 4 000 + 10 × 1 500 + 1 250 = 104 000 + 15 000 + 1 250 = 120 250 kr.
        assertThat(lines.stream().mapToLong(CostModel.Segment::amountOre).sum()).isEqualTo(12_025_000L);
        assertThat(lines.stream().mapToLong(CostModel.Segment::days).sum()).isEqualTo(26);
    }

    @Test
    void daysOutsideTheFrameworkAgreementsPlacementFormsAreNotWithin() {
        var unit = unit("u4", "Norr", ramavtal("ra-hvb"), List.of(perDay(null, null, 2000)));
        var p = new PricedPlacement("p4", "adm-a", null, "t1", "cw", "u4", "prov-u4", "barn-unga", "familjehem",
                "pojke", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), List.of(), List.of(), List.of(), "akut");
        var lines = CostModel.segments(p, book(List.of(unit)), JAN1, DEC31);
        assertThat(lines).singleElement().satisfies(s -> {
            assertThat(s.within()).isFalse();
            assertThat(s.agreement()).isEqualTo("utanför ramavtal HVB Barn och unga");
        });
    }

    @Test
    void aRollUpByTeamAndMonthCheckedByHand() {
        var unit = unit("u5", "Norr", ramavtal("ra-hvb"), List.of(perDay(null, null, 3000)));
        var book = book(List.of(unit));
        // Team A: p1 15 Jan–15 Feb at 3 000 kr (period price); p2 1–31 Jan at agreed 4 000 kr.
        // Team B: p3 10 Feb–ongoing at agreed 5 000 kr; window ends 28 Feb.
        var p1 = placement("p1", "A", "u5", LocalDate.of(2026, 1, 15), LocalDate.of(2026, 2, 15), List.of(), List.of(),
                List.of());
        var p2 = placement("p2", "A", "u5", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31),
                List.of(new PricedPlacement.DatedPrice(LocalDate.of(2026, 1, 1), 400_000, "avtalat-pris", null)),
                List.of(), List.of());
        var p3 = placement("p3", "B", "u5", LocalDate.of(2026, 2, 10), null,
                List.of(new PricedPlacement.DatedPrice(LocalDate.of(2026, 2, 10), 500_000, "avtalat-pris", null)),
                List.of(), List.of());
        var r = RollUps.compute(List.of(p1, p2, p3), book, JAN1, LocalDate.of(2026, 2, 28), Dimension.TEAM,
                Period.MONTH);
        // A, January: p1 17 days × 3 000 = 51 000; p2 31 × 4 000 = 124 000 → 48 days, 175 000 kr.
        assertThat(r.cells().get("A").get("2026-01").days).isEqualTo(48);
        assertThat(r.cells().get("A").get("2026-01").ore).isEqualTo(17_500_000L);
        // A, February: p1 15 days × 3 000 = 45 000 kr.
        assertThat(r.cells().get("A").get("2026-02").ore).isEqualTo(4_500_000L);
        // B, February: p3 19 days × 5 000 = 95 000 kr; nothing in January.
        assertThat(r.cells().get("B").get("2026-02").days).isEqualTo(19);
        assertThat(r.cells().get("B").get("2026-02").ore).isEqualTo(9_500_000L);
        assertThat(r.cells().get("B")).doesNotContainKey("2026-01");
    }
}
