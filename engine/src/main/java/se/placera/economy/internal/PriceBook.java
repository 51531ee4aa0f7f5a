package se.placera.economy.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import se.placera.providers.FrameworkAgreement;
import se.placera.providers.Unit;

/**
 * What the register says about prices and agreements, as the cost model asks it: the unit's price period on a day
 * and the agreement it was bought under. A snapshot, taken once per computation.
 */
final class PriceBook {

    private final Function<String, Unit> units;
    private final Map<String, FrameworkAgreement> agreements;

    PriceBook(Function<String, Unit> units, List<FrameworkAgreement> agreements) {
        this.units = units;
        this.agreements = agreements.stream().collect(Collectors.toMap(FrameworkAgreement::id, a -> a, (a, b) -> a));
    }

    Optional<Unit> unit(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(units.apply(id));
    }

    String tenderArea(String unitId) {
        return unit(unitId).map(Unit::tenderArea).orElse(null);
    }

    /** The unit's price per day on a day, in öre; null when the register has none (or only levels/individual). */
    Long unitPriceOre(Unit unit, LocalDate day) {
        if (unit == null) {
            return null;
        }
        return unit.priceOn(day).map(Unit.Price::perDay).map(kr -> kr * 100L).orElse(null);
    }

    /** The agreement a day at the unit was bought under, for a placement of {@code placementForm}. */
    AgreementOnDay agreementOn(Unit unit, String placementForm, LocalDate day) {
        if (unit == null || unit.agreement() == null || unit.agreement().type() == null) {
            return new AgreementOnDay("utan avtal", false);
        }
        Unit.Agreement a = unit.agreement();
        boolean unitValid = (a.validFrom() == null || !day.isBefore(a.validFrom()))
                && (a.validTo() == null || !day.isAfter(a.validTo()));
        if (Unit.Agreement.RAMAVTAL.equals(a.type())) {
            FrameworkAgreement fa = a.frameworkAgreementId() == null ? null : agreements.get(a.frameworkAgreementId());
            boolean within = unitValid && fa != null && fa.validOn(day)
                    && (fa.placementForms().isEmpty() || placementForm == null
                            || fa.placementForms().contains(placementForm));
            String name = fa == null ? a.frameworkAgreementId() : fa.name();
            return within ? new AgreementOnDay("ramavtal " + name, true)
                    : new AgreementOnDay("utanför ramavtal " + name, false);
        }
        return new AgreementOnDay(unitValid ? a.type() : "utan avtal", false);
    }

    /** The dates on which the unit's price or agreement may change (first day of the new state). */
    List<LocalDate> changeDates(Unit unit) {
        List<LocalDate> dates = new ArrayList<>();
        if (unit == null) {
            return dates;
        }
        for (Unit.Price p : unit.prices()) {
            if (p.validFrom() != null) {
                dates.add(p.validFrom());
            }
            if (p.validTo() != null) {
                dates.add(p.validTo().plusDays(1));
            }
        }
        Unit.Agreement a = unit.agreement();
        if (a != null) {
            if (a.validFrom() != null) {
                dates.add(a.validFrom());
            }
            if (a.validTo() != null) {
                dates.add(a.validTo().plusDays(1));
            }
            FrameworkAgreement fa = a.frameworkAgreementId() == null ? null : agreements.get(a.frameworkAgreementId());
            if (fa != null) {
                if (fa.validFrom() != null) {
                    dates.add(fa.validFrom());
                }
                if (fa.validTo() != null) {
                    dates.add(fa.validTo().plusDays(1));
                }
            }
        }
        return dates;
    }

    /** The agreement label and whether the day counts as bought within a framework agreement. */
    record AgreementOnDay(String label, boolean within) {
    }
}
