package se.placera.agreements;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The agreed price of a placement as the signed agreements set it (PA-7, for the economy module): the main
 * agreement's price from its start, then each signed tilläggsavtal's price from its date. Unsigned agreements do
 * not count. Checked like a read of the case (PLACEMENT READ, the case's administration).
 */
public interface AgreedPrices {

    /** The periods, in date order; the last is open-ended. */
    List<PricePeriod> periods(String caseId);

    /** The price per day (whole kronor) on a date, if a signed agreement sets one. */
    Optional<Long> on(String caseId, LocalDate date);

    record PricePeriod(LocalDate from, LocalDate until, long pricePerDay, String agreementId, String number) {
    }
}
