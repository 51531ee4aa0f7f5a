package se.placera.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import se.placera.security.AccessScope;
import se.placera.security.CurrentUser;
import se.placera.security.CurrentUsers;
import se.placera.shared.Audited;
import se.placera.shared.PendingAudit;

/**
 * Appends {@link Audited} events to the hash-chained log, synchronously in the publishing thread, and
 * {@link PendingAudit} entries delivered by the outbox (idempotently: an entry id already in the log is not
 * appended again). Appends are serialised by a lock; the sequence number is the primary key, so even a second
 * instance cannot fork the chain (its insert fails on the duplicate key, and it re-reads the head and retries).
 * Every entry is bounded ({@link AuditBounds}); the user name of a failed login is kept only as a keyed hash.
 * Reads (search, verification, reports) go in batches of {@code placera.audit.read-batch} entries, so no
 * database reply grows with the log.
 */
@Service
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    /** What a verification found. */
    public record Verification(boolean valid, long entriesChecked, Long firstBrokenSeq, String reason) {
    }

    /** Search criteria; each is optional. */
    public record Search(String subjectType, String subjectId, String actor, String action, String administration,
            Instant from, Instant to, int page, int size) {
    }

    /** The actor of an entry made without a signed-in user for an unauthenticated attempt (a failed login). */
    static final String ANONYMOUS = "anonymous";

    private final MongoTemplate mongo;
    private final CurrentUsers users;
    private final AccessScope scope;
    private final Clock clock;
    private final AuditBounds bounds;
    private final Pseudonyms pseudonyms;
    private final CaseTrail cases;
    private final int batch;
    private final ReentrantLock lock = new ReentrantLock();
    /** When this instance started: an outbox entry made since was never delivered by code older than #18. */
    private final Instant startedAt;
    /** Whether the unique index on the entry id holds ({@link #indexEntryIds}): then it guards a first delivery. */
    private volatile boolean entryIdsUnique;
    private long headSeq = -1;
    private String headHash;

    AuditLog(MongoTemplate mongo, CurrentUsers users, AccessScope scope, Clock clock, AuditProperties props,
            Pseudonyms pseudonyms, CaseTrail cases) {
        this.mongo = mongo;
        this.users = users;
        this.scope = scope;
        this.clock = clock;
        this.bounds = new AuditBounds(props);
        this.pseudonyms = pseudonyms;
        this.cases = cases;
        this.batch = props.readBatch();
        this.startedAt = clock.instant();
    }

    /**
     * A unique, sparse index on {@code entryId}: the idempotency check of every outbox delivery ({@link #append})
     * is then a look-up of one key. The embedded database uses only unique indexes, and only for a query on
     * exactly their fields; without it every delivery scanned the whole log. Entries appended directly have no
     * entry id (sparse). A database whose log already holds a duplicate entry id (two instances racing before
     * this index) keeps working without the index, as before, and says so.
     */
    @jakarta.annotation.PostConstruct
    void indexEntryIds() {
        try {
            var ops = mongo.indexOps(AuditStorage.COLLECTION);
            ops.createIndex(new org.springframework.data.mongodb.core.index.Index(
                    AuditStorage.stored("entryId"), Sort.Direction.ASC).unique().sparse().named("e_unique"));
            ops.createIndex(new org.springframework.data.mongodb.core.index.Index(
                    "entryId", Sort.Direction.ASC).unique().sparse().named("entryId_unique"));
            entryIdsUnique = true;
        } catch (DataAccessException | com.mongodb.MongoException e) {
            log.warn("The audit log's entry ids are not unique; outbox deliveries look them up without an index ({})",
                    e.getMessage());
        }
    }

    @EventListener
    public void on(Audited event) {
        Optional<CurrentUser> user = users.find();
        Object named = event.details() == null ? null : event.details().get("username");
        String actor = user.map(CurrentUser::username).orElse(
                "login.failure".equals(event.action()) || named instanceof Audited.Pseudonymous ? ANONYMOUS
                        : named instanceof String s && !s.isBlank() ? s : "system");
        append(entry(event, actor, user.map(CurrentUser::administrationId).orElse(null),
                clock.instant(), null), false);
    }

    /** An entry delivered by the outbox: appended once, however often it is delivered. */
    @EventListener
    public void on(PendingAudit pending) {
        // A first delivery right after the write (the request path) is not looked up first: the unique index on
        // the entry id refuses a second copy (issue #18, item 3: two reads fewer per write). An entry older than
        // this instance may have been delivered in the older, long form, which that index does not cover.
        boolean lookUpFirst = !entryIdsUnique || pending.at() == null || pending.at().isBefore(startedAt);
        append(entry(pending.audited(), pending.actor() == null ? "system" : pending.actor(),
                pending.actorAdministration(), pending.at() == null ? clock.instant() : pending.at(),
                pending.entryId()), lookUpFirst);
    }

    private AuditEntry entry(Audited event, String actor, String actorAdministration, Instant at, String entryId) {
        var e = new AuditEntry();
        e.v = AuditChain.VERSION;
        e.entryId = bounds.text(entryId);
        e.at = at.truncatedTo(ChronoUnit.MILLIS);
        e.actor = bounds.text(actor);
        e.actorAdministration = bounds.text(actorAdministration);
        e.action = bounds.text(event.action());
        e.subjectType = bounds.text(event.subjectType());
        e.subjectId = bounds.text(event.subjectId());
        e.administration = bounds.text(event.administration());
        e.outcome = bounds.text(event.outcome() == null ? "success" : event.outcome());
        Map<String, Object> details = new LinkedHashMap<>();
        if (event.details() != null) {
            details.putAll(event.details());
        }
        if ("login.failure".equals(event.action())) {
            // Whatever the caller passed: the name tried is never stored as typed (it may be a personnummer).
            if (details.get("username") instanceof String s) {
                details.put("username", Audited.pseudonymous(s));
            }
            if (named(event) != null && named(event).equals(event.subjectId())) {
                e.subjectId = null;
            }
        }
        details.replaceAll((k, v) -> v instanceof Audited.Pseudonymous p ? pseudonym(p.value()) : v);
        e.details = bounds.details(details);
        return e;
    }

    private static String named(Audited event) {
        return event.details() == null ? null : switch (event.details().get("username")) {
            case String s -> s;
            case Audited.Pseudonymous p -> p.value();
            case null, default -> null;
        };
    }

    private Map<String, Object> pseudonym(String value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hmac", pseudonyms.of(value));
        m.put("length", (long) value.length());
        return m;
    }

    /** Appends an entry at the head of the chain (unless an entry with its entry id is there already). */
    void append(AuditEntry e) {
        append(e, true);
    }

    /**
     * Appends an entry at the head of the chain; an entry with the same entry id is appended once. With
     * {@code lookUpFirst} the log is searched for the entry id before; without, the unique index on it refuses a
     * second copy and the refusal is recognised by the same look-up (only then).
     */
    private void append(AuditEntry e, boolean lookUpFirst) {
        lock.lock();
        try {
            if (e.entryId != null && lookUpFirst && delivered(e.entryId)) {
                return;
            }
            for (int attempt = 0; ; attempt++) {
                if (headSeq < 0 || attempt > 0) {
                    readHead();
                }
                e.seq = headSeq + 1;
                e.prevHash = headHash;
                e.hash = AuditChain.hash(e);
                // The case's pointer first: an entry of a case is never without it (CaseTrail).
                cases.link(e);
                try {
                    mongo.insert(stored(e), AuditStorage.COLLECTION);
                    headSeq = e.seq;
                    headHash = e.hash;
                    return;
                } catch (DuplicateKeyException dup) {
                    if (e.entryId != null && !lookUpFirst && delivered(e.entryId)) {
                        return; // delivered before: the unique entry id refused the copy
                    }
                    if (attempt >= 5) {
                        throw dup;
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether an entry with this entry id is in the log: a find by the indexed field alone ({@link #indexEntryIds}),
     * in the compact form and the older long one. Not {@code exists}, which the embedded database answers with a
     * count that scans the whole log, nor an {@code $or}, which it answers without an index.
     */
    private boolean delivered(String entryId) {
        for (String field : List.of(AuditStorage.stored("entryId"), "entryId")) {
            Query q = Query.query(Criteria.where(field).is(entryId));
            q.fields().include("_id");
            if (mongo.findOne(q, org.bson.Document.class, AuditStorage.COLLECTION) != null) {
                return true;
            }
        }
        return false;
    }

    /** The compact stored form, its details as Spring Data writes a map (enums by name and so on). */
    private org.bson.Document stored(AuditEntry e) {
        org.bson.Document d = AuditStorage.toStored(e);
        if (d.get("d") != null) {
            d.put("d", mongo.getConverter().convertToMongoType(d.get("d")));
        }
        return d;
    }

    private void readHead() {
        Query q = new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1);
        q.fields().include("_id", "hash", AuditStorage.HASH);
        org.bson.Document last = mongo.findOne(q, org.bson.Document.class, AuditStorage.COLLECTION);
        headSeq = last == null ? 0 : ((Number) last.get("_id")).longValue();
        headHash = last == null ? AuditChain.GENESIS : AuditStorage.fromStored(last, null).hash;
    }

    /**
     * Walks the chain from the first entry in ranges of sequence numbers ({@code read-batch} at a time, fewer
     * when a range is too large to read at once); reports the first entry whose link is broken.
     */
    public Verification verify() {
        long expectedSeq = 1;
        String prev = AuditChain.GENESIS;
        long checked = 0;
        java.util.Map<Long, String> seals = new java.util.HashMap<>();
        mongo.findAll(AuditSeal.class).forEach(s -> seals.put(s.lastSeq, s.lastHash));
        // Entries before a seal may have been archived: the live chain starts after the newest such seal.
        Query first = new Query().with(Sort.by(Sort.Direction.ASC, "_id")).limit(1);
        first.fields().include("_id");
        org.bson.Document lowest = mongo.findOne(first, org.bson.Document.class, AuditStorage.COLLECTION);
        long low = lowest == null ? 1 : ((Number) lowest.get("_id")).longValue();
        if (low > 1) {
            Long sealed = seals.keySet().stream().filter(last -> last < low).max(Long::compare).orElse(null);
            if (sealed != null) {
                expectedSeq = sealed + 1;
                prev = seals.get(sealed);
            }
        }
        while (true) {
            List<org.bson.Document> page = range(expectedSeq, batch);
            if (page.isEmpty()) {
                boolean more = mongo.exists(Query.query(Criteria.where("_id").gte(expectedSeq)),
                        AuditStorage.COLLECTION);
                return more ? new Verification(false, checked, expectedSeq, "missing entry")
                        : new Verification(true, checked, null, null);
            }
            for (org.bson.Document stored : page) {
                // A compact entry does not store its previous hash: it is the hash just checked.
                AuditEntry e = AuditStorage.fromStored(stored, prev);
                if (e.seq != expectedSeq) {
                    return new Verification(false, checked, expectedSeq, "missing entry");
                }
                if (!prev.equals(e.prevHash)) {
                    return new Verification(false, checked, e.seq, "previous hash does not match");
                }
                if (!AuditChain.hash(e).equals(e.hash)) {
                    return new Verification(false, checked, e.seq, "entry was changed");
                }
                if (seals.containsKey(e.seq) && !seals.get(e.seq).equals(e.hash)) {
                    return new Verification(false, checked, e.seq, "seal does not match");
                }
                prev = e.hash;
                expectedSeq++;
                checked++;
            }
        }
    }

    /**
     * Seals the chain up to {@code lastSeq} (docs/audit.md): checks that the chain is valid, then records the
     * entry's hash, so that the entries up to it may be archived and removed while verification still spans them.
     * Removing them is the operator's step, after the export.
     */
    public AuditSeal seal(long lastSeq, String sealedBy, String archive, String archiveSha256) {
        Verification v = verify();
        if (!v.valid()) {
            throw new IllegalStateException("The chain is broken at " + v.firstBrokenSeq() + ": " + v.reason());
        }
        org.bson.Document last = mongo.findOne(Query.query(Criteria.where("_id").is(lastSeq)),
                org.bson.Document.class, AuditStorage.COLLECTION);
        if (last == null) {
            throw new IllegalArgumentException("No entry " + lastSeq + " in the live log");
        }
        AuditSeal previous = mongo.findOne(new Query(Criteria.where("_id").lt(lastSeq))
                .with(Sort.by(Sort.Direction.DESC, "_id")).limit(1), AuditSeal.class);
        var seal = new AuditSeal();
        seal.lastSeq = lastSeq;
        seal.firstSeq = previous == null ? 1 : previous.lastSeq + 1;
        seal.lastHash = AuditStorage.fromStored(last, null).hash;
        seal.sealedAt = clock.instant();
        seal.sealedBy = sealedBy;
        seal.archive = archive;
        seal.archiveSha256 = archiveSha256;
        mongo.insert(seal);
        return seal;
    }

    /**
     * The entries with sequence numbers in {@code [from, from + n)}, or a shorter range starting at {@code from}
     * when the reply would be too large (entries written before entries were bounded can be megabytes each).
     */
    private List<org.bson.Document> range(long from, int n) {
        try {
            return mongo.find(Query.query(Criteria.where("_id").gte(from).lt(from + n))
                    .with(Sort.by(Sort.Direction.ASC, "_id")), org.bson.Document.class, AuditStorage.COLLECTION);
        } catch (DataAccessException e) {
            if (n <= 1) {
                throw e;
            }
            log.warn("Reading audit entries {}..{} failed ({}); reading fewer at a time", from, from + n - 1,
                    e.getMessage());
            return range(from, n / 2);
        }
    }

    /** One page of a search, and how many entries match in all. */
    public record Found(List<AuditEntry> entries, long total) {
    }

    /**
     * Searches entries; those of other administrations than the user may see are left out (GD-1). The page is
     * read in batches (newest first, continuing below the last sequence number read), so one database reply
     * holds at most {@code read-batch} entries. A failed login is found by the name tried ({@code actor}),
     * hashed with the same key as when it was stored.
     */
    public Found search(Search s) {
        List<Criteria> all = new ArrayList<>();
        // Entries of both stored forms (AuditStorage): an entry without an administration is in neither field.
        all.add(new Criteria().orOperator(
                new Criteria().andOperator(Criteria.where("administration").is(null),
                        Criteria.where(AuditStorage.stored("administration")).is(null)),
                scope.criteria("administration"), scope.criteria(AuditStorage.stored("administration"))));
        if (notBlank(s.subjectType())) {
            all.add(AuditStorage.is("subjectType", s.subjectType()));
        }
        if (notBlank(s.subjectId())) {
            all.add(new Criteria().orOperator(AuditStorage.is("subjectId", s.subjectId()),
                    AuditStorage.is("details.subjectId", s.subjectId())));
        }
        if (notBlank(s.actor())) {
            all.add(new Criteria().orOperator(AuditStorage.is("actor", s.actor()),
                    AuditStorage.is("details.username.hmac", pseudonyms.of(s.actor()))));
        }
        if (notBlank(s.action())) {
            all.add(s.action().endsWith("*")
                    ? AuditStorage.field("action", f -> Criteria.where(f).regex("^" + java.util.regex.Pattern.quote(
                            s.action().substring(0, s.action().length() - 1))))
                    : AuditStorage.is("action", s.action()));
        }
        if (notBlank(s.administration())) {
            all.add(AuditStorage.is("administration", s.administration()));
        }
        if (s.from() != null) {
            all.add(AuditStorage.field("at", f -> Criteria.where(f).gte(s.from())));
        }
        if (s.to() != null) {
            all.add(AuditStorage.field("at", f -> Criteria.where(f).lt(s.to())));
        }
        int size = Math.min(Math.max(s.size(), 1), 1000);
        List<AuditEntry> entries = new ArrayList<>(Math.min(size, batch));
        long skip = (long) Math.max(s.page(), 0) * size;
        Long below = null;
        while (entries.size() < size) {
            List<Criteria> c = new ArrayList<>(all);
            if (below != null) {
                c.add(Criteria.where("_id").lt(below));
            }
            List<AuditEntry> read = newest(new Criteria().andOperator(c), below == null ? skip : 0,
                    Math.min(batch, size - entries.size()));
            if (read.isEmpty()) {
                break;
            }
            read.forEach(e -> entries.add(forDisplay(e)));
            below = read.getLast().seq;
        }
        return new Found(entries, mongo.count(Query.query(new Criteria().andOperator(all)), AuditStorage.COLLECTION));
    }

    private List<AuditEntry> newest(Criteria c, long skip, int n) {
        try {
            return mongo.find(Query.query(c).with(Sort.by(Sort.Direction.DESC, "_id")).skip(skip).limit(n),
                    org.bson.Document.class, AuditStorage.COLLECTION).stream()
                    .map(d -> AuditStorage.fromStored(d, null)).toList();
        } catch (DataAccessException e) {
            if (n <= 1) {
                throw e;
            }
            return newest(c, skip, n / 2);
        }
    }

    /** An entry as shown: entries from before the bounds existed are cut to them (the stored entry is kept). */
    private AuditEntry forDisplay(AuditEntry e) {
        if (e.v != null) {
            return e;
        }
        e.actor = bounds.text(e.actor);
        e.action = bounds.text(e.action);
        e.subjectType = bounds.text(e.subjectType);
        e.subjectId = bounds.text(e.subjectId);
        e.administration = bounds.text(e.administration);
        e.details = bounds.details(e.details);
        return e;
    }

    /** Entries of some actions in a period, oldest first, handed over in batches (for reports). */
    public void forEach(List<String> actions, Instant from, Instant to, Consumer<AuditEntry> each) {
        long after = 0;
        while (true) {
            List<Criteria> all = new ArrayList<>();
            all.add(AuditStorage.field("action", f -> Criteria.where(f).in(actions)));
            all.add(Criteria.where("_id").gt(after));
            if (from != null) {
                all.add(AuditStorage.field("at", f -> Criteria.where(f).gte(from)));
            }
            if (to != null) {
                all.add(AuditStorage.field("at", f -> Criteria.where(f).lt(to)));
            }
            Query q = Query.query(new Criteria().andOperator(all)).with(Sort.by(Sort.Direction.ASC, "_id"))
                    .limit(batch);
            List<AuditEntry> read = mongo.find(q, org.bson.Document.class, AuditStorage.COLLECTION).stream()
                    .map(d -> AuditStorage.fromStored(d, null)).toList();
            read.forEach(each);
            if (read.size() < batch) {
                return;
            }
            after = read.getLast().seq;
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
