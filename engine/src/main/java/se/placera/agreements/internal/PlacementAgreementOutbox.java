package se.placera.agreements.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import se.placera.shared.Outbox;
import se.placera.shared.PendingAudit;

/** Agreements as a source of the {@link Outbox}: each write of an agreement carries its audit entry. */
@Component
class PlacementAgreementOutbox implements Outbox.Source<AgreementDocument> {

    @Override
    public Class<AgreementDocument> type() {
        return AgreementDocument.class;
    }

    @Override
    public String idOf(AgreementDocument document) {
        return document.id;
    }

    @Override
    public List<PendingAudit> pending(AgreementDocument document) {
        return document.pending;
    }
}
