package se.placera.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import se.placera.security.IdentityFixtures;
import se.placera.security.IdentityTestBase;
import se.placera.support.Api;

/** PA-11: logins, reads of client data and exports are logged; the chain is verifiable and searchable. */
class AuditIntegrationTests extends IdentityTestBase {

    @Autowired
    MongoTemplate mongo;

    @Test
    void loginsSuccessfulAndFailedAreLogged() {
        browser().login("handlaggare", "placera-demo");
        String ghost = unique("spoke");
        browser().post("/api/auth/login", Map.of("username", ghost, "password", "fel-losenord"));
        var ok = admin().get("/api/audit?actor=handlaggare&action=login.success").expect(200).json();
        assertThat(ok.size()).isPositive();
        assertThat(ok.get(0).get("details").get("method").asString()).isEqualTo("local");
        var failed = admin().get("/api/audit?actor=" + ghost + "&action=login.*").expect(200).json();
        assertThat(failed.size()).isEqualTo(1);
        assertThat(failed.get(0).get("outcome").asString()).isEqualTo("failure");
        assertThat(failed.get(0).toString()).doesNotContain("fel-losenord");
    }

    @Test
    void everyReadOfAClientsDataIsLoggedWithTheAdministration() {
        String methodId = unique("audit-metod");
        IdentityFixtures.publish(admin(), methodId);
        String clientId = unique("klient");
        JsonNode started = IdentityFixtures.start(Api.at(port).asCaseworker(), methodId, clientId);
        String id = started.get("responseId").asString();
        Api.at(port).asCaseworker().get("/api/responses/" + id).expect(200);

        var reads = admin().get("/api/audit?subjectId=" + clientId + "&action=response.read").expect(200).json();
        assertThat(reads.size()).isEqualTo(1);
        JsonNode e = reads.get(0);
        assertThat(e.get("actor").asString()).isEqualTo("handlaggare");
        assertThat(e.get("subjectType").asString()).isEqualTo("response");
        assertThat(e.get("subjectId").asString()).isEqualTo(id);
        assertThat(e.get("administration").asString()).isEqualTo("exempelkommun-sof");
        assertThat(e.get("details").get("methodId").asString()).isEqualTo(methodId);
        assertThat(e.get("hash").asString()).hasSize(64);
        // Search by period and by subject id of the record itself.
        assertThat(admin().get("/api/audit?subjectType=response&subjectId=" + id + "&from=2000-01-01&to=2999-12-31")
                .expect(200).json().size()).isEqualTo(2);
    }

    /** Item 11 of issue 12: a write that changes something stores the changed fields, before and after. */
    @Test
    void writesStoreTheChangedFieldsBeforeAndAfter() {
        String username = unique("andrad");
        String id = createUser(username, "exempelkommun-sof", Map.of("FOLLOW_UP", "READ"));
        admin().post("/api/users/" + id + "/deactivate", null).expect(200);

        JsonNode created = admin().get("/api/audit?subjectId=" + id + "&action=user.create").expect(200).json().get(0);
        assertThat(created.at("/details/changes/0/field").asString()).isEqualTo("administrations");
        assertThat(created.at("/details/changes/0/before").isNull()).isTrue();
        assertThat(created.at("/details/changes/0/after/0").asString()).isEqualTo("exempelkommun-sof");
        assertThat(created.at("/details/account").asString()).isEqualTo(username);

        JsonNode ended = admin().get("/api/audit?subjectId=" + id + "&action=user.deactivate").expect(200).json()
                .get(0);
        assertThat(ended.at("/details/changes").size()).isEqualTo(1);
        assertThat(ended.at("/details/changes/0/field").asString()).isEqualTo("active");
        assertThat(ended.at("/details/changes/0/before").asBoolean()).isTrue();
        assertThat(ended.at("/details/changes/0/after").asBoolean()).isFalse();
        assertThat(ended.get("details").has("before")).isFalse();
    }

    @Test
    void exportsAreLogged() {
        admin().get("/api/usage/export").expect(200);
        var exports = admin().get("/api/audit?action=usage.export&actor=admin").expect(200).json();
        assertThat(exports.size()).isPositive();
    }

    @Test
    void verificationFindsTheFirstChangedEntry() {
        browser().login("handlaggare", "placera-demo");
        var ok = admin().get("/api/audit/verify").expect(200).json();
        assertThat(ok.get("valid").asBoolean()).as(ok.toString()).isTrue();
        long checked = ok.get("entriesChecked").asLong();
        assertThat(checked).isPositive();

        long victim = Math.max(1, checked / 2);
        Query q = Query.query(Criteria.where("_id").is(victim));
        // Stored compactly since #18: "a" is the actor (AuditStorage).
        String original = mongo.findOne(q, org.bson.Document.class, "audit_log").getString("a");
        mongo.updateFirst(q, Update.update("a", "mallory"), "audit_log");
        try {
            var broken = admin().get("/api/audit/verify").expect(200).json();
            assertThat(broken.get("valid").asBoolean()).isFalse();
            assertThat(broken.get("firstBrokenSeq").asLong()).isEqualTo(victim);
            assertThat(broken.get("reason").asString()).isEqualTo("entry was changed");
        } finally {
            mongo.updateFirst(q, Update.update("a", original), "audit_log");
        }
        assertThat(admin().get("/api/audit/verify").expect(200).json().get("valid").asBoolean()).isTrue();

        // A removed entry is found too.
        org.bson.Document removed = mongo.findOne(q, org.bson.Document.class, "audit_log");
        mongo.remove(q, "audit_log");
        try {
            var gap = admin().get("/api/audit/verify").expect(200).json();
            assertThat(gap.get("valid").asBoolean()).isFalse();
            assertThat(gap.get("firstBrokenSeq").asLong()).isEqualTo(victim);
        } finally {
            mongo.insert(removed, "audit_log");
        }
    }

    @Test
    void searchTellsTheTotalInAHeaderAndPagesNewestFirst() throws Exception {
        String actor = unique("raknad");
        for (int i = 0; i < 3; i++) {
            browser().post("/api/auth/login", Map.of("username", actor, "password", "fel-" + i));
        }
        HttpResponse<String> first = adminGet("/api/audit?actor=" + actor + "&size=2&page=0");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("X-Total-Count")).hasValue("3");
        JsonNode page0 = Api.json(first.body());
        assertThat(page0.size()).isEqualTo(2);
        assertThat(page0.get(0).get("seq").asLong()).isGreaterThan(page0.get(1).get("seq").asLong());

        HttpResponse<String> second = adminGet("/api/audit?actor=" + actor + "&size=2&page=1");
        assertThat(second.headers().firstValue("X-Total-Count")).hasValue("3");
        JsonNode page1 = Api.json(second.body());
        assertThat(page1.size()).isEqualTo(1);
        assertThat(page1.get(0).get("seq").asLong()).isLessThan(page0.get(1).get("seq").asLong());
        // The body keeps its shape (a bare list) for existing callers.
        assertThat(admin().get("/api/audit?actor=" + actor).expect(200).json().isArray()).isTrue();

        // The header is part of the API description.
        JsonNode header = Api.json(adminGet("/v3/api-docs").body()).at("/paths/~1api~1audit/get/responses/200");
        assertThat(header.at("/headers/X-Total-Count/schema/type").asString()).isEqualTo("integer");
        assertThat(header.at("/content").size()).as("the list stays described").isPositive();
    }

    @Test
    void loginsWithHugeUserNamesLeaveTheLogSmallReadableAndVerifiable() {
        String huge = "1".repeat(5 * 1024 * 1024);
        for (int i = 0; i < 5; i++) {
            browser().post("/api/auth/login", Map.of("username", huge + i, "password", "fel"));
        }
        var failed = admin().get("/api/audit?action=login.failure&size=10").expect(200).json();
        assertThat(failed.size()).isPositive();
        for (JsonNode e : failed) {
            assertThat(e.toString().length()).as("an entry stays small").isLessThan(10_000);
            assertThat(e.toString()).doesNotContain("1".repeat(600));
        }
        var verified = admin().get("/api/audit/verify").expect(200).json();
        assertThat(verified.get("valid").asBoolean()).as(verified.toString()).isTrue();
        // A caseworker's 5 MB subject id (if the request is accepted at all) leaves a small entry too.
        String methodId = unique("stor-metod");
        IdentityFixtures.publish(admin(), methodId);
        var started = Api.at(port).asCaseworker().post("/api/responses", Map.of("methodId", methodId,
                "subject", Map.of("type", "client", "id", huge, "attributes", Map.of())));
        if (started.status() == 201) {
            String id = started.json().get("responseId").asString();
            var entries = admin().get("/api/audit?subjectType=response&subjectId=" + id).expect(200).json();
            assertThat(entries.size()).isEqualTo(1);
            assertThat(entries.get(0).toString().length()).isLessThan(10_000);
            assertThat(entries.get(0).at("/details/subjectId").asString()).contains("truncated: " + huge.length());
        }
        org.bson.Document head = mongo.findOne(new Query().with(org.springframework.data.domain.Sort.by(
                org.springframework.data.domain.Sort.Direction.DESC, "_id")).limit(1), org.bson.Document.class,
                "audit_log");
        assertThat(head.toJson().length()).isLessThan(10_000);
    }

    @Test
    void theNameOfAFailedLoginIsKeptOnlyAsAKeyedHash() {
        String personnummer = "19" + (int) (Math.random() * 1_0000_0000) + "1234";
        browser().post("/api/auth/login", Map.of("username", personnummer, "password", "fel-losenord"));
        // An administrator finds the attempt by the name tried ...
        var found = admin().get("/api/audit?actor=" + personnummer + "&action=login.failure").expect(200).json();
        assertThat(found.size()).isEqualTo(1);
        JsonNode e = found.get(0);
        assertThat(e.get("actor").asString()).isEqualTo("anonymous");
        assertThat(e.at("/details/username/hmac").asString()).hasSize(64);
        assertThat(e.at("/details/username/length").asInt()).isEqualTo(personnummer.length());
        // ... but the log itself never holds it (nor its unkeyed hash).
        assertThat(e.toString()).doesNotContain(personnummer);
        var stored = mongo.find(Query.query(Criteria.where("d.username.hmac")
                .is(e.at("/details/username/hmac").asString())), org.bson.Document.class, "audit_log");
        assertThat(stored).hasSize(1);
        assertThat(stored.getFirst().toJson()).doesNotContain(personnummer)
                .doesNotContain(se.placera.audit.internal.AuditChain.sha256(personnummer));
        // The key was generated and kept in the database (no key configured in tests).
        assertThat(mongo.getCollection("audit_settings").countDocuments()).isEqualTo(1);
    }

    @Test
    void refusedAttemptsAreAuditedAsDenied() {
        String methodId = unique("nekad-metod");
        IdentityFixtures.publish(admin(), methodId);
        String id = IdentityFixtures.start(Api.at(port).asCaseworker(), methodId, unique("klient"))
                .get("responseId").asString();
        // Another administration's user: 404 as if missing, and a denied entry with the record's administration.
        Api.at(port).as("omsorg", "placera-demo").get("/api/responses/" + id).expect(404);
        var denied = admin().get("/api/audit?subjectId=" + id + "&action=response.access").expect(200).json();
        assertThat(denied.size()).isEqualTo(1);
        assertThat(denied.get(0).get("outcome").asString()).isEqualTo("denied");
        assertThat(denied.get(0).get("actor").asString()).isEqualTo("omsorg");
        assertThat(denied.get(0).get("administration").asString()).isEqualTo("exempelkommun-sof");
        // A response that does not exist is a plain miss, not a refused attempt.
        String missing = unique("finns-inte");
        Api.at(port).asCaseworker().get("/api/responses/" + missing).expect(404);
        assertThat(admin().get("/api/audit?subjectId=" + missing).expect(200).json().size()).isZero();

        // A permission check's 403.
        Api.at(port).asCaseworker().post("/api/register/providers", Map.of("name", "Nekad AB", "regi", "extern"))
                .expect(403);
        var forbidden = admin().get("/api/audit?action=access.denied&actor=handlaggare&subjectId=/api/register/providers")
                .expect(200).json();
        assertThat(forbidden.size()).isPositive();
        assertThat(forbidden.get(0).get("outcome").asString()).isEqualTo("denied");
        assertThat(forbidden.get(0).at("/details/code").asString()).isEqualTo("REGISTER_FORBIDDEN");
        // An access rule of the filter chain's 403.
        Api.at(port).asCaseworker().get("/api/users").expect(403);
        var ruled = admin().get("/api/audit?action=access.denied&actor=handlaggare&subjectId=/api/users")
                .expect(200).json();
        assertThat(ruled.size()).isPositive();
        assertThat(ruled.get(0).at("/details/code").asString()).isEqualTo("FORBIDDEN");
        assertThat(ruled.get(0).at("/details/method").asString()).isEqualTo("GET");
    }

    private HttpResponse<String> adminGet(String path) throws Exception {
        String basic = Base64.getEncoder().encodeToString("admin:placera-demo".getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + basic).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
