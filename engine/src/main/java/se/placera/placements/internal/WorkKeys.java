package se.placera.placements.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import se.placera.placements.ProcessDefinition;
import se.placera.placements.ProcessDefinition.Relation;
import se.placera.placements.ProcessDefinition.Transition;

/**
 * The keys of a case's work, kept on the case document ({@code workKeys}) under a unique index, so that a user's
 * tasks and decisions are found by one index look-up instead of a scan of every case (the embedded database uses
 * only unique indexes). A key is {@code holder|kind|caseId|item}: the holder is a user name, or
 * {@code @officers:<administration>} for the administration's placement officers; the kind is {@code t} (an open
 * task), {@code p} (a decision the holder may take now) or {@code d} (a decision the holder made). Every case has
 * one more key, {@code #|caseId}, so no case has an empty list. The keys are derived from the case and its process
 * version on every write; the case document stays the only truth ({@code WorkKeysEquivalenceTests} checks the
 * look-up against a scan).
 */
final class WorkKeys {

    static final String TASK = "t";
    static final String PENDING = "p";
    static final String MADE = "d";
    static final String OFFICERS = "@officers:";

    private WorkKeys() {
    }

    static List<String> of(CaseDocument c, ProcessDefinition process) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add("#|" + c.id);
        for (CaseDocument.CaseTask t : c.tasks) {
            if ("open".equals(t.status)) {
                keys.add(key(t.assignedTo != null ? t.assignedTo : OFFICERS + c.administration, TASK, c.id, t.id));
            }
        }
        if (process != null) {
            for (Transition t : process.transitionsFrom(c.state)) {
                if (t.decision()) {
                    for (String holder : holders(t.allowed(), c)) {
                        keys.add(key(holder, PENDING, c.id, t.verb()));
                    }
                }
            }
            for (int i = 0; i < c.history.size(); i++) {
                CaseDocument.Step s = c.history.get(i);
                if (s.by != null && process.transition(s.verb).map(Transition::decision).orElse(false)) {
                    keys.add(key(s.by, MADE, c.id, String.valueOf(i)));
                }
            }
        }
        return new ArrayList<>(keys);
    }

    private static Set<String> holders(Set<Relation> allowed, CaseDocument c) {
        Set<String> holders = new LinkedHashSet<>();
        boolean any = allowed.contains(Relation.INVOLVED);
        if ((any || allowed.contains(Relation.RESPONSIBLE)) && c.responsible != null) {
            holders.add(c.responsible);
        }
        if ((any || allowed.contains(Relation.COORDINATOR)) && c.coordinator != null) {
            holders.add(c.coordinator);
        }
        if (any || allowed.contains(Relation.PLACEMENT_OFFICER)) {
            holders.add(OFFICERS + c.administration);
        }
        return holders;
    }

    private static String key(String holder, String kind, String caseId, String item) {
        return holder + "|" + kind + "|" + caseId + "|" + item;
    }

    /** The regular expression of the keys of one kind held by any of {@code holders}. */
    static String pattern(Set<String> holders, String kind) {
        StringBuilder sb = new StringBuilder("^(?:");
        boolean first = true;
        for (String h : holders) {
            sb.append(first ? "" : "|").append(Pattern.quote(h));
            first = false;
        }
        return sb.append(")\\|").append(kind).append("\\|").toString();
    }

    /** The case id of a key. */
    static String caseOf(String key) {
        String[] parts = key.split("\\|");
        return parts.length >= 3 ? parts[parts.length - 2] : null;
    }
}
