package se.placera.placements.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import se.placera.shared.Outbox;
import se.placera.shared.PendingAudit;

/** Case notes as a source of the {@link Outbox}: a note is written with its audit entry. */
@Component
class NoteOutbox implements Outbox.Source<NoteDocument> {

    @Override
    public Class<NoteDocument> type() {
        return NoteDocument.class;
    }

    @Override
    public String idOf(NoteDocument document) {
        return document.id;
    }

    @Override
    public List<PendingAudit> pending(NoteDocument document) {
        return document.pending;
    }
}
