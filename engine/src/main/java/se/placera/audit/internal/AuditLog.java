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

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import se.placera.security.CurrentUser;
import se.placera.security.CurrentUsers;
import se.placera.shared.Audited;

/**
 * Appends {@link Audited} events to the hash-chained log, synchronously in the publishing thread (no
 * transactions: an event that cannot be recorded fails the action that caused it). Appends are serialised by
 * a lock; the sequence number is the primary key, so even a second instance cannot fork the chain (its
 * insert fails on the duplicate key, and it re-reads the head and retries).
 */
@Service
public class AuditLog {

    /** What a verification found. */
    public record Verification(boolean valid, long entriesChecked, Long firstBrokenSeq, String reason) {
    }

    /** Search criteria; each is optional. */
    public record Search(String subjectType, String subjectId, String actor, String action, String administration,
            Instant from, Instant to, int page, int size) {
    }

    private final MongoTemplate mongo;
    private final CurrentUsers users;
    private final se.placera.security.AccessScope scope;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private long headSeq = -1;
    private String headHash;

    AuditLog(MongoTemplate mongo, CurrentUsers users, se.placera.security.AccessScope scope, Optional<Clock> clock) {
        this.mongo = mongo;
        this.users = users;
        this.scope = scope;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @EventListener
    public void on(Audited event) {
        Optional<CurrentUser> user = users.find();
        var e = new AuditEntry();
        e.at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Object named = event.details() == null ? null : event.details().get("username");
        e.actor = user.map(CurrentUser::username)
                .orElse(named instanceof String s && !s.isBlank() ? s : "system");
        e.actorAdministration = user.map(CurrentUser::administrationId).orElse(null);
        e.action = event.action();
        e.subjectType = event.subjectType();
        e.subjectId = event.subjectId();
        e.administration = event.administration();
        e.outcome = event.outcome() == null ? "success" : event.outcome();
        e.details = flatten(event.details());
        append(e);
    }

    /** Appends an entry at the head of the chain. */
    void append(AuditEntry e) {
        lock.lock();
        try {
            for (int attempt = 0; ; attempt++) {
                if (headSeq < 0 || attempt > 0) {
                    readHead();
                }
                e.seq = headSeq + 1;
                e.prevHash = headHash;
                e.hash = AuditChain.hash(e);
                try {
                    mongo.insert(e);
                    headSeq = e.seq;
                    headHash = e.hash;
                    return;
                } catch (DuplicateKeyException dup) {
                    if (attempt >= 5) {
                        throw dup;
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void readHead() {
        AuditEntry last = mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1),
                AuditEntry.class);
        headSeq = last == null ? 0 : last.seq;
        headHash = last == null ? AuditChain.GENESIS : last.hash;
    }

    /** Walks the chain from the first entry; reports the first entry whose link is broken. */
    public Verification verify() {
        long expectedSeq = 1;
        String prev = AuditChain.GENESIS;
        long checked = 0;
        int pageSize = 1000;
        while (true) {
            List<AuditEntry> page = mongo.find(Query.query(Criteria.where("_id").gte(expectedSeq))
                    .with(Sort.by(Sort.Direction.ASC, "_id")).limit(pageSize), AuditEntry.class);
            for (AuditEntry e : page) {
                if (e.seq != expectedSeq) {
                    return new Verification(false, checked, expectedSeq, "missing entry");
                }
                if (!prev.equals(e.prevHash)) {
                    return new Verification(false, checked, e.seq, "previous hash does not match");
                }
                if (!AuditChain.hash(e).equals(e.hash)) {
                    return new Verification(false, checked, e.seq, "entry was changed");
                }
                prev = e.hash;
                expectedSeq++;
                checked++;
            }
            if (page.size() < pageSize) {
                return new Verification(true, checked, null, null);
            }
        }
    }

    /** One page of a search, and how many entries match in all. */
    public record Found(List<AuditEntry> entries, long total) {
    }

    /** Searches entries; those of other administrations than the user may see are left out (GD-1). */
    public Found search(Search s) {
        List<Criteria> all = new ArrayList<>();
        all.add(new Criteria().orOperator(Criteria.where("administration").is(null),
                scope.criteria("administration")));
        if (notBlank(s.subjectType())) {
            all.add(Criteria.where("subjectType").is(s.subjectType()));
        }
        if (notBlank(s.subjectId())) {
            all.add(new Criteria().orOperator(Criteria.where("subjectId").is(s.subjectId()),
                    Criteria.where("details.subjectId").is(s.subjectId())));
        }
        if (notBlank(s.actor())) {
            all.add(Criteria.where("actor").is(s.actor()));
        }
        if (notBlank(s.action())) {
            all.add(s.action().endsWith("*")
                    ? Criteria.where("action").regex("^" + java.util.regex.Pattern.quote(
                            s.action().substring(0, s.action().length() - 1)))
                    : Criteria.where("action").is(s.action()));
        }
        if (notBlank(s.administration())) {
            all.add(Criteria.where("administration").is(s.administration()));
        }
        if (s.from() != null) {
            all.add(Criteria.where("at").gte(s.from()));
        }
        if (s.to() != null) {
            all.add(Criteria.where("at").lt(s.to()));
        }
        Criteria criteria = new Criteria().andOperator(all);
        int size = Math.min(Math.max(s.size(), 1), 1000);
        Query q = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "_id"))
                .skip((long) Math.max(s.page(), 0) * size).limit(size);
        return new Found(mongo.find(q, AuditEntry.class), mongo.count(Query.query(criteria), AuditEntry.class));
    }

    /** Entries of some actions in a period, oldest first (for reports). */
    public List<AuditEntry> entries(List<String> actions, Instant from, Instant to) {
        Criteria c = Criteria.where("action").in(actions);
        if (from != null && to != null) {
            c = c.andOperator(Criteria.where("at").gte(from), Criteria.where("at").lt(to));
        } else if (from != null) {
            c = c.and("at").gte(from);
        } else if (to != null) {
            c = c.and("at").lt(to);
        }
        return mongo.find(Query.query(c).with(Sort.by(Sort.Direction.ASC, "_id")), AuditEntry.class);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static Map<String, String> flatten(Map<String, Object> details) {
        Map<String, String> m = new LinkedHashMap<>();
        if (details != null) {
            details.forEach((k, v) -> m.put(k, v == null ? null : String.valueOf(v)));
        }
        return m;
    }
}
