package se.placera.economy.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import se.placera.shared.Outbox;
import se.placera.shared.PendingAudit;

/** Ledger placements as a source of the {@link Outbox}: each write carries its audit entry. */
@Component
class LedgerOutbox implements Outbox.Source<LedgerDocument> {

    @Override
    public Class<LedgerDocument> type() {
        return LedgerDocument.class;
    }

    @Override
    public String idOf(LedgerDocument document) {
        return document.id;
    }

    @Override
    public List<PendingAudit> pending(LedgerDocument document) {
        return document.pending;
    }
}
