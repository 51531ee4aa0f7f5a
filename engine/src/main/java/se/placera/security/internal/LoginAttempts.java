package se.placera.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import se.placera.security.SecurityProperties;

/**
 * Throttling of password guesses (NIST SP 800-63B 5.2.2), instead of a hard lockout that let anyone lock anyone
 * out. Failures are counted per user name (known or not, so throttling does not reveal whether an account exists)
 * and, separately, per client address. After {@code max-failed-logins} failures for a name (or
 * {@code client-free-failures} for a client) the next attempt is refused until a delay has passed since the last
 * failure: {@code first-delay}, doubling per further failure up to {@code lockout-duration}. A refused attempt is
 * not a failure (the password is not checked) and does not extend the delay. A successful login resets the
 * name's count, never the client's.
 *
 * <p>State lives in the database ({@code login_attempts}) and every change is one atomic {@code findAndModify}
 * ({@code $inc}), so two or more instances count together. The collection is bounded: a document's id is a
 * SHA-256 of the (trimmed, lower-cased, at most 256 characters long) name or of the client address, each
 * document expires {@code retention} after its last failure (a TTL index on MongoDB, plus {@link #cleanUp()}
 * because the embedded mongo-java-server does not expire documents), and at most {@code max-clients} client
 * documents are kept (the oldest are dropped).
 */
@Component
@EnableScheduling
public class LoginAttempts implements se.placera.security.Lockouts {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);
    static final int MAX_NAME_LENGTH = 256;

    @Document("login_attempts")
    static class Attempts {
        @Id
        String id;
        String kind;
        int failures;
        Instant lastFailureAt;
        Instant expiresAt;
    }

    private final MongoTemplate mongo;
    private final SecurityProperties props;
    private final Clock clock;

    LoginAttempts(MongoTemplate mongo, SecurityProperties props, Clock clock) {
        this.mongo = mongo;
        this.props = props;
        this.clock = clock;
        try {
            mongo.indexOps(Attempts.class).createIndex(new Index("expiresAt", Sort.Direction.ASC)
                    .expire(Duration.ZERO).named("expiresAt_ttl"));
        } catch (RuntimeException e) {
            // The cleanup job does the same work; a server without TTL indexes is not an error.
            log.debug("No TTL index on login_attempts: {}", e.toString());
        }
    }

    /** Until when the user name's next attempt is refused, if it is (the throttle as administrators see it). */
    @Override
    public Optional<Instant> lockedUntil(String username) {
        return blockedUntil(find(nameKey(username)), props.maxFailedLogins());
    }

    public boolean isLocked(String username) {
        return lockedUntil(username).isPresent();
    }

    /**
     * Until when an attempt for {@code username} from {@code client} is refused without checking the password:
     * the later of the name's and the client's delay, if either runs.
     */
    public Optional<Instant> refusedUntil(String username, String client) {
        Optional<Instant> name = lockedUntil(username);
        Optional<Instant> from = client == null ? Optional.empty()
                : blockedUntil(find(clientKey(client)), props.loginThrottle().clientFreeFailures());
        if (name.isPresent() && from.isPresent()) {
            return Optional.of(name.get().isAfter(from.get()) ? name.get() : from.get());
        }
        return name.isPresent() ? name : from;
    }

    /** Counts a failure for the name and the client; returns true if the name is throttled now. */
    public boolean recordFailure(String username, String client) {
        Instant now = clock.instant();
        Attempts name = increment(nameKey(username), "name", now);
        if (client != null) {
            // A client's count starts afresh after a quiet spell as long as the longest delay, so a shared address
            // (an office behind one NAT) is not throttled for the scattered typos of a whole day.
            mongo.updateFirst(Query.query(Criteria.where("_id").is(clientKey(client))
                    .and("lastFailureAt").lt(now.minus(props.lockoutDuration()))),
                    new Update().set("failures", 0), Attempts.class);
            Attempts c = increment(clientKey(client), "client", now);
            if (c.failures == 1) {
                capClients();
            }
        }
        return blockedUntil(name, props.maxFailedLogins()).isPresent();
    }

    /** A successful login clears the name's count (not the client's: one good account must not reset a sprayer). */
    public void recordSuccess(String username) {
        mongo.remove(Query.query(Criteria.where("_id").is(nameKey(username))), Attempts.class);
    }

    /** Lifts the throttle (an administrator's action, or a completed password reset). */
    @Override
    public void unlock(String username) {
        recordSuccess(username);
    }

    /** An administrator's unlock, written and audited by the users module (delivered at least once). */
    @org.springframework.context.event.EventListener
    void on(se.placera.security.LockoutLifted lifted) {
        unlock(lifted.username());
    }

    /** The delay after {@code failures} failures when {@code free} are let through: none, or doubling to the cap. */
    Duration delay(int failures, int free) {
        if (failures < free) {
            return Duration.ZERO;
        }
        Duration max = props.lockoutDuration();
        int doublings = failures - free;
        if (doublings >= 40) {
            return max;
        }
        Duration d = props.loginThrottle().firstDelay().multipliedBy(1L << doublings);
        return d.compareTo(max) > 0 ? max : d;
    }

    /** Drops expired documents (the embedded database ignores TTL indexes) and the oldest clients past the cap. */
    @Scheduled(fixedDelayString = "${placera.security.login-throttle.cleanup-interval:10m}", initialDelay = 60_000)
    public void cleanUp() {
        mongo.remove(Query.query(Criteria.where("expiresAt").lt(clock.instant())), Attempts.class);
        capClients();
    }

    long count() {
        return mongo.count(new Query(), Attempts.class);
    }

    private void capClients() {
        Query clients = Query.query(Criteria.where("kind").is("client"));
        long over = mongo.count(clients, Attempts.class) - props.loginThrottle().maxClients();
        if (over > 0) {
            var oldest = mongo.find(Query.query(Criteria.where("kind").is("client"))
                    .with(Sort.by("lastFailureAt")).limit((int) Math.min(over, 1000)), Attempts.class);
            mongo.remove(Query.query(Criteria.where("_id").in(oldest.stream().map(a -> a.id).toList())),
                    Attempts.class);
        }
    }

    private Attempts increment(String key, String kind, Instant now) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(key)),
                new Update().inc("failures", 1).set("lastFailureAt", now)
                        .set("expiresAt", now.plus(retention())).set("kind", kind),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Attempts.class);
    }

    private Duration retention() {
        Duration r = props.loginThrottle().retention();
        return r.compareTo(props.lockoutDuration()) < 0 ? props.lockoutDuration() : r;
    }

    private Attempts find(String key) {
        return mongo.findById(key, Attempts.class);
    }

    private Optional<Instant> blockedUntil(Attempts a, int free) {
        if (a == null || a.lastFailureAt == null) {
            return Optional.empty();
        }
        Duration d = delay(a.failures, free);
        Instant until = a.lastFailureAt.plus(d);
        return d.isZero() || !until.isAfter(clock.instant()) ? Optional.empty() : Optional.of(until);
    }

    static String nameKey(String username) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        if (name.length() > MAX_NAME_LENGTH) {
            name = name.substring(0, MAX_NAME_LENGTH);
        }
        return "name:" + sha256(name);
    }

    static String clientKey(String client) {
        return "client:" + sha256(client.length() > 64 ? client.substring(0, 64) : client);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
