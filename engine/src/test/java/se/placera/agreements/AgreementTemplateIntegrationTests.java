package se.placera.agreements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import se.placera.support.Api;
import se.placera.support.AppIntegrationTest;

/** PA-7: agreement templates are metadata, imported from templates/agreements/ and checked on publish. */
@AppIntegrationTest
class AgreementTemplateIntegrationTests {

    @LocalServerPort
    int port;

    Api admin() {
        return Api.at(port).asAdmin();
    }

    @Test
    void theShippedTemplatesArePublishedAtStartWithTheirBodies() {
        for (String id : List.of("hvb-barn-unga-ramavtal", "familjehem", "vuxna-missbruk-ramavtal",
                "direktupphandling", "tillaggsavtal")) {
            JsonNode t = admin().get("/api/metadata/agreement-templates/" + id + "?status=published").expect(200)
                    .json();
            assertThat(t.at("/content/body").asString()).contains("<h1>");
            assertThat(t.at("/content/bodyFile").isMissingNode()).isTrue();
        }
        assertThat(admin().get("/api/metadata/agreement-templates/familjehem?status=published").expect(200).json()
                .at("/content/body").asString()).contains("${free.arvode}", "${free.omkostnad}");
    }

    @Test
    void aTemplateWithAnUnknownFieldIsRefusedWithPointers() {
        Map<String, Object> t = template("okant-falt", "<p>${placement.pricePerDay} ${placement.hemligt}</p>");
        t.put("fields", List.of("placement.pricePerDay", "placement.finnsInte"));
        Map<String, List<String>> codes = validate(t);
        assertThat(codes).containsEntry("/fields/1", List.of("agreement-template.unknown-field"))
                .containsEntry("/body", List.of("agreement-template.unknown-field"));
    }

    @Test
    void aBodyThatReadsAFieldItDidNotDeclareIsRefusedWithItsLine() {
        Map<String, Object> t = template("odeklarerat", "<p>ok</p>\n<p>${client.name}</p>");
        JsonNode report = admin().post("/api/metadata/agreement-templates/validate", t).expect(200).json();
        assertThat(report.at("/errors/0/pointer").asString()).isEqualTo("/body");
        assertThat(report.at("/errors/0/detail").asString()).contains("client.name", "line 2");
    }

    @Test
    void aTemplateThatDoesNotParseOrIsNotXhtmlIsRefused() {
        assertThat(validate(template("trasig", "<p><#if>x</p>"))).containsEntry("/body",
                List.of("agreement-template.syntax"));
        assertThat(validate(template("ej-xhtml", "<p>x<br></p>"))).containsEntry("/body",
                List.of("agreement-template.render"));
        assertThat(validate(template("ny", "<#assign x = \"freemarker.template.utility.Execute\"?new()><p/>")))
                .containsKey("/body");
    }

    @Test
    void aBadConditionIsRefused() {
        Map<String, Object> t = template("dalig-regel", "<p/>");
        t.put("appliesWhen", "subject.placementForm ==");
        assertThat(validate(t)).containsEntry("/appliesWhen", List.of("rule.syntax"));
    }

    @Test
    void twoTemplatesForTheSamePlacementWithoutPriorityAreRefused() {
        Map<String, Object> first = template("hvb-vuxna-a", "<p/>");
        first.put("appliesWhen", "subject.placementForm == 'hvb-vuxna' && subject.unitAgreementType == 'ramavtal'");
        first.put("priority", 7);
        admin().post("/api/metadata/agreement-templates", first).expect(200);
        admin().post("/api/metadata/agreement-templates/hvb-vuxna-a/versions/1/publish", null).expect(200);

        Map<String, Object> second = template("hvb-vuxna-b", "<p/>");
        second.put("appliesWhen", "subject.placementForm in ['hvb-vuxna', 'lvm-hem']");
        second.put("priority", 7);
        admin().post("/api/metadata/agreement-templates", second).expect(200);
        JsonNode refused = admin().post("/api/metadata/agreement-templates/hvb-vuxna-b/versions/1/publish", null)
                .expect(400).json();
        assertThat(codesByPointer(refused.get("errors"))).containsEntry("/appliesWhen",
                List.of("agreement-template.overlap"));
        assertThat(refused.toString()).contains("hvb-vuxna-a");

        // A higher priority settles which one applies; a supplementary template does not compete with main ones.
        second.put("priority", 8);
        JsonNode draft = admin().get("/api/metadata/agreement-templates/hvb-vuxna-b/versions/1").expect(200).json();
        admin().send("PUT", "/api/metadata/agreement-templates/hvb-vuxna-b/draft", second,
                Map.of("If-Match", String.valueOf(draft.get("revision").asLong()))).expect(200);
        admin().post("/api/metadata/agreement-templates/hvb-vuxna-b/versions/1/publish", null).expect(200);
        Map<String, Object> supplementary = template("hvb-vuxna-tillagg", "<p/>");
        supplementary.put("agreementType", "tillaggsavtal");
        supplementary.put("priority", 7);
        assertThat(validate(supplementary)).isEmpty();
    }

    private Map<String, List<String>> validate(Map<String, Object> t) {
        return codesByPointer(admin().post("/api/metadata/agreement-templates/validate", t).expect(200).json()
                .get("errors"));
    }

    static Map<String, Object> template(String id, String body) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("kind", "agreement-template");
        t.put("id", id);
        t.put("title", "Testmall " + id);
        t.put("agreementType", "placeringsavtal");
        t.put("appliesWhen", "subject.placementForm == 'test-" + id + "'");
        t.put("fields", List.of("placement.pricePerDay"));
        t.put("body", body);
        return t;
    }

    private static Map<String, List<String>> codesByPointer(JsonNode errors) {
        Map<String, List<String>> codes = new LinkedHashMap<>();
        errors.forEach(e -> codes.computeIfAbsent(e.get("pointer").asString(), k -> new ArrayList<>())
                .add(e.get("code").asString()));
        return codes;
    }
}
