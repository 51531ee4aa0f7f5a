package se.placera.economy.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * An immutable snapshot of a ledger placement, what the cost model reads. {@code prices} are the dated agreed
 * prices sorted by date: the decision's price from the start date, then supplementary changes.
 */
record PricedPlacement(String id, String administration, String department, String team, String caseworker,
        String unitId, String providerId, String targetGroup, String placementForm, String gender,
        LocalDate startDate, LocalDate endDate, List<DatedPrice> prices, List<Extra> extras, List<Pause> gaps,
        String reason) {

    PricedPlacement {
        prices = prices == null ? List.of()
                : prices.stream().sorted(Comparator.comparing(DatedPrice::validFrom)).toList();
        extras = extras == null ? List.of() : List.copyOf(extras);
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
    }

    /** A price per day in force from {@code validFrom}; {@code source}: {@code avtalat-pris} or {@code tillaggsavtal}. */
    record DatedPrice(LocalDate validFrom, long perDayOre, String source, String reference) {
    }

    /** An extra cost: {@code perDayOre} a day over from–to, or {@code amountOre} once on {@code from}. */
    record Extra(String id, String kind, LocalDate from, LocalDate to, Long perDayOre, Long amountOre, String note) {
    }

    /** A gap (no cost), both days inclusive. */
    record Pause(LocalDate from, LocalDate to, String reason) {
        boolean covers(LocalDate d) {
            return !d.isBefore(from) && !d.isAfter(to);
        }
    }

    /** The agreed price in force on a day: the latest dated price from on or before it. */
    DatedPrice agreedOn(LocalDate day) {
        DatedPrice found = null;
        for (DatedPrice p : prices) {
            if (!p.validFrom().isAfter(day)) {
                found = p;
            } else {
                break;
            }
        }
        return found;
    }
}
