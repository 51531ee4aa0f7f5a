package se.placera.economy.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import se.placera.shared.PendingAudit;

/**
 * One placement in the cost ledger. Each write is one document write guarded by {@link #revision} and carries its
 * audit entry ({@link #pending}, delivered by the shared outbox).
 */
@Document("economy_placements")
class LedgerDocument {

    @Id
    String id;
    @Indexed
    String administration;
    String department;
    String team;
    String caseworker;
    String unitId;
    String providerId;
    String targetGroup;
    String placementForm;
    String gender;
    LocalDate startDate;
    LocalDate endDate;
    /** The price agreed at the decision, in öre a day; null: the unit's price period applies. */
    Long agreedPerDayOre;
    String reason;
    /** Where it came from: {@code case} (a decided case), {@code sample}, {@code api}. */
    String source;
    List<PriceChange> priceChanges = new ArrayList<>();
    List<ExtraCost> extraCosts = new ArrayList<>();
    List<GapPeriod> gaps = new ArrayList<>();
    Instant updatedAt;
    @Version
    Long revision;
    List<PendingAudit> pending;

    /** A supplementary dated price (tilläggsavtal). */
    static class PriceChange {
        String changeId;
        LocalDate validFrom;
        long perDayOre;
        String reference;
    }

    /** An extra cost (transport, extra staff). */
    static class ExtraCost {
        String id;
        String kind;
        LocalDate from;
        LocalDate to;
        Long perDayOre;
        Long amountOre;
        String note;
        String recordedBy;
        Instant recordedAt;
    }

    /** A period without cost. */
    static class GapPeriod {
        LocalDate from;
        LocalDate to;
        String reason;
    }

    PricedPlacement snapshot() {
        List<PricedPlacement.DatedPrice> prices = new ArrayList<>();
        if (agreedPerDayOre != null && startDate != null) {
            prices.add(new PricedPlacement.DatedPrice(startDate, agreedPerDayOre, "avtalat-pris", null));
        }
        for (PriceChange c : priceChanges) {
            prices.add(new PricedPlacement.DatedPrice(c.validFrom, c.perDayOre, "tillaggsavtal", c.reference));
        }
        List<PricedPlacement.Extra> extras = extraCosts.stream().map(x -> new PricedPlacement.Extra(x.id, x.kind,
                x.from, x.to, x.perDayOre, x.amountOre, x.note)).toList();
        List<PricedPlacement.Pause> pauses = gaps.stream()
                .map(g -> new PricedPlacement.Pause(g.from, g.to, g.reason)).toList();
        return new PricedPlacement(id, administration, department, team, caseworker, unitId, providerId, targetGroup,
                placementForm, gender, startDate, endDate, prices, extras, pauses, reason);
    }
}
