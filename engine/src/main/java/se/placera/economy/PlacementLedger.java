package se.placera.economy;

import java.time.LocalDate;
import java.util.List;

/**
 * The cost ledger's input: what the economy module needs to know of a placement to give each of its days a cost.
 * The placements module feeds it through its {@code PlacementRecorded} event; other modules (agreements with their
 * supplementary price changes, sample data, migrations) call this interface or publish {@link AgreedPriceChange}.
 * Every input is idempotent: recording the same placement or price change twice changes nothing.
 */
public interface PlacementLedger {

    /**
     * Records (or refreshes) a placement. Its decision fields replace the stored ones; extra costs and supplementary
     * price changes recorded on it are kept.
     */
    void record(LedgerPlacement placement);

    /** Many placements at once, without an audit entry each (sample data, migrations); existing ids are skipped. */
    int recordMissing(List<LedgerPlacement> placements);

    /**
     * A dated agreed price: from {@code validFrom} the placement costs {@code perDayOre} a day until the next change.
     * Idempotent by {@link AgreedPriceChange#changeId()}.
     */
    void applyAgreedPrice(AgreedPriceChange change);

    /**
     * A placement as the economy sees it.
     *
     * @param id             the placement's id (the case id for placements decided in Placera)
     * @param administration the administration (förvaltning) the placement belongs to (GD-1)
     * @param department     avdelning, if known
     * @param team           the responsible caseworker's team, if known
     * @param caseworker     the responsible caseworker's user name
     * @param startDate      first placement day
     * @param endDate        last placement day (inclusive); null while ongoing
     * @param agreedPerDayOre the agreed price per day at the decision, in öre; null: the unit's price period applies
     * @param reason         the recorded reason for the choice of unit (shown for placements outside the agreements)
     * @param gaps           periods without cost (avbrott: the client away, the place not paid for)
     * @param extraCosts     extra costs known at recording (sample data); later ones come through the API
     * @param prices         supplementary dated prices known at recording (sample data)
     */
    record LedgerPlacement(String id, String administration, String department, String team, String caseworker,
            String unitId, String providerId, String targetGroup, String placementForm, String gender,
            LocalDate startDate, LocalDate endDate, Long agreedPerDayOre, String reason, List<Gap> gaps,
            List<ExtraCostInput> extraCosts, List<AgreedPriceChange> prices) {

        public LedgerPlacement {
            gaps = gaps == null ? List.of() : List.copyOf(gaps);
            extraCosts = extraCosts == null ? List.of() : List.copyOf(extraCosts);
            prices = prices == null ? List.of() : List.copyOf(prices);
        }
    }

    /** A period without cost, both days inclusive. */
    record Gap(LocalDate from, LocalDate to, String reason) {
    }

    /**
     * An extra cost (transport, extra staff …): either {@code perDayOre} for every day of {@code from}–{@code to}, or a
     * single {@code amountOre} on {@code from}.
     */
    record ExtraCostInput(String kind, LocalDate from, LocalDate to, Long perDayOre, Long amountOre, String note) {
    }

    /**
     * A dated change of a placement's agreed price (a supplementary agreement, tilläggsavtal). The agreements module
     * publishes it as an event or calls {@link #applyAgreedPrice}; the economy owns the type (it is the listener).
     *
     * @param changeId  stable id chosen by the source, e.g. the supplementary agreement's id
     * @param reference what to show in the explanation, e.g. {@code tilläggsavtal 2026-14}
     */
    record AgreedPriceChange(String changeId, String placementId, LocalDate validFrom, long perDayOre,
            String reference) {
    }
}
