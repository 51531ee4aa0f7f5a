package se.placera.samples.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.placera.economy.PlacementLedger;
import se.placera.providers.Provider;
import se.placera.providers.Unit;

/** Issue #16, item 8: the sample economy is deterministic and its invoice month carries the known errors. */
class SampleEconomyTests {

    @Test
    void theSampleLedgerHasAgreedPricesExtraCostsGapsAndAMonthOfInvoicesWithKnownErrors() {
        SampleGenerator.Dataset d = new SampleGenerator(SeedLists.load()).generate(20200409L, 1.0);
        var ledger = SampleEconomy.ledger(20200409L, d.placements(), d.teams());
        assertThat(ledger).hasSameSizeAs(d.placements());
        assertThat(ledger).anyMatch(p -> p.agreedPerDayOre() != null).anyMatch(p -> p.agreedPerDayOre() == null)
                .anyMatch(p -> !p.prices().isEmpty()).anyMatch(p -> !p.extraCosts().isEmpty())
                .anyMatch(p -> !p.gaps().isEmpty());
        assertThat(ledger.stream().map(PlacementLedger.LedgerPlacement::startDate).map(java.time.LocalDate::getYear)
                .distinct().count()).isGreaterThanOrEqualTo(3);
        assertThat(SampleEconomy.ledger(20200409L, d.placements(), d.teams())).isEqualTo(ledger);

        Map<String, Unit> units = new HashMap<>();
        d.units().forEach(u -> units.put(u.id(), u));
        Map<String, Provider> providers = new HashMap<>();
        d.providers().forEach(p -> providers.put(p.id(), p));
        var files = SampleEconomy.invoices(YearMonth.of(2026, 10), ledger, units, providers, 4);
        assertThat(files).isNotEmpty();
        String first = new String(files.get(0).content(), StandardCharsets.UTF_8);
        assertThat(first).contains("okand-placering-4711").contains("<cbc:EndDate>2026-11-03</cbc:EndDate>");
    }
}
