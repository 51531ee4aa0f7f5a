package se.placera.placements.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import se.placera.shared.PendingAudit;

/**
 * A note in a case's log (PA-12): written once, never edited; a correction is a new note that points at the old
 * one ({@link #corrects}).
 */
@Document("case_notes")
class NoteDocument {

    @Id
    String id;
    @Indexed
    String caseId;
    String administration;
    String author;
    String authorName;
    String role;
    Instant at;
    String text;
    String corrects;
    @Version
    Long revision;
    List<PendingAudit> pending;
}
