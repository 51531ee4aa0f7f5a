package se.placera.placements;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The event log of a case (PA-11): every event of the case and of the documents filled in on it, oldest first,
 * drawn from the audit log. Only for those who may see the case (404 otherwise); the read is audited.
 */
public interface CaseEvents {

    /** Kinds of event, for the filter. */
    Set<String> KINDS = Set.of("case", "note", "transfer", "document", "inquiry", "access", "other");

    /**
     * @param kinds the kinds to show (empty: all)
     * @param text  words that must all occur in the event (actor, action, states, note text, details), any case
     */
    List<CaseEvent> events(String caseId, Set<String> kinds, String text);

    /**
     * One event. {@code from}/{@code to} and their titles for a change of state; {@code text} the note's text for
     * a note; {@code document} the form, inquiry or other document the event is about.
     */
    record CaseEvent(long seq, Instant at, String actor, String action, String kind, String outcome, String from,
            String fromTitle, String to, String toTitle, String text, CaseDocumentRef document,
            Map<String, Object> details) {
    }

    /** A document of the case: {@code type} (response, inquiry …), its id and, for a form, its method. */
    record CaseDocumentRef(String type, String id, String methodId) {
    }
}
