package se.placera.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import se.placera.security.SecurityProperties;

/** Throttling of password guesses per user name and per client, with growing delays, bounded storage. */
class LoginAttemptsTests {

    MongoServer server;
    MongoClient client;
    MongoTemplate mongo;
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-25T08:00:00Z"));
    LoginAttempts attempts;

    @BeforeEach
    void start() {
        server = new MongoServer(H2Backend.inMemory());
        var address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        mongo = new MongoTemplate(client, "throttle");
        attempts = attempts(5, 10, 3);
    }

    LoginAttempts attempts(int nameFree, int clientFree, int maxClients) {
        var props = new SecurityProperties(nameFree, Duration.ofMinutes(15), null,
                new SecurityProperties.LoginThrottle(Duration.ofSeconds(1), clientFree, Duration.ofHours(24), maxClients));
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        return new LoginAttempts(mongo, props, clock);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    void advance(Duration d) {
        now.set(now.get().plus(d));
    }

    @Test
    void aFewFailuresAreFreeThenTheDelayDoublesUpToTheCap() {
        for (int i = 0; i < 4; i++) {
            assertThat(attempts.recordFailure("admin", "10.0.0.1")).isFalse();
            assertThat(attempts.refusedUntil("admin", "10.0.0.1")).isEmpty();
        }
        assertThat(attempts.recordFailure("admin", "10.0.0.1")).isTrue();
        assertThat(attempts.refusedUntil("admin", "10.0.0.1")).contains(now.get().plusSeconds(1));
        advance(Duration.ofSeconds(1));
        assertThat(attempts.refusedUntil("admin", "10.0.0.1")).isEmpty();
        attempts.recordFailure("admin", "10.0.0.1");
        assertThat(attempts.lockedUntil("admin")).contains(now.get().plusSeconds(2));
        advance(Duration.ofSeconds(2));
        attempts.recordFailure("admin", "10.0.0.1");
        assertThat(attempts.lockedUntil("admin")).contains(now.get().plusSeconds(4));
        for (int i = 0; i < 30; i++) {
            attempts.recordFailure("admin", "10.0.0.1");
        }
        assertThat(attempts.lockedUntil("admin")).contains(now.get().plus(Duration.ofMinutes(15)));
        advance(Duration.ofMinutes(15));
        assertThat(attempts.isLocked("admin")).isFalse();
    }

    @Test
    void theRealUserGetsInFromAnotherClientOnceTheNamesDelayHasPassed() {
        for (int i = 0; i < 5; i++) {
            attempts.recordFailure("Admin ", "203.0.113.9");
        }
        // The name is throttled for everyone, from any client, for a second: the attacker slows it, no more.
        assertThat(attempts.refusedUntil("admin", "192.0.2.1")).isPresent();
        advance(Duration.ofSeconds(1));
        assertThat(attempts.refusedUntil("admin", "192.0.2.1")).isEmpty();
        attempts.recordSuccess("admin");
        assertThat(attempts.lockedUntil("admin")).isEmpty();
        // A success resets the name's count: the next failures are free again.
        attempts.recordFailure("admin", "203.0.113.9");
        assertThat(attempts.lockedUntil("admin")).isEmpty();
    }

    @Test
    void oneClientSprayingManyNamesIsThrottledAsAClient() {
        for (int i = 0; i < 10; i++) {
            attempts.recordFailure("user" + i, "203.0.113.9");
        }
        assertThat(attempts.refusedUntil("someone-else", "203.0.113.9")).contains(now.get().plusSeconds(1));
        assertThat(attempts.refusedUntil("someone-else", "192.0.2.1")).isEmpty();
        assertThat(attempts.lockedUntil("user1")).isEmpty();
        // After a quiet spell as long as the longest delay the client starts afresh.
        advance(Duration.ofMinutes(16));
        attempts.recordFailure("user0", "203.0.113.9");
        assertThat(attempts.refusedUntil("x", "203.0.113.9")).isEmpty();
    }

    @Test
    void storageIsBoundedHashedExpiredAndCappedPerClient() {
        String longName = "a".repeat(100_000);
        attempts.recordFailure(longName, "192.0.2.1");
        attempts.recordFailure(longName + "b", "192.0.2.2");
        // The stored id is a hash of the first 256 characters: both count on one document, no name is stored.
        assertThat(mongo.getCollection("login_attempts").find().map(d -> d.getString("_id")).into(new java.util.ArrayList<>()))
                .allSatisfy(id -> assertThat(id).hasSizeLessThan(80).doesNotContain("aaaa"));
        assertThat(mongo.getCollection("login_attempts").countDocuments(new org.bson.Document("kind", "name")))
                .isEqualTo(1);
        attempts.recordFailure("x", "192.0.2.3");
        attempts.recordFailure("x", "192.0.2.4");
        // At most three clients are kept: the oldest went.
        assertThat(mongo.getCollection("login_attempts").countDocuments(new org.bson.Document("kind", "client")))
                .isEqualTo(3);
        advance(Duration.ofHours(25));
        attempts.cleanUp();
        assertThat(attempts.count()).isZero();
    }
}
