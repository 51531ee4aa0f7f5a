package se.placera.audit.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.model.Filters;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import se.placera.shared.AuditTrail;

/**
 * The audit log's entries of one case, found without scanning the log (the embedded database answers only queries
 * on a unique index without a scan): one pointer document per case ({@code audit_case_index}, keyed by the case id)
 * holds the sequence numbers of the case's entries, and the entries are read by their primary key.
 *
 * <p>The pointer is written before the entry, inside the log's append lock, so an entry of a case is never without
 * its pointer. A crash between the two, or a sequence number taken by another instance first, leaves a pointer to
 * an entry of something else (or to none); the read checks every entry against the rule of {@link AuditTrail} and
 * drops those, so such a pointer is harmless.
 */
@Component
class CaseTrail implements AuditTrail {

    /** Pointers of one case. */
    @Document("audit_case_index")
    static class Pointers {
        @Id
        String caseId;
        List<Long> seqs = new ArrayList<>();
    }

    /** The marker of {@link #linkOlderEntries()}; not a case id (those are UUIDs). */
    static final String BACKFILLED = "#linked-before-index";

    /**
     * Entries already read, by sequence number, with the case each belongs to. An entry never changes once written
     * (the chain's hashes would show it), so a repeated read of a case's log looks up only the entries it has not
     * seen; the first read of a long log still reads them all. Bounded, least recently used out first.
     */
    private final Map<Long, Cached> cache;

    private final MongoTemplate mongo;

    record Cached(String caseId, Entry entry) {
    }

    CaseTrail(MongoTemplate mongo,
            @Value("${placera.audit.case-trail-cache-entries:20000}") int cacheEntries) {
        this.mongo = mongo;
        this.cache = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Cached> eldest) {
                return size() > cacheEntries;
            }
        });
    }

    /** Called by the log before it inserts {@code e} with its sequence number. */
    void link(AuditEntry e) {
        String caseId = AuditTrail.caseOf(e.subjectType, e.subjectId, e.outcome, e.details);
        if (caseId != null) {
            mongo.upsert(Query.query(Criteria.where("_id").is(caseId)), new Update().addToSet("seqs", e.seq),
                    Pointers.class);
        }
    }

    /**
     * Once per database: links the entries written before the index existed (in ranges of sequence numbers, so no
     * reply grows with the log). A marker document records that it ran; linking twice changes nothing.
     */
    @EventListener(ApplicationReadyEvent.class)
    void linkOlderEntries() {
        if (mongo.exists(Query.query(Criteria.where("_id").is(BACKFILLED)), Pointers.class)) {
            return;
        }
        long from = 1;
        while (true) {
            // Only the fields the rule reads: entries from before the bounds can be megabytes each.
            Query range = Query.query(Criteria.where("_id").gte(from).lt(from + 1000));
            range.fields().include("_id", "subjectType", "subjectId", "outcome", "details." + CASE_ID,
                    "details.subjectType", "details.subjectId", "hash", AuditStorage.HASH);
            for (String f : List.of("subjectType", "subjectId", "outcome", "details." + CASE_ID, "details.subjectType",
                    "details.subjectId")) {
                range.fields().include(AuditStorage.stored(f));
            }
            List<AuditEntry> page = mongo.find(range, org.bson.Document.class, AuditStorage.COLLECTION).stream()
                    .map(d -> AuditStorage.fromStored(d, null)).toList();
            if (page.isEmpty() && !mongo.exists(Query.query(Criteria.where("_id").gte(from)),
                    AuditStorage.COLLECTION)) {
                break;
            }
            page.forEach(this::link);
            from += 1000;
        }
        Pointers done = new Pointers();
        done.caseId = BACKFILLED;
        mongo.save(done);
    }

    @Override
    public List<Entry> ofCase(String caseId, int limit) {
        Pointers p = caseId == null ? null : mongo.findById(caseId, Pointers.class);
        if (p == null || p.seqs.isEmpty() || limit <= 0) {
            return List.of();
        }
        List<Long> seqs = p.seqs.stream().sorted(Comparator.reverseOrder()).distinct().toList();
        List<Entry> found = new ArrayList<>();
        // Newest first, in slices, until the limit is reached (a slice may hold stale pointers).
        for (int i = 0; i < seqs.size() && found.size() < limit; i += 1000) {
            List<Long> slice = seqs.subList(i, Math.min(seqs.size(), i + 1000));
            List<Long> unseen = new ArrayList<>();
            for (Long seq : slice) {
                Cached c = cache.get(seq);
                if (c == null) {
                    unseen.add(seq);
                } else if (caseId.equals(c.caseId())) {
                    found.add(c.entry());
                }
            }
            if (unseen.isEmpty()) {
                continue;
            }
            // The driver's documents as they come (mapping hundreds of entries through Spring Data took most of the
            // read), read in either stored form (AuditStorage).
            for (org.bson.Document d : mongo.getCollection(AuditStorage.COLLECTION).find(Filters.in("_id", unseen))) {
                AuditEntry e = AuditStorage.fromStored(d, null);
                String of = AuditTrail.caseOf(e.subjectType, e.subjectId, e.outcome, e.details);
                Entry entry = new Entry(e.seq, e.at, e.actor, e.action, e.subjectType, e.subjectId, e.outcome,
                        e.details == null ? null : Collections.unmodifiableMap(e.details));
                cache.put(e.seq, new Cached(of, entry));
                if (caseId.equals(of)) {
                    found.add(entry);
                }
            }
        }
        return found.stream().sorted(Comparator.comparingLong(Entry::seq).reversed()).limit(limit)
                .sorted(Comparator.comparingLong(Entry::seq)).toList();
    }
}
