/**
 * Economy (EC-1, EC-3, EC-4) and the placement index (IX-1): the cost ledger of placements (cost per day from the
 * agreed price in force, the unit's price period, extra costs and gaps), roll-ups per placement, caseworker, team,
 * department and administration, agreement loyalty, invoice reconciliation (Peppol BIS Billing 3 UBL and CSV), the
 * forecast and the cost-against-quality index. Fed by the placements module's {@code PlacementRecorded} events and
 * by {@link se.placera.economy.PlacementLedger} (agreements, sample data).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "security", "providers", "placements", "agreements", "documents"})
package se.placera.economy;
