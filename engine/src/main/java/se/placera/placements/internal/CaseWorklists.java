package se.placera.placements.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import se.placera.placements.ProcessDefinition;

/**
 * Where a user's work is: one document per holder and kind of work ({@code case_worklists}, keyed
 * {@code holder|kind}, the first two parts of a {@link WorkKeys work key}) listing the cases that may have keys of
 * that group. "Mina arbetsuppgifter" and "Mina beslut" read the user's few documents by primary key and then only
 * those cases by primary key: the embedded database answers a look-up of exact keys from its index, while the
 * prefix query on the cases' work keys it replaces walked every key of every case.
 *
 * <p>The list is a superset, never the truth: the case's own work keys decide, and every case read is checked
 * again. A case is added to a list <em>before</em> the case write that gives it a key of the group (so a key is
 * never without its list entry; a failed or refused write leaves an extra entry, which is harmless). A case
 * leaves a list only when it can never again have a key of the group there: tasks and pending decisions of a case
 * in a final state with no open task. Decisions made stay (the history only grows). A case that merely moved on
 * (another holder, another state) stays in the old list and is skipped when read, until it ends.
 */
@Component
class CaseWorklists {

    /** One holder's cases with work of one kind. */
    @Document("case_worklists")
    static class Worklist {
        @Id
        String id;
        Set<String> cases = new LinkedHashSet<>();
    }

    /** The marker of {@link #linkAll} having run over the cases written before the lists existed. */
    static final String BACKFILLED = "#linked-before-worklists";

    private final MongoTemplate mongo;

    CaseWorklists(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The list id ({@code holder|kind}) of a work key. */
    static String listOf(String key) {
        int kindEnd = key.indexOf('|', key.indexOf('|') + 1);
        return kindEnd < 0 ? null : key.substring(0, kindEnd);
    }

    private static Set<String> listsOf(Collection<String> keys) {
        Set<String> lists = new LinkedHashSet<>();
        if (keys != null) {
            for (String k : keys) {
                String list = listOf(k);
                if (list != null && !k.startsWith("#|")) {
                    lists.add(list);
                }
            }
        }
        return lists;
    }

    /** Before a case write: adds the case to the lists of its new keys that its stored keys did not have. */
    void beforeWrite(String caseId, Collection<String> storedKeys, Collection<String> newKeys) {
        Set<String> added = listsOf(newKeys);
        added.removeAll(listsOf(storedKeys));
        for (String list : added) {
            mongo.upsert(Query.query(Criteria.where("_id").is(list)), new Update().addToSet("cases", caseId),
                    Worklist.class);
        }
    }

    /** After a case write: takes an ended case out of the lists of tasks and pending decisions it has left. */
    void afterWrite(CaseDocument c, Collection<String> storedKeys, ProcessDefinition process) {
        if (!ended(c, process)) {
            return;
        }
        Set<String> left = listsOf(storedKeys);
        left.removeAll(listsOf(c.workKeys));
        left.removeIf(l -> l.endsWith("|" + WorkKeys.MADE));
        for (String list : left) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(list)), new Update().pull("cases", c.id),
                    Worklist.class);
        }
    }

    /** A case that cannot get a task or a pending decision again: in a final state, no open task. */
    static boolean ended(CaseDocument c, ProcessDefinition process) {
        return process != null && process.transitionsFrom(c.state).isEmpty()
                && c.tasks.stream().noneMatch(t -> "open".equals(t.status));
    }

    /** Takes ended cases found on reading out of a list (they cannot come back, so no write can race this). */
    void prune(String list, Collection<String> endedCases) {
        if (!endedCases.isEmpty()) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(list)),
                    new Update().pullAll("cases", endedCases.toArray()), Worklist.class);
        }
    }

    /** The cases on the lists of {@code kind} of the holders, by list. */
    Map<String, Set<String>> candidates(Collection<String> holders, String kind) {
        List<String> ids = holders.stream().map(h -> h + "|" + kind).toList();
        Map<String, Set<String>> found = new LinkedHashMap<>();
        for (Worklist w : mongo.find(Query.query(Criteria.where("_id").in(ids)), Worklist.class)) {
            found.put(w.id, w.cases);
        }
        return found;
    }

    /** Adds cases written without this class (before it existed, or loaded in bulk) to the lists of their keys. */
    void linkAll(Collection<CaseDocument> cases) {
        Map<String, List<String>> byList = new LinkedHashMap<>();
        for (CaseDocument c : cases) {
            for (String list : listsOf(c.workKeys)) {
                byList.computeIfAbsent(list, l -> new ArrayList<>()).add(c.id);
            }
        }
        byList.forEach((list, ids) -> mongo.upsert(Query.query(Criteria.where("_id").is(list)),
                new Update().addToSet("cases").each(ids.toArray()), Worklist.class));
    }

    /** Once per database: the cases written before the lists existed (one pass over their work keys only). */
    void backfill() {
        if (mongo.exists(Query.query(Criteria.where("_id").is(BACKFILLED)), Worklist.class)) {
            return;
        }
        Query q = new Query();
        q.fields().include("_id", "workKeys");
        List<CaseDocument> batch = new ArrayList<>();
        try (var all = mongo.stream(q, CaseDocument.class)) {
            all.forEach(c -> {
                batch.add(c);
                if (batch.size() == 1000) {
                    linkAll(batch);
                    batch.clear();
                }
            });
        }
        linkAll(batch);
        Worklist done = new Worklist();
        done.id = BACKFILLED;
        mongo.save(done);
    }
}
