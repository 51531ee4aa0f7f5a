package se.placera.economy.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import se.placera.shared.Outbox;
import se.placera.shared.PendingAudit;

/** Invoices as a source of the {@link Outbox}: the import and each flag decision carry their audit entry. */
@Component
class InvoiceOutbox implements Outbox.Source<InvoiceDocument> {

    @Override
    public Class<InvoiceDocument> type() {
        return InvoiceDocument.class;
    }

    @Override
    public String idOf(InvoiceDocument document) {
        return document.id;
    }

    @Override
    public List<PendingAudit> pending(InvoiceDocument document) {
        return document.pending;
    }
}
