package se.placera.placements.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import se.placera.placements.CaseEvents;
import se.placera.placements.PlacementProblemCodes;
import se.placera.placements.ProcessDefinition;
import se.placera.security.AccessLevel;
import se.placera.security.CurrentUser;
import se.placera.shared.AuditTrail;
import se.placera.shared.Audited;
import se.placera.shared.PlaceraException;
import se.placera.shared.Problem;

/**
 * The event log of a case (PA-11): the audit log's entries of the case ({@link AuditTrail}), each given its kind,
 * the titles of the states it moved between and, for a note, the note's text, then filtered by kind and text.
 * The case is loaded first with the same check as every case read (404 outside the user's cases).
 */
@Service
class CaseEventLog implements CaseEvents {

    /** The most entries one read shows (the newest). */
    static final int MAX_EVENTS = 5000;
    static final int MAX_QUERY = 200;

    private final CaseService cases;
    private final AuditTrail trail;
    private final MongoTemplate mongo;
    private final ApplicationEventPublisher events;

    /**
     * Notes' texts already read (id, case and text only). A note is never edited in place (a correction is a new
     * note), so a repeated read of a log looks up only the notes it has not seen. Bounded, least recently used out.
     */
    private final Map<String, NoteDocument> noteCache;

    CaseEventLog(CaseService cases, AuditTrail trail, MongoTemplate mongo, ApplicationEventPublisher events,
            @Value("${placera.cases.note-cache-entries:20000}") int noteCacheEntries) {
        this.noteCache = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, NoteDocument> eldest) {
                return size() > noteCacheEntries;
            }
        });
        this.cases = cases;
        this.trail = trail;
        this.mongo = mongo;
        this.events = events;
    }

    @Override
    public List<CaseEvent> events(String caseId, Set<String> kinds, String text) {
        CurrentUser user = cases.require(AccessLevel.READ);
        List<Problem> problems = new ArrayList<>();
        Set<String> wanted = kinds == null ? Set.of() : kinds;
        int i = 0;
        for (String k : wanted) {
            if (!KINDS.contains(k)) {
                problems.add(new Problem("/kind/" + i, "case.unknown-kind", "Kinds are " + KINDS.stream().sorted()
                        .toList() + "."));
            }
            i++;
        }
        if (text != null && text.length() > MAX_QUERY) {
            problems.add(new Problem("/q", "size", "At most " + MAX_QUERY + " characters."));
        }
        if (!problems.isEmpty()) {
            throw PlaceraException.invalid(PlacementProblemCodes.INVALID, "The filter has errors.", problems);
        }
        CaseDocument c = cases.load(caseId, user, "case.events.read");
        ProcessDefinition process;
        try {
            process = cases.process(c);
        } catch (RuntimeException e) {
            process = null;
        }
        List<AuditTrail.Entry> entries = trail.ofCase(c.id, MAX_EVENTS);
        // The notes' texts by primary key (the ids the entries name), in slices: a query on the notes' case id
        // would scan every note (the embedded database uses only unique indexes).
        List<String> noteIds = new ArrayList<>();
        for (AuditTrail.Entry e : entries) {
            if ("case.note".equals(e.action()) && e.details() != null && e.details().get("noteId") instanceof String id) {
                noteIds.add(id);
            }
        }
        Map<String, NoteDocument> notes = new HashMap<>();
        List<String> unseen = new ArrayList<>();
        for (String id : noteIds) {
            NoteDocument n = noteCache.get(id);
            if (n == null) {
                unseen.add(id);
            } else if (c.id.equals(n.caseId)) {
                notes.put(id, n);
            }
        }
        for (int from = 0; from < unseen.size(); from += 1000) {
            Query noteQuery = Query.query(Criteria.where("_id").in(unseen.subList(from,
                    Math.min(unseen.size(), from + 1000))));
            noteQuery.fields().include("_id", "caseId", "text");
            for (NoteDocument n : mongo.find(noteQuery, NoteDocument.class)) {
                noteCache.put(n.id, n);
                if (c.id.equals(n.caseId)) {
                    notes.put(n.id, n);
                }
            }
        }
        String[] words = text == null || text.isBlank() ? new String[0]
                : text.strip().toLowerCase(Locale.ROOT).split("\\s+");
        List<CaseEvent> shown = new ArrayList<>();
        for (AuditTrail.Entry e : entries) {
            CaseEvent event = event(e, process, notes);
            if ((wanted.isEmpty() || wanted.contains(event.kind())) && matches(event, words)) {
                shown.add(event);
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("count", shown.size());
        if (!wanted.isEmpty()) {
            details.put("kinds", wanted.stream().sorted().toList());
        }
        if (words.length > 0) {
            details.put("searched", true);
        }
        // The read is audited (the words searched for are not: they may be a name).
        events.publishEvent(new Audited("case.events.read", "case", c.id, c.administration, "success", details));
        return shown;
    }

    /**
     * The state a transition left or entered: audit details store it as {@code changes = [{field: state, before,
     * after}]}; older entries as {@code from}/{@code to}.
     */
    private static Object stateOf(Map<String, Object> d, String legacy, String side) {
        if (d.get(legacy) != null) {
            return d.get(legacy);
        }
        if (d.get("changes") instanceof List<?> changes) {
            for (Object c : changes) {
                if (c instanceof Map<?, ?> m && "state".equals(m.get("field"))) {
                    return m.get(side);
                }
            }
        }
        return null;
    }

    private static CaseEvent event(AuditTrail.Entry e, ProcessDefinition process, Map<String, NoteDocument> notes) {
        Map<String, Object> d = e.details() == null ? Map.of() : e.details();
        String kind = kindOf(e, process);
        String from = stateOf(d, "from", "before") instanceof String s && "case".equals(kind) ? s : null;
        String to = stateOf(d, "to", "after") instanceof String s && "case".equals(kind) ? s
                : "case.create".equals(e.action()) && d.get("state") instanceof String s ? s : null;
        String text = null;
        if ("case.note".equals(e.action()) && d.get("noteId") instanceof String id && notes.containsKey(id)) {
            text = notes.get(id).text;
        }
        CaseDocumentRef document = null;
        if ("response".equals(e.subjectType())) {
            document = new CaseDocumentRef("response", e.subjectId(), d.get("methodId") instanceof String m ? m : null);
        } else if (d.get("responseId") instanceof String r) {
            document = new CaseDocumentRef("response", r, d.get("methodId") instanceof String m ? m : null);
        } else if (!"case".equals(e.subjectType()) && e.subjectType() != null) {
            document = new CaseDocumentRef(e.subjectType(), e.subjectId(), null);
        }
        return new CaseEvent(e.seq(), e.at(), e.actor(), e.action(), kind, e.outcome(), from,
                title(process, from), to, title(process, to), text, document, d);
    }

    static String kindOf(AuditTrail.Entry e, ProcessDefinition process) {
        String a = e.action() == null ? "" : e.action();
        if (a.equals("case.create")) {
            return "case";
        }
        if (a.equals("case.note")) {
            return "note";
        }
        if (a.equals("case.transfer")) {
            return "transfer";
        }
        if (a.endsWith(".read") || a.endsWith(".list") || a.equals("case.identity.reveal") || a.equals("case.search")) {
            return "access";
        }
        if (a.equals("case.method-submitted") || "response".equals(e.subjectType())) {
            return "document";
        }
        if (a.startsWith("case.") && (process != null ? process.transition(a.substring(5)).isPresent()
                : e.details() != null && stateOf(e.details(), "to", "after") != null)) {
            return "case";
        }
        if (a.startsWith("inquiry") || a.startsWith("decision") || "inquiry".equals(e.subjectType())) {
            return "inquiry";
        }
        return "other";
    }

    private static boolean matches(CaseEvent e, String[] words) {
        if (words.length == 0) {
            return true;
        }
        String hay = String.join(" ", String.valueOf(e.actor()), String.valueOf(e.action()), e.kind(),
                String.valueOf(e.fromTitle()), String.valueOf(e.toTitle()), String.valueOf(e.text()),
                e.document() == null ? "" : e.document().type() + " " + e.document().methodId(),
                String.valueOf(e.details())).toLowerCase(Locale.ROOT);
        for (String w : words) {
            if (!hay.contains(w)) {
                return false;
            }
        }
        return true;
    }

    private static String title(ProcessDefinition process, String state) {
        return state == null ? null
                : process == null ? state : process.state(state).map(ProcessDefinition.State::title).orElse(state);
    }
}
