package se.placera.inquiries.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import se.placera.inquiries.InquiryMail;
import se.placera.shared.Outbox;
import se.placera.shared.PendingAudit;

/**
 * Rounds as a source of the {@link Outbox}: each write carries its audit entry, and the mails queued by that write
 * follow the entry out as {@link InquiryMail} events (at least once; each mail's id is stable).
 */
@Component
class RoundOutbox extends Outbox.Of<RoundDocument> {

    RoundOutbox() {
        super(RoundDocument.class, d -> d.id, d -> d.pending);
    }

    @Override
    public List<Object> followUps(RoundDocument document, PendingAudit entry) {
        return document.mails.stream().filter(m -> entry.entryId().equals(m.entryId))
                .<Object>map(m -> new InquiryMail(m.id, m.event, m.to, document.administration, m.model)).toList();
    }
}
