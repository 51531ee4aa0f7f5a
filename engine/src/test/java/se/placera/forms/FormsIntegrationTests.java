package se.placera.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static se.placera.support.FormStates.question;
import static se.placera.support.FormStates.values;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import se.placera.support.Api;
import se.placera.support.AppIntegrationTest;
import se.placera.support.TestHomesOptionSource;
import se.placera.support.TestMethods;

@AppIntegrationTest
class FormsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestHomesOptionSource homes;

    Api admin;
    Api caseworker;

    @BeforeEach
    void clients() {
        admin = Api.at(port).asAdmin();
        caseworker = Api.at(port).asCaseworker();
    }

    void publish(Map<String, Object> method) {
        JsonNode saved = admin.post("/api/metadata/methods", method).expect(200).json();
        int version = saved.at("/definition/version").asInt();
        admin.post("/api/metadata/methods/" + method.get("id") + "/versions/" + version + "/publish", null).expect(200);
    }

    JsonNode start(String methodId) {
        return caseworker.post("/api/responses", Map.of("methodId", methodId,
                "subject", Map.of("type", "placement", "id", "P-1", "attributes", Map.of("targetGroup", "barn-unga"))))
                .expect(201).json();
    }

    @Test
    void stateFollowsTheAnswersWithCascadingAlternativesVisibilityAndAutoAnswers() {
        publish(TestMethods.cascading("forms-kaskad"));
        JsonNode state = start("forms-kaskad");
        String id = state.get("responseId").asString();
        assertThat(state.at("/method/version").asInt()).isEqualTo(1);
        assertThat(state.get("status").asString()).isEqualTo("draft");
        // Nothing chosen yet: the filter reads a null answer, so no boende alternative applies.
        assertThat(values(question(state, "boende"))).isEmpty();
        assertThat(question(state, "skolgang")).isNull();
        // The automatic answer comes from the user (Hugo works in Exempelkommun).
        JsonNode kommun = question(state, "kommun");
        assertThat(kommun.get("auto").asBoolean()).isTrue();
        assertThat(kommun.get("autoSource").asString()).isEqualTo("rule");
        assertThat(kommun.get("value").asString()).isEqualTo("Exempelkommun");
        // Help text is Markdown rendered safely: no script gets through.
        JsonNode help = question(state, "bemotande");
        assertThat(help.get("helpHtml").asString()).contains("<strong>hela</strong>").doesNotContain("<script");

        state = caseworker.patch("/api/responses/" + id + "/answers",
                caseworker.revised("/api/responses/" + id, "answers", Map.of("stod", "barn")))
                .expect(200).json();
        assertThat(values(question(state, "boende"))).containsExactly("hvb-barn", "familjehem");
        assertThat(question(state, "skolgang")).isNotNull();

        state = caseworker.patch("/api/responses/" + id + "/answers",
                caseworker.revised("/api/responses/" + id, "answers", Map.of("stod", "vuxna")))
                .expect(200).json();
        assertThat(values(question(state, "boende"))).containsExactly("hvb-vuxna");
        assertThat(question(state, "skolgang")).isNull();
    }

    @Test
    void wrongTypesAre400WithPointersAndNothingIsSaved() {
        publish(TestMethods.cascading("forms-typer"));
        JsonNode state = start("forms-typer");
        String id = state.get("responseId").asString();
        state = caseworker.patch("/api/responses/" + id + "/answers",
                caseworker.revised("/api/responses/" + id, "answers", Map.of("stod", "barn", "dygn", 12)))
                .expect(200).json();
        long revision = state.get("revision").asLong();

        Map<String, Object> bad = new HashMap<>();
        bad.put("dygn", "tolv");
        bad.put("bemotande", 7);
        bad.put("maluppfyllelse", 101);
        bad.put("finnsInte", "x");
        JsonNode problem = caseworker.patch("/api/responses/" + id + "/answers",
                caseworker.revised("/api/responses/" + id, "answers", bad))
                .expect(400).json();
        assertThat(problem.get("code").asString()).isEqualTo("FORM_INVALID_ANSWERS");
        Map<String, String> codes = new HashMap<>();
        problem.get("errors").forEach(e -> codes.put(e.get("pointer").asString(), e.get("code").asString()));
        assertThat(codes).containsEntry("/answers/dygn", "schema.type")
                .containsEntry("/answers/bemotande", "schema.maximum")
                .containsEntry("/answers/maluppfyllelse", "schema.maximum")
                .containsEntry("/answers/finnsInte", "answer.unknown-question");

        JsonNode unchanged = caseworker.get("/api/responses/" + id).expect(200).json();
        assertThat(unchanged.get("revision").asLong()).isEqualTo(revision);
        assertThat(unchanged.at("/answers/dygn").asInt()).isEqualTo(12);
    }

    @Test
    void submitValidatesEverythingThenStoresThePinnedVersionWithAutoAnswers() {
        publish(TestMethods.cascading("forms-skicka"));
        String id = start("forms-skicka").get("responseId").asString();

        // Missing required answers and an alternative that the cascade does not offer: 400, nothing stored.
        JsonNode problem = caseworker.post("/api/responses/" + id + "/submit",
                caseworker.revised("/api/responses/" + id, "answers", Map.of("stod", "vuxna", "boende", "familjehem")))
                .expect(400).json();
        Map<String, String> codes = new HashMap<>();
        problem.get("errors").forEach(e -> codes.put(e.get("pointer").asString(), e.get("code").asString()));
        assertThat(codes).containsEntry("/answers/boende", "answer.not-an-option")
                .containsEntry("/answers/bemotande", "answer.required");
        JsonNode stillDraft = caseworker.get("/api/responses/" + id).expect(200).json();
        assertThat(stillDraft.get("status").asString()).isEqualTo("draft");
        assertThat(stillDraft.get("answers").has("boende")).isFalse();

        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("stod", "barn");
        answers.put("boende", "familjehem");
        answers.put("skolgang", "ja");
        answers.put("bemotande", 4);
        answers.put("maluppfyllelse", 80);
        JsonNode submitted = caseworker.post("/api/responses/" + id + "/submit",
                caseworker.revised("/api/responses/" + id, "answers", answers))
                .expect(200).json();
        assertThat(submitted.get("status").asString()).isEqualTo("submitted");
        assertThat(submitted.at("/answers/kommun").asString()).isEqualTo("Exempelkommun");

        // A new method version does not move the submitted response.
        Map<String, Object> v2 = new HashMap<>(TestMethods.cascading("forms-skicka"));
        v2.put("title", "Version 2");
        publish(v2);
        JsonNode read = caseworker.get("/api/responses/" + id).expect(200).json();
        assertThat(read.at("/method/version").asInt()).isEqualTo(1);
        assertThat(read.at("/answers/bemotande").asInt()).isEqualTo(4);
        assertThat(question(read, "kommun").get("auto").asBoolean()).isTrue();
        assertThat(start("forms-skicka").at("/method/version").asInt()).isEqualTo(2);

        JsonNode again = caseworker.post("/api/responses/" + id + "/submit", Map.of()).expect(409).json();
        assertThat(again.get("code").asString()).isEqualTo("FORM_ALREADY_SUBMITTED");

        List<String> mine = new ArrayList<>();
        caseworker.get("/api/responses?status=submitted").expect(200).json()
                .forEach(r -> mine.add(r.get("responseId").asString()));
        assertThat(mine).contains(id);
    }

    @Test
    void anotherUsersResponseDoesNotExistForYou() {
        publish(TestMethods.cascading("forms-annan"));
        String id = start("forms-annan").get("responseId").asString();
        Api other = Api.at(port).as("admin", "placera-demo");
        other.get("/api/responses/" + id).expect(200); // administrators may
        // A caseworker cannot reach a response created by someone else.
        String adminsOwn = other.post("/api/responses", Map.of("methodId", "forms-annan")).expect(201).json()
                .get("responseId").asString();
        JsonNode missing = caseworker.get("/api/responses/" + adminsOwn).expect(404).json();
        assertThat(missing.get("code").asString()).isEqualTo("FORM_RESPONSE_NOT_FOUND");
        caseworker.patch("/api/responses/" + adminsOwn + "/answers",
                caseworker.revised("/api/responses/" + adminsOwn, "answers", Map.of("stod", "barn")))
                .expect(404);
    }

    @Test
    void stalesRevisionsAreRefused() {
        publish(TestMethods.cascading("forms-revision"));
        JsonNode state = start("forms-revision");
        String id = state.get("responseId").asString();
        long revision = state.get("revision").asLong();
        caseworker.patch("/api/responses/" + id + "/answers",
                Map.of("answers", Map.of("stod", "barn"), "revision", revision)).expect(200);
        JsonNode conflict = caseworker.patch("/api/responses/" + id + "/answers",
                Map.of("answers", Map.of("stod", "vuxna"), "revision", revision)).expect(409).json();
        assertThat(conflict.get("code").asString()).isEqualTo("CONCURRENT_UPDATE");
    }

    @Test
    void presetsAnswerQuestionsAutomaticallyPerUserAndMethod() {
        publish(TestMethods.cascading("forms-preset"));
        JsonNode refused = admin.put("/api/autoanswer-presets/handlaggare/forms-preset",
                Map.of("values", Map.of("dygn", "många", "saknas", 1))).expect(400).json();
        assertThat(refused.get("code").asString()).isEqualTo("FORM_INVALID_PRESET");

        admin.put("/api/autoanswer-presets/handlaggare/forms-preset", Map.of("values", Map.of("stod", "barn")))
                .expect(200);
        JsonNode state = start("forms-preset");
        JsonNode stod = question(state, "stod");
        assertThat(stod.get("auto").asBoolean()).isTrue();
        assertThat(stod.get("autoSource").asString()).isEqualTo("preset");
        assertThat(values(question(state, "boende"))).containsExactly("hvb-barn", "familjehem");
        // Only for that user.
        JsonNode adminState = admin.post("/api/responses", Map.of("methodId", "forms-preset")).expect(201).json();
        assertThat(question(adminState, "stod").get("auto").asBoolean()).isFalse();
        caseworker.put("/api/autoanswer-presets/handlaggare/forms-preset", Map.of("values", Map.of())).expect(403);
        admin.delete("/api/autoanswer-presets/handlaggare/forms-preset").expect(204);
    }

    @Test
    void alternativesFromALiveSourceShowANewEntryAtOnce() {
        Map<String, Object> method = Map.of("kind", "method", "id", "forms-kalla", "title", "Källa",
                "purpose", "placement-inquiry", "areas", List.of(Map.of("id", "a", "title", "A", "questions", List.of(
                        Map.of("id", "hem", "text", "Vilket hem?", "kind", "background", "answerType", "single",
                                "options", Map.of("source", "test-homes", "params", Map.of("lan", "Stockholm")))))));
        publish(method);
        JsonNode state = start("forms-kalla");
        assertThat(values(question(state, "hem"))).containsExactly("solgarden");
        homes.add(new Option("ekudden", "Ekudden HVB", Map.of("lan", "Stockholm")));
        state = caseworker.get("/api/responses/" + state.get("responseId").asString()).expect(200).json();
        assertThat(values(question(state, "hem"))).containsExactly("solgarden", "ekudden");

        Map<String, Object> unknownSource = Map.of("kind", "method", "id", "forms-kalla-fel", "title", "Fel",
                "purpose", "survey", "areas", List.of(Map.of("id", "a", "title", "A", "questions", List.of(
                        Map.of("id", "hem", "text", "Hem", "kind", "background", "answerType", "single",
                                "options", Map.of("source", "finns-inte")))))); 
        JsonNode report = admin.post("/api/metadata/methods/validate", unknownSource).expect(200).json();
        assertThat(report.toString()).contains("method.unknown-option-source");
    }

    @Test
    void theStandardLibraryMethodsCanBeFilledIn() {
        JsonNode state = caseworker.post("/api/responses", Map.of("methodId", "vuxna-missbruk-uppfoljning",
                "subject", Map.of("type", "client", "id", "K-17"))).expect(201).json();
        assertThat(state.get("areas").size()).isGreaterThan(0);
        JsonNode kommun = question(state, "kommun");
        assertThat(kommun).isNotNull();
        assertThat(kommun.get("auto").asBoolean()).isTrue();
        assertThat(kommun.get("value").asString()).isEqualTo("Exempelkommun");
        JsonNode preview = admin.post("/api/methods/barn-unga-hvb-uppfoljning/versions/1/preview",
                Map.of("answers", Map.of())).expect(200).json();
        assertThat(preview.get("status").asString()).isEqualTo("preview");
        assertThat(preview.has("responseId")).isFalse();
    }

    @Test
    void enteringAnswersNeedsWriteOnTheMethod() {
        publish(TestMethods.cascading("forms-las"));
        JsonNode hugo = null;
        for (JsonNode u : admin.get("/api/users").expect(200).json()) {
            if (u.get("username").asString().equals("handlaggare")) {
                hugo = u;
            }
        }
        assertThat(hugo).isNotNull();
        String userId = hugo.get("id").asString();
        Map<String, Object> update = Api.mapper().convertValue(hugo, Map.class);
        update.keySet().retainAll(List.of("username", "firstName", "lastName", "email", "phone", "jobRole",
                "administrations", "team", "permissions", "methodPermissions", "revision"));
        String started = start("forms-las").get("responseId").asString();
        try {
            update.put("methodPermissions", Map.of("forms-las", "READ"));
            update.put("revision", admin.put("/api/users/" + userId, update).expect(200).json().get("revision")
                    .asLong());
            JsonNode refused = caseworker.post("/api/responses", Map.of("methodId", "forms-las")).expect(403).json();
            assertThat(refused.get("code").asString()).isEqualTo("FORM_METHOD_FORBIDDEN");
            caseworker.patch("/api/responses/" + started + "/answers",
                    caseworker.revised("/api/responses/" + started, "answers", Map.of("stod", "barn")))
                    .expect(403);
            caseworker.get("/api/responses/" + started).expect(200);
        } finally {
            update.put("methodPermissions", Map.of());
            admin.put("/api/users/" + userId, update).expect(200);
        }
        caseworker.patch("/api/responses/" + started + "/answers",
                caseworker.revised("/api/responses/" + started, "answers", Map.of("stod", "barn"))).expect(200);
    }
}
