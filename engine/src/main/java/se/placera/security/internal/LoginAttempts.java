package se.placera.security.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

import se.placera.security.SecurityProperties;

/**
 * Brute-force protection: failed logins in a row per user name (known or not, so a lockout does not reveal
 * whether an account exists). One document per user name; updates are serialised in-process because the
 * embedded database has no atomic read-modify-write.
 */
@Component
public class LoginAttempts implements se.placera.security.Lockouts {

    @Document("login_attempts")
    static class Attempts {
        @Id
        String id;
        int failures;
        Instant lastFailureAt;
        Instant lockedUntil;
    }

    private final MongoTemplate mongo;
    private final SecurityProperties props;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();

    LoginAttempts(MongoTemplate mongo, SecurityProperties props, Optional<Clock> clock) {
        this.mongo = mongo;
        this.props = props;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Until when the user name is locked, if it is. */
    @Override
    public Optional<Instant> lockedUntil(String username) {
        Attempts a = mongo.findById(key(username), Attempts.class);
        if (a == null || a.lockedUntil == null || !a.lockedUntil.isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(a.lockedUntil);
    }

    public boolean isLocked(String username) {
        return lockedUntil(username).isPresent();
    }

    /** Counts a failure; returns true if the user name is locked now. */
    public boolean recordFailure(String username) {
        lock.lock();
        try {
            Instant now = clock.instant();
            Attempts a = mongo.findById(key(username), Attempts.class);
            if (a == null) {
                a = new Attempts();
                a.id = key(username);
            }
            if (a.lockedUntil != null && !a.lockedUntil.isAfter(now)) {
                // The lock ran out: start counting afresh.
                a.failures = 0;
                a.lockedUntil = null;
            }
            a.failures++;
            a.lastFailureAt = now;
            if (a.failures >= props.maxFailedLogins() && a.lockedUntil == null) {
                a.lockedUntil = now.plus(props.lockoutDuration());
            }
            mongo.save(a);
            return a.lockedUntil != null;
        } finally {
            lock.unlock();
        }
    }

    /** A successful login clears the count. */
    public void recordSuccess(String username) {
        lock.lock();
        try {
            Attempts a = mongo.findById(key(username), Attempts.class);
            if (a != null) {
                mongo.remove(a);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Lifts a lock (an administrator's action, or a completed password reset). */
    @Override
    public void unlock(String username) {
        recordSuccess(username);
    }

    private static String key(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
