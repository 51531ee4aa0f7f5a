package se.placera.placements.internal;


import org.springframework.stereotype.Component;

import se.placera.shared.Outbox;

/** Case notes as a source of the {@link Outbox}: a note is written with its audit entry. */
@Component
class NoteOutbox extends Outbox.Of<NoteDocument> {

    NoteOutbox() {
        super(NoteDocument.class, d -> d.id, d -> d.pending);
    }
}
