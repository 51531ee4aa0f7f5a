package se.placera.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import se.placera.support.Api;

/**
 * GD-1: a user of another administration gets 404 (not 403: no existence leak) on every endpoint that
 * addresses a record of client or case data, and nothing changes.
 */
class DataSeparationIntegrationTests extends IdentityTestBase {

    /** Path prefixes of endpoints that address one record of client or case data by id. */
    static final List<String> RECORD_ENDPOINTS = List.of("/api/responses/{id}");

    @Test
    void anotherAdministrationSeesNothingAndChangesNothing() {
        String methodId = unique("gd1-metod");
        IdentityFixtures.publish(admin(), methodId);
        Api owner = Api.at(port).asCaseworker();
        Api stranger = Api.at(port).as("omsorg", "placera-demo");
        JsonNode started = IdentityFixtures.start(owner, methodId, unique("klient"));
        String id = started.get("responseId").asString();
        JsonNode answered = owner.patch("/api/responses/" + id + "/answers",
                Map.of("answers", Map.of("notering", "hemligt"), "revision", started.get("revision").asLong()))
                .expect(200).json();

        // Walk every documented operation under the record endpoints as the stranger.
        List<String> walked = new ArrayList<>();
        JsonNode paths = admin().get("/v3/api-docs").expect(200).json().get("paths");
        for (String path : paths.propertyNames()) {
            if (RECORD_ENDPOINTS.stream().noneMatch(p -> path.startsWith(p.replace("{id}", "{")))) {
                continue;
            }
            for (String method : paths.get(path).propertyNames()) {
                String concrete = path.replaceFirst("\\{[^}]+}", id);
                Object body = method.equals("get") || method.equals("delete") ? null
                        : Map.of("answers", Map.of("notering", "ändrat"));
                var r = stranger.send(method.toUpperCase(), concrete, body);
                assertThat(r.status()).as(method + " " + concrete + ": " + r.text()).isEqualTo(404);
                assertThat(r.json().get("code").asString()).endsWith("NOT_FOUND");
                walked.add(method + " " + path);
            }
        }
        assertThat(walked).contains("get /api/responses/{id}", "patch /api/responses/{id}/answers",
                "post /api/responses/{id}/submit");

        // Lists leave it out; the admin of the other administration does not see it either in the audit log.
        assertThat(stranger.get("/api/responses").expect(200).text()).doesNotContain(id);

        // Nothing changed.
        JsonNode after = owner.get("/api/responses/" + id).expect(200).json();
        assertThat(after.get("revision").asLong()).isEqualTo(answered.get("revision").asLong());
        assertThat(after.get("status").asString()).isEqualTo("draft");
        assertThat(after.get("answers").get("notering").asString()).isEqualTo("hemligt");

        // The same administration's administrator does see it.
        admin().get("/api/responses/" + id).expect(200);
    }

    @Test
    void responsesAreTaggedWithTheCreatorsAdministration() {
        String methodId = unique("gd1-tagg");
        IdentityFixtures.publish(admin(), methodId);
        String clientId = unique("klient");
        JsonNode started = IdentityFixtures.start(Api.at(port).as("omsorg", "placera-demo"), methodId, clientId);
        var entries = admin().get("/api/audit?action=response.start&subjectId=" + clientId).expect(200).json();
        // The Socialförvaltningen administrator cannot see Vård och omsorg's audit entries either.
        assertThat(entries.size()).isZero();
        Api.at(port).asCaseworker().get("/api/responses/" + started.get("responseId").asString()).expect(404);
    }
}
