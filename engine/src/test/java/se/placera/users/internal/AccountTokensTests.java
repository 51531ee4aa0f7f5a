package se.placera.users.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import se.placera.users.internal.AccountTokens.Purpose;

/** Activation and reset tokens: single use, expiring, purpose-bound, only a hash stored. */
class AccountTokensTests {

    MongoServer server;
    MongoClient client;
    MongoTemplate mongo;
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-25T08:00:00Z"));
    AccountTokens tokens;

    @BeforeEach
    void start() {
        server = new MongoServer(H2Backend.inMemory());
        var address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        mongo = new MongoTemplate(client, "tokens");
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        tokens = new AccountTokens(mongo, clock);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void aTokenWorksOnceForItsPurposeOnly() {
        String t = tokens.issue("u1", Purpose.ACTIVATION, Duration.ofHours(72));
        assertThat(tokens.peek(t, Purpose.RESET)).isEmpty();
        assertThat(tokens.peek(t, Purpose.ACTIVATION)).contains("u1");
        assertThat(tokens.consume(t, Purpose.ACTIVATION)).contains("u1");
        assertThat(tokens.consume(t, Purpose.ACTIVATION)).isEmpty();
        assertThat(mongo.getCollection("account_tokens").find().first().toJson()).doesNotContain(t);
    }

    @Test
    void aTokenExpires() {
        String t = tokens.issue("u2", Purpose.RESET, Duration.ofHours(1));
        now.set(now.get().plus(Duration.ofMinutes(61)));
        assertThat(tokens.consume(t, Purpose.RESET)).isEmpty();
    }

    @Test
    void aNewTokenReplacesTheOldOne() {
        String first = tokens.issue("u3", Purpose.ACTIVATION, Duration.ofHours(72));
        String second = tokens.issue("u3", Purpose.ACTIVATION, Duration.ofHours(72));
        assertThat(tokens.peek(first, Purpose.ACTIVATION)).isEmpty();
        assertThat(tokens.peek(second, Purpose.ACTIVATION)).contains("u3");
    }

    @Test
    void concurrentUsesLetExactlyOneThrough() throws Exception {
        String t = tokens.issue("u4", Purpose.ACTIVATION, Duration.ofHours(72));
        AtomicInteger wins = new AtomicInteger();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 16; i++) {
                pool.submit(() -> tokens.consume(t, Purpose.ACTIVATION).ifPresent(u -> wins.incrementAndGet()));
            }
        }
        assertThat(wins).hasValue(1);
    }
}
