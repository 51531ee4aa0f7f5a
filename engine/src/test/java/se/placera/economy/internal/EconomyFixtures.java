package se.placera.economy.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import se.placera.providers.FrameworkAgreement;
import se.placera.providers.Unit;

/** Units and agreements for the cost model's tests, built field by field so a reader sees what is set. */
final class EconomyFixtures {

    static final FrameworkAgreement HVB = new FrameworkAgreement("ra-hvb", "HVB Barn och unga",
            List.of("hvb-barn-unga"), List.of("Norr"), LocalDate.of(2024, 1, 1), LocalDate.of(2027, 12, 31), true,
            1L, null, null);

    private EconomyFixtures() {
    }

    static Unit.Price perDay(LocalDate from, LocalDate to, int kronor) {
        return new Unit.Price(from, to, Unit.Price.PER_DAY, kronor, Map.of(), null);
    }

    /** A unit with the given prices, bought under {@code agreement} (null: none). */
    static Unit unit(String id, String tenderArea, Unit.Agreement agreement, List<Unit.Price> prices) {
        return new Unit(id, "prov-" + id, "Enhet " + id, true, "Uppsala", null, null, null, null,
                List.of("barn-unga"), List.of("hvb-barn-unga"), List.of(), List.of(), null, null, List.of(), 8, 1,
                null, prices, agreement, tenderArea, 30, null, List.of(), 1L, null, null, null);
    }

    static Unit.Agreement ramavtal(String faId) {
        return new Unit.Agreement(Unit.Agreement.RAMAVTAL, faId, LocalDate.of(2024, 1, 1), LocalDate.of(2027, 12, 31));
    }

    static Unit.Agreement direct() {
        return new Unit.Agreement(Unit.Agreement.DIREKTUPPHANDLING, null, null, null);
    }

    static PriceBook book(List<Unit> units) {
        Map<String, Unit> byId = new java.util.HashMap<>();
        units.forEach(u -> byId.put(u.id(), u));
        return new PriceBook(byId::get, List.of(HVB));
    }

    static PricedPlacement placement(String id, String team, String unitId, LocalDate start, LocalDate end,
            List<PricedPlacement.DatedPrice> prices, List<PricedPlacement.Extra> extras,
            List<PricedPlacement.Pause> gaps) {
        return new PricedPlacement(id, "adm-a", "avd-1", team, "cw-" + id.hashCode() % 3, unitId, "prov-" + unitId,
                "barn-unga", "hvb-barn-unga", "flicka", start, end, prices, extras, gaps, "närhet till skolan");
    }
}
