package se.placera.placements.internal;


import org.springframework.stereotype.Component;

import se.placera.shared.Outbox;

/** Cases as a source of the {@link Outbox}: each write of a case carries its audit entry. */
@Component
class CaseOutbox extends Outbox.Of<CaseDocument> {

    CaseOutbox() {
        super(CaseDocument.class, d -> d.id, d -> d.pending);
    }
}
