package se.placera.economy.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import se.placera.agreements.AgreementSigned;
import se.placera.economy.PlacementLedger;
import se.placera.economy.PlacementLedger.AgreedPriceChange;
import se.placera.shared.PlaceraException;

/**
 * A signed agreement (a placement agreement or a tilläggsavtal) sets the placement's agreed price per day from its
 * date (EC-1): one dated price change per agreement, idempotent by the agreement's id, so a re-delivered event
 * changes nothing.
 */
@Component
class SignedAgreementPrices {

    private static final Logger log = LoggerFactory.getLogger(SignedAgreementPrices.class);

    private final PlacementLedger ledger;

    SignedAgreementPrices(PlacementLedger ledger) {
        this.ledger = ledger;
    }

    @EventListener
    void on(AgreementSigned signed) {
        if (signed.pricePerDay() == null || signed.validFrom() == null) {
            return;
        }
        try {
            ledger.applyAgreedPrice(new AgreedPriceChange(signed.agreementId(), signed.caseId(), signed.validFrom(),
                    Math.multiplyExact(signed.pricePerDay(), 100L), signed.number()));
        } catch (PlaceraException e) {
            // Not in the ledger (no decided placement recorded): the agreed-price query still answers from the
            // agreements, and the ledger takes the price when the placement is recorded.
            log.warn("Agreement {} signed for case {} that the cost ledger does not hold: {}", signed.agreementId(),
                    signed.caseId(), e.getMessage());
        }
    }
}
