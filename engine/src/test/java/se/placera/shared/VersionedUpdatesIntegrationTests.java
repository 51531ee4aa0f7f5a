package se.placera.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import se.placera.security.IdentityFixtures;
import se.placera.security.IdentityTestBase;
import se.placera.support.Api;

/**
 * Issue #11, item 7: every update of a versioned record names the version it read (428 VERSION_REQUIRED without,
 * 409 with a stale one) and is a conditional single-document write, so of two updates sent together with the
 * same version exactly one wins. One test per record kind (the register's units, vacancies and providers are in
 * RegisterVersionIntegrationTests).
 */
class VersionedUpdatesIntegrationTests extends IdentityTestBase {

    @Test
    void responseAnswers() {
        String methodId = unique("ver-metod");
        IdentityFixtures.publish(admin(), methodId);
        Api caseworker = Api.at(port).asCaseworker();
        JsonNode started = IdentityFixtures.start(caseworker, methodId, unique("klient"));
        String path = "/api/responses/" + started.get("responseId").asString();
        long revision = started.get("revision").asLong();

        requiresVersion(caseworker.patch(path + "/answers", Map.of("answers", Map.of("notering", "utan"))),
                "/revision");
        requiresVersion(caseworker.post(path + "/submit", Map.of("answers", Map.of())), "/revision");
        List<Api.Response> both = together(
                () -> caseworker.patch(path + "/answers", Map.of("answers", Map.of("notering", "A"), "revision",
                        revision)),
                () -> caseworker.patch(path + "/answers", Map.of("answers", Map.of("notering", "B"), "revision",
                        revision)));
        String winner = exactlyOneWins(both).at("/answers/notering").asString();
        JsonNode stored = caseworker.get(path).expect(200).json();
        assertThat(stored.at("/answers/notering").asString()).isEqualTo(winner);
        assertThat(stored.get("revision").asLong()).isEqualTo(revision + 1);
        // A stale revision on submit is refused too; the draft stays a draft.
        assertThat(caseworker.post(path + "/submit", Map.of("revision", revision)).status()).isEqualTo(409);
        assertThat(caseworker.get(path).expect(200).json().get("status").asString()).isEqualTo("draft");
    }

    @Test
    void users() {
        String username = unique("ver-anv");
        String id = createUser(username, "exempelkommun-sof", Map.of("FOLLOW_UP", "READ"));
        long revision = admin().get("/api/users/" + id).expect(200).json().get("revision").asLong();
        Map<String, Object> change = new HashMap<>(Map.of("firstName", "Utan", "lastName", "Version",
                "email", username + "@exempelkommun.se", "administrations", List.of("exempelkommun-sof"),
                "permissions", Map.of("FOLLOW_UP", "READ")));
        requiresVersion(admin().put("/api/users/" + id, change), "/revision");

        List<Api.Response> both = together(() -> admin().put("/api/users/" + id, with(change, "firstName", "Anna",
                "revision", revision)), () -> admin().put("/api/users/" + id, with(change, "firstName", "Berit",
                "revision", revision)));
        String winner = exactlyOneWins(both).get("firstName").asString();
        JsonNode stored = admin().get("/api/users/" + id).expect(200).json();
        assertThat(stored.get("firstName").asString()).isEqualTo(winner);
        assertThat(stored.get("revision").asLong()).isEqualTo(revision + 1);
        // The If-Match header names the revision as well.
        assertThat(admin().send("PUT", "/api/users/" + id, with(change, "firstName", "Cecilia"),
                Map.of("If-Match", "\"" + (revision + 1) + "\"")).status()).isEqualTo(200);
    }

    @Test
    void autoAnswerPresets() {
        String methodId = unique("ver-preset");
        IdentityFixtures.publish(admin(), methodId);
        String username = unique("ver-forval");
        createUser(username, "exempelkommun-sof", Map.of("FOLLOW_UP", "WRITE"));
        String path = "/api/autoanswer-presets/" + username + "/" + methodId;
        // New presets take no revision; presets that exist need the one read.
        long revision = admin().put(path, Map.of("values", Map.of("notering", "först"))).expect(200).json()
                .get("revision").asLong();
        requiresVersion(admin().put(path, Map.of("values", Map.of("notering", "utan"))), "/revision");

        List<Api.Response> both = together(
                () -> admin().put(path, Map.of("values", Map.of("notering", "A"), "revision", revision)),
                () -> admin().put(path, Map.of("values", Map.of("notering", "B"), "revision", revision)));
        String winner = exactlyOneWins(both).at("/values/notering").asString();
        JsonNode stored = admin().get("/api/autoanswer-presets/" + username).expect(200).json().get(0);
        assertThat(stored.at("/values/notering").asString()).isEqualTo(winner);
        assertThat(stored.get("revision").asLong()).isEqualTo(revision + 1);
    }

    @Test
    void metadataDrafts() {
        String methodId = unique("ver-utkast");
        Map<String, Object> content = IdentityFixtures.simpleMethod(methodId);
        // Starting a draft takes no revision; changing the open draft needs the one read (If-Match).
        long revision = admin().post("/api/metadata/methods", content).expect(200).json()
                .at("/definition/revision").asLong();
        requiresVersion(admin().post("/api/metadata/methods", with(content, "title", "Utan")), "/revision");
        requiresVersion(admin().put("/api/metadata/methods/" + methodId + "/draft", with(content, "title", "Utan")),
                "/revision");

        Map<String, String> ifMatch = Map.of("If-Match", String.valueOf(revision));
        List<Api.Response> both = together(
                () -> admin().send("POST", "/api/metadata/methods", with(content, "title", "A"), ifMatch),
                () -> admin().send("PUT", "/api/metadata/methods/" + methodId + "/draft", with(content, "title", "B"),
                        ifMatch));
        String winner = exactlyOneWins(both).at("/definition/content/title").asString();
        JsonNode stored = admin().get("/api/metadata/methods/" + methodId).expect(200).json();
        assertThat(stored.at("/content/title").asString()).isEqualTo(winner);
        assertThat(stored.get("version").asInt()).isEqualTo(1);
    }

    @Test
    void cases() {
        Api caseworker = Api.at(port).asCaseworker();
        Map<String, Object> newCase = new HashMap<>(Map.of("personalIdentityNumber", "19121212-1212",
                "clientName", "Testbarn Testsson", "targetGroup", "barn-unga", "placementForm", "hvb-barn-unga",
                "legalBasis", "lvu-2", "needs", List.of("npf"), "wantedStart", "2027-01-15"));
        JsonNode created = caseworker.post("/api/cases", newCase).expect(201).json();
        String path = "/api/cases/" + created.get("id").asString();
        long revision = created.get("revision").asLong();
        requiresVersion(caseworker.post(path + "/skicka-forfragan", Map.of()), "/revision");

        List<Api.Response> both = together(
                () -> caseworker.post(path + "/skicka-forfragan", Map.of("revision", revision)),
                () -> caseworker.post(path + "/skicka-forfragan", Map.of("revision", revision)));
        exactlyOneWins(both);
        assertThat(caseworker.get(path).expect(200).json().get("revision").asLong()).isEqualTo(revision + 1);
    }

    @Test
    void frameworkAgreements() {
        String path = "/api/register/framework-agreements/" + unique("fa-ver");
        long revision = admin().put(path, Map.of("name", "Ramavtal")).expect(200).json().get("version").asLong();
        requiresVersion(admin().put(path, Map.of("name", "Utan")), "/version");

        List<Api.Response> both = together(() -> admin().put(path, Map.of("name", "A", "version", revision)),
                () -> admin().put(path, Map.of("name", "B", "version", revision)));
        exactlyOneWins(both);
    }

    private static void requiresVersion(Api.Response response, String pointer) {
        assertThat(response.status()).as(response.text()).isEqualTo(428);
        assertThat(response.json().get("code").asString()).isEqualTo("VERSION_REQUIRED");
        assertThat(response.json().at("/errors/0/pointer").asString()).isEqualTo(pointer);
    }

    /** Of two updates with the same version, one is stored (200) and the other refused (409); returns the winner. */
    private static JsonNode exactlyOneWins(List<Api.Response> both) {
        List<Integer> statuses = new ArrayList<>(both.stream().map(Api.Response::status).sorted().toList());
        assertThat(statuses).as(both.get(0).text() + " / " + both.get(1).text()).containsExactly(200, 409);
        Api.Response loser = both.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(loser.json().get("code").asString()).isNotBlank();
        return both.stream().filter(r -> r.status() == 200).findFirst().orElseThrow().json();
    }

    /** Sends two requests at the same moment. */
    private static List<Api.Response> together(Supplier<Api.Response> a, Supplier<Api.Response> b) {
        CountDownLatch go = new CountDownLatch(1);
        var first = CompletableFuture.supplyAsync(() -> await(go, a));
        var second = CompletableFuture.supplyAsync(() -> await(go, b));
        go.countDown();
        return List.of(first.join(), second.join());
    }

    private static Api.Response await(CountDownLatch go, Supplier<Api.Response> request) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return request.get();
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... keysAndValues) {
        Map<String, Object> m = new HashMap<>(base);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
