package se.placera.security;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import se.placera.support.Api;

/** Small fixtures for the identity tests: a one-question method and a started response. */
public final class IdentityFixtures {

    private IdentityFixtures() {
    }

    public static Map<String, Object> simpleMethod(String id) {
        return Map.of("kind", "method", "id", id, "title", "Testmetod " + id, "purpose", "evaluation",
                "subjectType", "client",
                "areas", List.of(Map.of("id", "a", "title", "Anteckning", "questions", List.of(
                        Map.of("id", "notering", "text", "Notering", "kind", "background", "answerType", "text")))));
    }

    /** Publishes a one-question method as the admin. */
    public static void publish(Api admin, String methodId) {
        JsonNode saved = admin.post("/api/metadata/methods", simpleMethod(methodId)).expect(200).json();
        int version = saved.at("/definition/version").asInt();
        admin.post("/api/metadata/methods/" + methodId + "/versions/" + version + "/publish", null).expect(200);
    }

    /** Starts a response about a client; returns the form state. */
    public static JsonNode start(Api user, String methodId, String clientId) {
        return user.post("/api/responses", Map.of("methodId", methodId,
                "subject", Map.of("type", "client", "id", clientId, "attributes", Map.of()))).expect(201).json();
    }
}
