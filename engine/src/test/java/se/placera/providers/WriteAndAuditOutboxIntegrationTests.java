package se.placera.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import se.placera.shared.Outbox;
import se.placera.support.Api;
import se.placera.support.AppIntegrationTest;
import se.placera.support.AuditFailures;

/**
 * Issue #11, item 8, for the register and the accounts: a write and its audit entry never part ways. While the
 * audit append fails (a listener ahead of the audit log throws), the write is answered and stored with its entry
 * waiting on the same document; once the audit log is back the outbox delivers the entry, exactly once.
 */
@AppIntegrationTest
class WriteAndAuditOutboxIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Outbox outbox;

    RegisterFixtures f;
    final AtomicBoolean failing = new AtomicBoolean();
    AuditFailures injector;

    @BeforeEach
    void setUp() {
        f = new RegisterFixtures(port);
        // While armed, every delivery of an outbox entry fails before the audit log sees it.
        injector = AuditFailures.install(context, pa -> failing.get());
    }

    @AfterEach
    void tearDown() {
        failing.set(false);
        injector.close();
    }

    @Test
    void registerWritesAndTheirEntriesEndUpTogether() {
        failing.set(true);
        String provider = f.createProvider("Utkorg AB", "extern").get("id").asString();
        JsonNode unit = f.createUnit(RegisterFixtures.hvb(provider, "Väntegården", RegisterFixtures.unique("ut"),
                2900)).get("unit");
        String unitId = unit.get("id").asString();
        f.admin.patch("/api/register/units/" + unitId + "/vacancies",
                Map.of("vacancies", 1, "version", unit.get("version").asLong())).expect(200);
        String agreement = RegisterFixtures.unique("fa-utkorg");
        f.admin.put("/api/register/framework-agreements/" + agreement, Map.of("name", "Ramavtal utkorg")).expect(200);

        // The data is stored; each entry waits on its record, none is in the log.
        assertWaiting("register_providers", provider, "provider.create");
        assertWaiting("register_units", unitId, "unit.create", "unit.update");
        assertWaiting("register_framework_agreements", agreement, "framework-agreement.create");
        assertThat(f.admin.get("/api/register/units/" + unitId).expect(200).json().at("/unit/vacancies").asInt())
                .isEqualTo(1);

        failing.set(false);
        outbox.sweep(Duration.ZERO);
        outbox.sweep(Duration.ZERO);
        assertDelivered("register_providers", provider, "provider.create");
        assertDelivered("register_units", unitId, "unit.create", "unit.update");
        assertDelivered("register_framework_agreements", agreement, "framework-agreement.create");
        assertThat(f.admin.get("/api/audit/verify").expect(200).json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void accountWritesAndTheirEntriesEndUpTogether() {
        failing.set(true);
        String username = RegisterFixtures.unique("utkorg");
        JsonNode created = f.admin.post("/api/users", Map.of("username", username, "firstName", "Ut", "lastName",
                "Korg", "email", username + "@exempelkommun.se", "administrations", List.of("exempelkommun-sof"),
                "permissions", Map.of("FOLLOW_UP", "READ"), "sendInvitation", false)).expect(201).json();
        String id = created.get("id").asString();
        f.admin.put("/api/users/" + id, Map.of("firstName", "Ut", "lastName", "Korg", "email",
                username + "@exempelkommun.se", "administrations", List.of("exempelkommun-sof"),
                "permissions", Map.of("FOLLOW_UP", "WRITE"), "revision", created.get("revision").asLong()))
                .expect(200);
        f.admin.post("/api/users/" + id + "/invitation", null).expect(200);
        String token = mongo.findOne(Query.query(Criteria.where("userId").is(id)), Document.class, "account_tokens")
                .getString("_id");
        f.admin.post("/api/users/" + id + "/deactivate", null).expect(200);
        String change = f.admin.post("/api/users/" + id + "/changes",
                Map.of("email", username + "@ny.exempelkommun.se")).expect(202).json().get("id").asString();

        assertWaiting("users", id, "user.create", "user.update", "user.deactivate");
        assertWaitingOn("user_changes", change, id, "user.change.request");
        assertWaitingOn("account_tokens", token, id, "user.invite");
        assertThat(f.admin.get("/api/users/" + id).expect(200).json().get("active").asBoolean()).isFalse();

        failing.set(false);
        outbox.sweep(Duration.ZERO);
        outbox.sweep(Duration.ZERO);
        assertDelivered("users", id, "user.create", "user.update", "user.deactivate");
        assertDeliveredOn("user_changes", change, id, "user.change.request");
        assertDeliveredOn("account_tokens", token, id, "user.invite");
        assertThat(f.admin.get("/api/audit/verify").expect(200).json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void apiTokensAndUnlocksAndTheirEntriesEndUpTogether() {
        String adminId = f.admin.get("/api/auth/me").expect(200).json().get("id").asString();
        failing.set(true);
        String token = f.admin.post("/api/me/tokens", Map.of("name", "Utkorg", "expiresInDays", 7)).expect(201)
                .json().get("id").asString();
        f.admin.delete("/api/me/tokens/" + token).expect(204);
        assertWaitingOn("api_tokens", token, adminId, "api-token.create", "api-token.revoke");

        // An unlock is written with its entry; the lock is lifted when the entry goes out, never without it.
        String username = RegisterFixtures.unique("utlast");
        String id = f.admin.post("/api/users", Map.of("username", username, "firstName", "Ut", "lastName", "Låst",
                "email", username + "@exempelkommun.se", "administrations", List.of("exempelkommun-sof"),
                "permissions", Map.of("FOLLOW_UP", "READ"), "sendInvitation", false)).expect(201).json()
                .get("id").asString();
        failing.set(false);
        outbox.sweep(Duration.ZERO);
        for (int i = 0; i < 6; i++) {
            Api.at(port).as(username, "fel-" + i).get("/api/auth/me");
        }
        assertThat(locked(id)).isTrue();
        failing.set(true);
        f.admin.post("/api/users/" + id + "/unlock", null).expect(204);
        assertWaiting("users", id, "user.unlock");
        assertThat(locked(id)).as("no lift without its audit entry").isTrue();

        failing.set(false);
        outbox.sweep(Duration.ZERO);
        outbox.sweep(Duration.ZERO);
        assertDeliveredOn("api_tokens", token, adminId, "api-token.create", "api-token.revoke");
        assertDelivered("users", id, "user.unlock");
        assertThat(locked(id)).isFalse();
        assertThat(f.admin.get("/api/audit/verify").expect(200).json().get("valid").asBoolean()).isTrue();
    }

    private boolean locked(String userId) {
        return !f.admin.get("/api/users/" + userId).expect(200).json().path("lockedUntil").isNull();
    }

    /** The document holds the entries of {@code actions}, in order, and the log none of them. */
    private void assertWaiting(String collection, String id, String... actions) {
        assertWaitingOn(collection, id, id, actions);
    }

    private void assertDelivered(String collection, String id, String... actions) {
        assertDeliveredOn(collection, id, id, actions);
    }

    /** As {@link #assertWaiting}, for entries about {@code subjectId} on another document ({@code id}). */
    private void assertWaitingOn(String collection, String id, String subjectId, String... actions) {
        Document d = mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, collection);
        assertThat(d).as(collection + " " + id).isNotNull();
        assertThat(d.getList(Outbox.FIELD, Document.class)).extracting(e -> e.get("audited", Document.class)
                .getString("action")).containsExactly(actions);
        for (String action : actions) {
            assertThat(entries(subjectId, action)).as(action).isZero();
        }
    }

    /** Every entry is in the log exactly once and none waits any more. */
    private void assertDeliveredOn(String collection, String id, String subjectId, String... actions) {
        Document d = mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, collection);
        assertThat(d.getList(Outbox.FIELD, Document.class)).as(collection + " " + id).isEmpty();
        for (String action : actions) {
            assertThat(entries(subjectId, action)).as(action).isEqualTo(1);
        }
    }

    private long entries(String subjectId, String action) {
        // Stored compactly since #18 (AuditStorage): "s" subject id, "x" action.
        return mongo.count(Query.query(Criteria.where("s").is(subjectId).and("x").is(action)),
                "audit_log");
    }
}
