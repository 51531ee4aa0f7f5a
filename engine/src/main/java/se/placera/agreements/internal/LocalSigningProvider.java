package se.placera.agreements.internal;

import org.springframework.stereotype.Component;

import se.placera.agreements.SigningProvider;
import se.placera.documents.PdfSignatures;

/** The local signing provider: PAdES B-T with a key of the local test CA, finished at once. */
@Component
class LocalSigningProvider implements SigningProvider {

    static final String ID = "local";

    private final PdfSignatures signatures;

    LocalSigningProvider(PdfSignatures signatures) {
        this.signatures = signatures;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Step start(Request request) {
        try {
            return new Signed(signatures.signLocally(request.pdf(), new PdfSignatures.Signer(request.signerId(),
                    request.signerName(), request.organisation(), request.reason(), null)));
        } catch (RuntimeException e) {
            return new Failed("The local signature failed: " + e.getMessage());
        }
    }
}
