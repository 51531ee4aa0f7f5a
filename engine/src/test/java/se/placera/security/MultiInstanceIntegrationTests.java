package se.placera.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import se.placera.PlaceraApplication;
import se.placera.support.Api;
import se.placera.support.DemoUsers;

/**
 * OP-1: two instances of the app on one database behave as one. A MongoDB-compatible server on a loopback port is
 * shared by two booted applications (each with its outbox worker running, both sending to one GreenMail).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiInstanceIntegrationTests {

    static final Duration BOUND = Duration.ofSeconds(20);

    MongoServer database;
    MongoClient mongo;
    GreenMail mail;
    ConfigurableApplicationContext one;
    ConfigurableApplicationContext two;
    int portOne;
    int portTwo;

    @BeforeAll
    void start() {
        database = new MongoServer(H2Backend.inMemory());
        var address = database.bind(); // loopback, a free port
        String uri = "mongodb://" + address.getHostString() + ":" + address.getPort() + "/placera";
        mongo = MongoClients.create(uri);
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        one = boot(uri);
        two = boot(uri);
        portOne = port(one);
        portTwo = port(two);
    }

    ConfigurableApplicationContext boot(String uri) {
        return new SpringApplicationBuilder(PlaceraApplication.class, DemoUsers.class).run(
                "--server.port=0",
                "--spring.mongodb.uri=" + uri,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + mail.getSmtp().getPort(),
                "--placera.notifications.poll-interval=100ms",
                "--placera.cache.check-interval=200ms",
                "--placera.metadata.fail-on-invalid=true");
    }

    static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    void stop() {
        for (var app : new ConfigurableApplicationContext[] {one, two}) {
            if (app != null) {
                app.close();
            }
        }
        if (mail != null) {
            mail.stop();
        }
        if (mongo != null) {
            mongo.close();
        }
        if (database != null) {
            database.shutdownNow();
        }
    }

    static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(BOUND);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + " not within " + BOUND);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aSessionStartedOnOneInstanceContinuesOnTheOtherWithItsCsrfToken() {
        Browser onOne = new Browser(portOne);
        onOne.login("handlaggare", "placera-demo");
        Browser onTwo = onOne.at(portTwo);
        assertThat(onTwo.get("/api/auth/me").expect(200).json().get("username").asString()).isEqualTo("handlaggare");

        // The CSRF token works on the other instance too; without it a state change is refused there as well.
        onTwo.withoutCsrf();
        assertThat(onTwo.post("/api/auth/logout", null).status()).isEqualTo(403);
        onTwo.withCsrf();
        onTwo.post("/api/auth/logout", null).expect(204);
        // Signed out on one instance is signed out on all.
        onOne.get("/api/auth/me").expect(401);
    }

    @Test
    void aRegisterChangeOnOneInstanceIsSeenByTheOthersRegisterAndMatching() {
        Api adminOne = Api.at(portOne).asAdmin();
        Api adminTwo = Api.at(portTwo).asAdmin();
        // Instance two has its register in memory (warmed up at start) before instance one adds to it.
        adminTwo.get("/api/register/units?limit=1").expect(200);
        String name = "Flerinstans-" + UUID.randomUUID().toString().substring(0, 6);
        String providerId = adminOne.post("/api/register/providers", Map.of("name", name, "orgNumber",
                String.format("%06d-%04d", Math.abs(name.hashCode()) % 1_000_000, Math.abs(name.hashCode() / 7) % 10_000), "regi", "extern",
                "contact", Map.of("name", "Kim Kontakt", "email", "kim@exempel.example"))).expect(201).json()
                .get("id").asString();
        Map<String, Object> u = new java.util.HashMap<>();
        u.put("providerId", providerId);
        u.put("name", name);
        u.put("municipality", "Uppsala");
        u.put("locality", "Uppsala");
        u.put("location", Map.of("lat", 59.858, "lon", 17.639));
        u.put("focus", "Behandling för ungdomar");
        u.put("targetGroups", List.of("barn-unga"));
        u.put("placementForms", List.of("hvb-barn-unga"));
        u.put("legalBases", List.of("sol", "lvu-3"));
        u.put("genders", List.of("pojke-man", "flicka-kvinna"));
        u.put("minAge", 13);
        u.put("maxAge", 17);
        u.put("needs", List.of("missbruk"));
        u.put("places", 8);
        u.put("vacancies", 2);
        u.put("prices", List.of(Map.of("validFrom", "2020-01-01", "model", "per-dygn", "perDay", 3000)));
        u.put("agreement", Map.of("type", "direktupphandling"));
        u.put("tenderArea", "uppsala");
        u.put("noticePeriodDays", 30);
        u.put("ivoPermit", Map.of("number", "IVO-" + name, "scope", List.of("hvb-barn-unga"), "validFrom", "2019-01-01"));
        String id = adminOne.post("/api/register/units", u).expect(201).json().at("/unit/id").asString();
        await("the new unit on instance two", () -> adminTwo.get("/api/register/units/" + id).status() == 200);
        var before = adminTwo.get("/api/register/units/" + id).expect(200).json();
        long version = before.at("/unit/version").asLong();
        int vacancies = before.at("/unit/vacancies").asInt(0) + 3;

        adminOne.patch("/api/register/units/" + id + "/vacancies", Map.of("vacancies", vacancies, "version", version))
                .expect(200);
        await("the new vacancies on instance two", () ->
                adminTwo.get("/api/register/units/" + id).json().at("/unit/vacancies").asInt(-1) == vacancies);
        // Instance two writes on top of instance one's version (its copy is not stale: no 409).
        adminTwo.patch("/api/register/units/" + id + "/vacancies",
                Map.of("vacancies", vacancies + 1, "version", version + 1)).expect(200);
        await("instance two's change on instance one", () ->
                adminOne.get("/api/register/units/" + id).json().at("/unit/vacancies").asInt(-1) == vacancies + 1);
    }

    @Test
    void eachMailIsSentOnceThoughBothOutboxWorkersRunAndATokenWorksOnce() throws MessagingException {
        Api adminOne = Api.at(portOne).asAdmin();
        Api adminTwo = Api.at(portTwo).asAdmin();
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String username = "multi-" + i + "-" + UUID.randomUUID().toString().substring(0, 6);
            addresses.add(username + "@exempelkommun.se");
            (i % 2 == 0 ? adminOne : adminTwo).post("/api/users", Map.of("username", username, "firstName", "Test",
                    "lastName", "Person", "email", username + "@exempelkommun.se", "jobRole", "Socialsekreterare",
                    "administrations", List.of("exempelkommun-sof"), "permissions", Map.of("FOLLOW_UP", "WRITE")))
                    .expect(201);
        }
        var outbox = mongo.getDatabase("placera").getCollection("mail_outbox");
        await("every invitation sent", () -> outbox.countDocuments(
                new Document("to", new Document("$in", addresses)).append("status", "SENT")) == addresses.size());
        // Both workers keep polling for a few rounds: still exactly one mail per address.
        long settle = System.nanoTime() + Duration.ofMillis(600).toNanos();
        await("a few more outbox rounds", () -> System.nanoTime() > settle);
        for (String to : addresses) {
            long received = Arrays.stream(mail.getReceivedMessages()).filter(m -> {
                try {
                    return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                            .anyMatch(a -> a.toString().equalsIgnoreCase(to));
                } catch (MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }).count();
            assertThat(received).as("mails to " + to).isEqualTo(1);
        }

        // The invitation link used on instance one is refused on instance two.
        String body = Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString().equalsIgnoreCase(addresses.get(0));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().map(m -> {
            try {
                return String.valueOf(m.getContent());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).orElseThrow();
        String token = IdentityTestBase.tokenIn(body, "/activate");
        Api.at(portOne).post("/api/auth/activate", Map.of("token", token, "password", "Korrekt-Hast-Batteri-9"))
                .expect(204);
        var again = Api.at(portTwo).post("/api/auth/activate", Map.of("token", token,
                "password", "Annat-Hast-Batteri-9"));
        assertThat(again.status()).as(again.text()).isEqualTo(400);
        assertThat(again.json().get("code").asString()).isEqualTo("TOKEN_INVALID");
        // The password set on instance one stands on both: the second use changed nothing.
        String username = addresses.get(0).substring(0, addresses.get(0).indexOf('@'));
        new Browser(portTwo).login(username, "Korrekt-Hast-Batteri-9");
        assertThat(new Browser(portOne).post("/api/auth/login", Map.of("username", username,
                "password", "Annat-Hast-Batteri-9")).status()).isEqualTo(401);
    }
}
