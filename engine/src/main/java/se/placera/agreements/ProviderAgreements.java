package se.placera.agreements;

import java.util.List;

import se.placera.agreements.Agreements.AgreementView;
import se.placera.agreements.Agreements.Sign;

/**
 * The provider's side of agreements, for the provider portal: a provider user sees and signs only the agreements
 * made with their own organisation, once the municipality has signed (the provider's signatory signs second).
 */
public interface ProviderAgreements {

    /** Agreements with the user's provider that the municipality has begun signing. */
    List<AgreementView> mine();

    byte[] pdf(String agreementId);

    AgreementView sign(String agreementId, Sign request);
}
