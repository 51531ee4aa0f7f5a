package se.placera.agreements.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import se.placera.agreements.AgreementSigned;
import se.placera.shared.Outbox;
import se.placera.shared.PendingAudit;

/**
 * Agreements as a source of the {@link Outbox}: each write of an agreement carries its audit entry; the signature
 * that completes an agreement is followed by {@link AgreementSigned}, so the economy prices the placement's days
 * from the signed agreements and never from one whose last signature was not stored.
 */
@Component
class PlacementAgreementOutbox extends Outbox.Of<AgreementDocument> {

    PlacementAgreementOutbox() {
        super(AgreementDocument.class, d -> d.id, d -> d.pending);
    }

    @Override
    public List<Object> followUps(AgreementDocument a, PendingAudit entry) {
        boolean completes = "agreement.sign".equals(entry.audited().action()) && entry.audited().details() != null
                && AgreementService.SIGNED.equals(entry.audited().details().get("status"));
        return completes ? List.of(new AgreementSigned(a.id, a.caseId, a.administration, a.templateId, a.validFrom,
                a.pricePerDay, a.number)) : List.of();
    }
}
