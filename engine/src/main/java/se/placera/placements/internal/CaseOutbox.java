package se.placera.placements.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import se.placera.shared.Outbox;
import se.placera.shared.PendingAudit;

/** Cases as a source of the {@link Outbox}: each write of a case carries its audit entry. */
@Component
class CaseOutbox implements Outbox.Source<CaseDocument> {

    @Override
    public Class<CaseDocument> type() {
        return CaseDocument.class;
    }

    @Override
    public String idOf(CaseDocument document) {
        return document.id;
    }

    @Override
    public List<PendingAudit> pending(CaseDocument document) {
        return document.pending;
    }
}
