package se.placera.economy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.placera.economy.PlacementLedger;
import se.placera.providers.Unit;
import se.placera.samples.internal.SampleLedgerForTests;

/**
 * The forecast measured on held-out years of the sample data: year Y forecast on 1 January Y from what was known
 * then (placements started before, no later end dates or price changes), against the ledger's actual cost of Y.
 * Writes {@code target/forecast-backtest.md}; the figures are in docs/economy.md.
 */
class ForecastBackTestTests {

    static PricedPlacement priced(PlacementLedger.LedgerPlacement p) {
        LedgerDocument d = new LedgerDocument();
        d.id = p.id();
        d.administration = p.administration();
        d.placementForm = p.placementForm();
        d.targetGroup = p.targetGroup();
        d.unitId = p.unitId();
        d.providerId = p.providerId();
        d.startDate = p.startDate();
        d.endDate = p.endDate();
        d.agreedPerDayOre = p.agreedPerDayOre();
        for (PlacementLedger.AgreedPriceChange c : p.prices()) {
            LedgerDocument.PriceChange x = new LedgerDocument.PriceChange();
            x.changeId = c.changeId();
            x.validFrom = c.validFrom();
            x.perDayOre = c.perDayOre();
            x.reference = c.reference();
            d.priceChanges.add(x);
        }
        for (PlacementLedger.ExtraCostInput e : p.extraCosts()) {
            LedgerDocument.ExtraCost x = new LedgerDocument.ExtraCost();
            x.id = e.kind() + e.from();
            x.kind = e.kind();
            x.from = e.from();
            x.to = e.to();
            x.perDayOre = e.perDayOre();
            x.amountOre = e.amountOre();
            d.extraCosts.add(x);
        }
        for (PlacementLedger.Gap g : p.gaps()) {
            LedgerDocument.GapPeriod x = new LedgerDocument.GapPeriod();
            x.from = g.from();
            x.to = g.to();
            x.reason = g.reason();
            d.gaps.add(x);
        }
        return d.snapshot();
    }

    @Test
    void heldOutYearsOfTheSampleData() throws Exception {
        SampleLedgerForTests.Sample s = SampleLedgerForTests.load();
        List<PricedPlacement> ledger = s.ledger().stream().map(ForecastBackTestTests::priced).toList();
        Map<String, Unit> units = new HashMap<>();
        s.units().forEach(u -> units.put(u.id(), u));
        PriceBook book = new PriceBook(units::get, s.agreements());
        StringBuilder out = new StringBuilder(
                "| Year | Look-back | Forecast (kr) | of which current | of which new | Actual (kr) | Error |\n"
                        + "|---|---|---|---|---|---|---|\n");
        for (int lookback : List.of(1, 2, 3)) {
            for (int year = 2022 + lookback; year <= 2025; year++) {
                var r = ForecastModel.compute(ledger, book, LocalDate.of(year, 1, 1), year, lookback, true);
                long actual = ForecastModel.actual(ledger, book, year);
                BigDecimal error = BigDecimal.valueOf(r.totalOre() - actual).multiply(BigDecimal.valueOf(100))
                        .divide(BigDecimal.valueOf(actual), 1, RoundingMode.HALF_EVEN);
                out.append("| ").append(year).append(" | ").append(lookback).append(" y | ")
                        .append(CostModel.kr(r.totalOre())).append(" | ").append(CostModel.kr(r.currentOre()))
                        .append(" | ").append(CostModel.kr(r.newOre())).append(" | ").append(CostModel.kr(actual))
                        .append(" | ").append(error.signum() > 0 ? "+" : "").append(error).append(" % |\n");
                assertThat(actual).isPositive();
                if (lookback == ForecastModel.DEFAULT_LOOKBACK_YEARS) {
                    assertThat(error.abs()).isLessThan(new BigDecimal("25"));
                }
            }
        }
        Path file = Path.of("target", "forecast-backtest.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
        System.out.println(out);
    }
}
