package se.placera.agreements.internal;

import java.util.List;

import org.springframework.stereotype.Service;

import se.placera.agreements.Agreements.AgreementView;
import se.placera.agreements.Agreements.Sign;
import se.placera.agreements.ProviderAgreements;

/** The provider portal's agreements: the provider user's own organisation only (see {@link AgreementService}). */
@Service
class ProviderAgreementService implements ProviderAgreements {

    private final AgreementService agreements;

    ProviderAgreementService(AgreementService agreements) {
        this.agreements = agreements;
    }

    @Override
    public List<AgreementView> mine() {
        return agreements.forProvider();
    }

    @Override
    public byte[] pdf(String agreementId) {
        return agreements.pdfForProvider(agreementId);
    }

    @Override
    public AgreementView sign(String agreementId, Sign request) {
        return agreements.signAsProvider(agreementId, request);
    }
}
