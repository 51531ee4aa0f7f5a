package se.placera.economy.internal;

import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import se.placera.economy.PlacementLedger;
import se.placera.placements.PlacementRecorded;
import se.placera.security.UserDirectory;

/**
 * Puts the placements decided in Placera into the cost ledger: the case's agreed price from its start date, its
 * end when the case closes; team from the responsible caseworker's account. Idempotent (the event comes at least
 * once).
 */
@Component
class CaseFeed {

    private final PlacementLedger ledger;
    private final UserDirectory directory;

    CaseFeed(PlacementLedger ledger, UserDirectory directory) {
        this.ledger = ledger;
        this.directory = directory;
    }

    @EventListener
    void on(PlacementRecorded e) {
        String team = e.responsible() == null ? null : directory.byUsername(e.responsible())
                .map(a -> a.user().team()).filter(t -> t != null && !t.isBlank()).orElse(null);
        ledger.record(new PlacementLedger.LedgerPlacement(e.caseId(), e.administration(), null, team, e.responsible(),
                e.unitId(), e.providerId(), e.targetGroup(), e.placementForm(), e.gender(), e.startDate(), e.endDate(),
                e.pricePerDay() == null ? null : e.pricePerDay() * 100L, e.reason(), List.of(), List.of(), List.of()));
    }
}
