package se.placera.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

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

import se.placera.forms.ResponseSubmitted;
import se.placera.shared.Outbox;
import se.placera.support.AppIntegrationTest;
import se.placera.support.AuditFailures;

/**
 * PA-11: a change of a response and its audit entry cannot part ways. The audit append fails (a listener ahead
 * of the audit log throws); the caseworker still gets the answer, the entry waits on the response, and
 * the outbox delivers it exactly once, with ResponseSubmitted once and the unit's rating updated.
 */
@AppIntegrationTest
class AuditOutboxIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Outbox outbox;

    RegisterFixtures f;
    final AtomicInteger failuresLeft = new AtomicInteger();
    final AtomicInteger submittedEvents = new AtomicInteger();
    String failingAction;
    AuditFailures injector;

    @BeforeEach
    void setUp() {
        f = new RegisterFixtures(port);
        // Fails deliveries of entries of failingAction while failures are left, before the audit log sees them.
        injector = AuditFailures.install(context,
                pa -> pa.audited().action().equals(failingAction) && failuresLeft.getAndDecrement() > 0,
                payload -> {
                    if (payload instanceof ResponseSubmitted) {
                        submittedEvents.incrementAndGet();
                    }
                });
    }

    @AfterEach
    void tearDown() {
        injector.close();
    }

    @Test
    void aSubmitWhoseAuditEntryFailsIsDeliveredOnceLater() {
        String area = RegisterFixtures.unique("outbox");
        String provider = f.createProvider("Outbox AB", "extern").get("id").asString();
        String unitId = f.createUnit(RegisterFixtures.hvb(provider, "Utkorgsgården", area, 3100)).at("/unit/id")
                .asString();
        String method = RegisterFixtures.unique("outbox-utvardering");
        JsonNode saved = f.admin.post("/api/metadata/methods", Map.of("kind", "method", "id", method,
                "title", "Utvärdering", "purpose", "evaluation", "subjectType", "unit",
                "areas", List.of(Map.of("id", "helhet", "title", "Helhet", "questions", List.of(
                        Map.of("id", "helhetsbetyg", "text", "Helhetsbetyg", "kind", "rating", "scale", "1-5",
                                "required", true)))))).expect(200).json();
        f.admin.post("/api/metadata/methods/" + method + "/versions/" + saved.at("/definition/version").asInt()
                + "/publish", null).expect(200);
        JsonNode started = f.caseworker.post("/api/responses", Map.of("methodId", method,
                "subject", Map.of("type", "unit", "id", unitId))).expect(201).json();
        String id = started.get("responseId").asString();

        // Failing until disarmed, so that a scheduled sweep in between cannot deliver it behind the test's back.
        failingAction = "response.submit";
        failuresLeft.set(Integer.MAX_VALUE);
        JsonNode submitted = f.caseworker.post("/api/responses/" + id + "/submit",
                Map.of("answers", Map.of("helhetsbetyg", 4), "revision", started.get("revision").asLong()))
                .expect(200).json();
        assertThat(submitted.get("status").asString()).isEqualTo("submitted");
        assertThat(submitEntries(id)).isZero();
        assertThat(pending(id)).hasSize(1);
        assertThat(submittedEvents.get()).isZero();
        assertThat(rating(unitId)).isZero();

        failuresLeft.set(0);
        outbox.sweep(Duration.ZERO);
        assertThat(submitEntries(id)).isEqualTo(1);
        assertThat(pending(id)).isEmpty();
        assertThat(submittedEvents.get()).isEqualTo(1);
        assertThat(rating(unitId)).isEqualTo(1);

        // A second sweep finds nothing left; a retry of the submit is refused, the data and entry stand.
        outbox.sweep(Duration.ZERO);
        assertThat(submitEntries(id)).isEqualTo(1);
        assertThat(submittedEvents.get()).isEqualTo(1);
        f.caseworker.post("/api/responses/" + id + "/submit", Map.of("answers", Map.of())).expect(409);
        // The ratings came with the event: no read-back audited in the submitter's name.
        assertThat(mongo.count(Query.query(Criteria.where("s").is(id).and("x").is("response.read")),
                "audit_log")).isZero();
        // The chain is intact.
        assertThat(f.admin.get("/api/audit/verify").expect(200).json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void theRatingsOfASubmitComeWithTheEventAndNothingIsReadInTheSubmittersName() {
        String provider = f.createProvider("Betyg AB", "extern").get("id").asString();
        String unitId = f.createUnit(RegisterFixtures.hvb(provider, "Betygsgården", RegisterFixtures.unique("betyg"),
                3200)).at("/unit/id").asString();
        String method = RegisterFixtures.unique("betyg-utvardering");
        JsonNode saved = f.admin.post("/api/metadata/methods", Map.of("kind", "method", "id", method,
                "title", "Utvärdering", "purpose", "evaluation", "subjectType", "unit",
                "areas", List.of(Map.of("id", "helhet", "title", "Helhet", "questions", List.of(
                        Map.of("id", "helhetsbetyg", "text", "Helhetsbetyg", "kind", "rating", "scale", "1-5",
                                "required", true)))))).expect(200).json();
        f.admin.post("/api/metadata/methods/" + method + "/versions/" + saved.at("/definition/version").asInt()
                + "/publish", null).expect(200);
        JsonNode started = f.caseworker.post("/api/responses", Map.of("methodId", method,
                "subject", Map.of("type", "unit", "id", unitId))).expect(201).json();
        String id = started.get("responseId").asString();

        // Delivered in the caseworker's request: the listener that records the rating reads nothing back.
        f.caseworker.post("/api/responses/" + id + "/submit", Map.of("answers", Map.of("helhetsbetyg", 5),
                "revision", started.get("revision").asLong())).expect(200);
        assertThat(rating(unitId)).isEqualTo(1);
        assertThat(mongo.count(Query.query(Criteria.where("s").is(id).and("x").is("response.read")),
                "audit_log")).isZero();
    }

    @Test
    void anEntryAppendedButNotClearedIsNotAppendedAgain() {
        String method = RegisterFixtures.unique("outbox-dubbel");
        se.placera.security.IdentityFixtures.publish(f.admin, method);
        String id = se.placera.security.IdentityFixtures.start(f.caseworker, method, RegisterFixtures.unique("klient"))
                .get("responseId").asString();
        // As after a crash between the append and the clearing: the delivered entry is put back on the document.
        Document entry = mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, "form_responses");
        assertThat(entry.getList("pending", Object.class)).isEmpty();
        long before = mongo.count(Query.query(Criteria.where("s").is(id)), "audit_log");
        assertThat(before).isEqualTo(1);
        org.bson.Document again = new org.bson.Document("entryId", id + "@0")
                .append("at", java.util.Date.from(java.time.Instant.now().minusSeconds(60))).append("actor", "handlaggare")
                .append("audited", new org.bson.Document("action", "response.start").append("subjectType", "response")
                        .append("subjectId", id).append("outcome", "success"));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new org.springframework.data.mongodb.core.query.Update().push("pending", again), "form_responses");
        outbox.sweep(Duration.ZERO);
        assertThat(mongo.count(Query.query(Criteria.where("s").is(id)), "audit_log")).isEqualTo(1);
        assertThat(pending(id)).isEmpty();
    }

    long submitEntries(String responseId) {
        return mongo.count(Query.query(Criteria.where("s").is(responseId).and("x").is("response.submit")),
                "audit_log");
    }

    List<Object> pending(String responseId) {
        Document d = mongo.findOne(Query.query(Criteria.where("_id").is(responseId)), Document.class, "form_responses");
        List<Object> p = d.getList("pending", Object.class);
        return p == null ? List.of() : p;
    }

    int rating(String unitId) {
        return f.caseworker.get("/api/register/units/" + unitId + "/quality").expect(200).json()
                .at("/caseworkerRating/count").asInt();
    }
}
