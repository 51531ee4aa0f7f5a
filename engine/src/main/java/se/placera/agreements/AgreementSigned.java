package se.placera.agreements;

import java.time.LocalDate;

/**
 * An agreement that both parties have signed (published with the audit entry of the last signature, at least once):
 * from {@code validFrom} the placement's agreed price per day is {@code pricePerDay} (whole kronor), if it names one.
 * The economy module reads it to price the placement's days.
 */
public record AgreementSigned(String agreementId, String caseId, String administration, String templateId,
        LocalDate validFrom, Long pricePerDay, String number) {
}
