package se.placera.promise;

import static org.assertj.core.api.Assertions.assertThat;
import static se.placera.support.FormStates.question;
import static se.placera.support.FormStates.values;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import se.placera.support.Api;
import se.placera.support.AppIntegrationTest;

/**
 * The product's promise: a brand-new target group and its method are added by an administrator through the
 * metadata API alone — no code, no restart — and caseworkers can fill the method in at once.
 */
@AppIntegrationTest
class NewTargetGroupThroughTheApiIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void anAdministratorAddsATargetGroupAndItsMethodAndACaseworkerFillsItIn() {
        Api admin = Api.at(port).asAdmin();
        Api caseworker = Api.at(port).asCaseworker();

        // 1. A new target group: a new version of the codelist of target groups.
        JsonNode current = admin.get("/api/metadata/codelists/malgrupper?status=published").expect(200).json();
        ObjectNode malgrupper = (ObjectNode) current.get("content").deepCopy();
        malgrupper.withArray("items").addObject().put("value", "vuxna-spelberoende")
                .put("label", "Vuxna – Spelberoende");
        int v = admin.post("/api/metadata/codelists", malgrupper).expect(200).json().at("/definition/version").asInt();
        assertThat(v).isEqualTo(current.get("version").asInt() + 1);
        admin.post("/api/metadata/codelists/malgrupper/versions/" + v + "/publish", null).expect(200);

        // 2. Its interventions, each saying which target groups it serves.
        Map<String, Object> insatser = Map.of("kind", "codelist", "id", "spelinsatser", "title", "Insatser vid spelberoende",
                "items", List.of(
                        item("kbt-spel", "KBT för spelberoende", "vuxna-spelberoende"),
                        item("spelpaus", "Stöd vid självavstängning (Spelpaus)", "vuxna-spelberoende"),
                        item("anhorigstod", "Anhörigstöd", "vuxna-spelberoende", "vuxna-missbruk"),
                        item("lakemedel", "Läkemedelsassisterad behandling", "vuxna-missbruk")));
        admin.post("/api/metadata/codelists", insatser).expect(200);
        admin.post("/api/metadata/codelists/spelinsatser/versions/1/publish", null).expect(200);

        // 3. The method: the target group is answered from the case, the interventions cascade from it,
        //    a question appears only for ongoing gambling, and both rating scales are used.
        Map<String, Object> method = new LinkedHashMap<>();
        method.put("kind", "method");
        method.put("id", "vuxna-spelberoende-uppfoljning");
        method.put("title", "Vuxna – Spelberoende, uppföljning");
        method.put("purpose", "follow-up-interview");
        method.put("subjectType", "client");
        method.put("targetGroup", "vuxna-spelberoende");
        method.put("respondents", List.of("caseworker", "client"));
        method.put("areas", List.of(
                Map.of("id", "insats", "title", "Insatsen", "questions", List.of(
                        Map.of("id", "malgrupp", "text", "Målgrupp", "kind", "background", "answerType", "single",
                                "required", true, "options", Map.of("codelist", "malgrupper"),
                                "autoAnswer", "has(subject.targetGroup) ? subject.targetGroup : null"),
                        Map.of("id", "insatser", "text", "Vilka insatser har du fått?", "kind", "background",
                                "answerType", "multiple", "required", true,
                                "options", Map.of("codelist", "spelinsatser"),
                                "optionFilter", "answers.malgrupp in item.attributes.targetGroups",
                                "help", "Välj **alla** som stämmer.\n\n- KBT\n- Spelpaus"))),
                Map.of("id", "lage", "title", "Läget nu", "questions", List.of(
                        Map.of("id", "spelarFortfarande", "text", "Spelar du fortfarande om pengar?", "kind", "background",
                                "answerType", "single", "required", true,
                                "options", Map.of("static", List.of(
                                        Map.of("value", "ja", "label", "Ja"), Map.of("value", "nej", "label", "Nej")))),
                        Map.of("id", "spelDagar", "text", "Hur många dagar de senaste 30?", "kind", "background",
                                "answerType", "number", "minimum", 0, "maximum", 30, "required", true,
                                "visibleWhen", "answers.spelarFortfarande == 'ja'"),
                        Map.of("id", "nojdhet", "text", "Hur nöjd är du med stödet?", "kind", "rating", "scale", "1-5",
                                "required", true),
                        Map.of("id", "malUppnatt", "text", "I hur hög grad har målen nåtts?", "kind", "rating",
                                "scale", "percent")))));
        admin.post("/api/metadata/methods", method).expect(200);
        admin.post("/api/metadata/methods/vuxna-spelberoende-uppfoljning/versions/1/publish", null).expect(200);

        // 4. The area that links it into the catalogue.
        admin.post("/api/metadata/areas", Map.of("kind", "area", "id", "vuxna-spelberoende",
                "title", "Vuxna – Spelberoende", "sector", "vuxna", "targetGroup", "vuxna-spelberoende",
                "methods", List.of("vuxna-spelberoende-uppfoljning"))).expect(200);
        admin.post("/api/metadata/areas/vuxna-spelberoende/versions/1/publish", null).expect(200);

        // 5. A caseworker fills it in with a client.
        JsonNode state = caseworker.post("/api/responses", Map.of("methodId", "vuxna-spelberoende-uppfoljning",
                "subject", Map.of("type", "client", "id", "K-4711", "attributes",
                        Map.of("targetGroup", "vuxna-spelberoende")))).expect(201).json();
        String id = state.get("responseId").asString();
        JsonNode malgrupp = question(state, "malgrupp");
        assertThat(malgrupp.get("auto").asBoolean()).isTrue();
        assertThat(malgrupp.get("value").asString()).isEqualTo("vuxna-spelberoende");
        assertThat(values(question(state, "insatser"))).containsExactly("kbt-spel", "spelpaus", "anhorigstod");
        assertThat(question(state, "spelDagar")).isNull();

        state = caseworker.patch("/api/responses/" + id + "/answers",
                caseworker.revised("/api/responses/" + id, "answers", Map.of("spelarFortfarande", "ja")))
                .expect(200).json();
        assertThat(question(state, "spelDagar")).isNotNull();

        JsonNode submitted = caseworker.post("/api/responses/" + id + "/submit",
                caseworker.revised("/api/responses/" + id, "answers", Map.of(
                "insatser", List.of("kbt-spel", "anhorigstod"), "spelDagar", 3, "nojdhet", 4, "malUppnatt", 60)))
                .expect(200).json();
        assertThat(submitted.get("status").asString()).isEqualTo("submitted");

        JsonNode read = caseworker.get("/api/responses/" + id).expect(200).json();
        assertThat(read.at("/method/id").asString()).isEqualTo("vuxna-spelberoende-uppfoljning");
        assertThat(read.at("/method/version").asInt()).isEqualTo(1);
        assertThat(read.at("/answers/malgrupp").asString()).isEqualTo("vuxna-spelberoende");
        assertThat(values(read.at("/answers/insatser"))).containsExactly("kbt-spel", "anhorigstod");
        assertThat(read.at("/answers/spelDagar").asInt()).isEqualTo(3);
        assertThat(read.at("/answers/malUppnatt").asInt()).isEqualTo(60);
    }

    private static Map<String, Object> item(String value, String label, String... targetGroups) {
        return Map.of("value", value, "label", label, "attributes", Map.of("targetGroups", List.of(targetGroups)));
    }
}
