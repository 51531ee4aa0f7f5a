package se.placera.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import se.placera.support.Api;
import se.placera.support.AppIntegrationTest;
import se.placera.support.TestMethods;

@AppIntegrationTest
class MetadataIntegrationTests {

    @LocalServerPort
    int port;

    Api admin() {
        return Api.at(port).asAdmin();
    }

    @Test
    void theStandardLibraryIsImportedAtStartUp() {
        JsonNode methods = admin().get("/api/metadata/methods").expect(200).json();
        List<String> ids = new ArrayList<>();
        methods.forEach(m -> ids.add(m.get("id").asString()));
        assertThat(ids).contains("barn-unga-hvb-uppfoljning", "barn-unga-familjehem-uppfoljning",
                "vuxna-missbruk-uppfoljning", "vuxna-hemloshet-kartlaggning");
        methods.forEach(m -> assertThat(m.get("status").asString()).isEqualTo("published"));
        JsonNode areas = admin().get("/api/metadata/areas").expect(200).json();
        assertThat(areas.size()).isGreaterThanOrEqualTo(25);
        admin().get("/api/metadata/codelists/placeringsformer?status=published").expect(200);
    }

    @Test
    void draftPublishAndNewDraftKeepPublishedVersionsImmutable() {
        Map<String, Object> method = new HashMap<>(TestMethods.cascading("livscykel"));
        JsonNode saved = admin().post("/api/metadata/methods", method).expect(200).json();
        assertThat(saved.at("/definition/version").asInt()).isEqualTo(1);
        assertThat(saved.at("/definition/status").asString()).isEqualTo("draft");

        // Saving again updates the same draft: with the revision read (If-Match), else 428.
        method.put("title", "Livscykel, ändrad");
        JsonNode unversioned = admin().post("/api/metadata/methods", method).expect(428).json();
        assertThat(unversioned.get("code").asString()).isEqualTo("VERSION_REQUIRED");
        admin().send("POST", "/api/metadata/methods", method,
                Map.of("If-Match", String.valueOf(saved.at("/definition/revision").asLong()))).expect(200);
        assertThat(admin().get("/api/metadata/methods/livscykel/versions").expect(200).json().size()).isEqualTo(1);

        JsonNode published = admin().post("/api/metadata/methods/livscykel/versions/1/publish", null).expect(200).json();
        assertThat(published.get("status").asString()).isEqualTo("published");
        assertThat(published.at("/content/title").asString()).isEqualTo("Livscykel, ändrad");

        // Editing a published definition makes a new draft version; version 1 stays as it was.
        method.put("title", "Livscykel v2");
        JsonNode v2 = admin().post("/api/metadata/methods", method).expect(200).json();
        assertThat(v2.at("/definition/version").asInt()).isEqualTo(2);
        assertThat(v2.at("/definition/status").asString()).isEqualTo("draft");
        assertThat(admin().get("/api/metadata/methods/livscykel/versions/1").expect(200).json()
                .at("/content/title").asString()).isEqualTo("Livscykel, ändrad");
        assertThat(admin().get("/api/metadata/methods/livscykel?status=published").expect(200).json()
                .get("version").asInt()).isEqualTo(1);

        admin().post("/api/metadata/methods/livscykel/versions/2/publish", null).expect(200);
        admin().post("/api/metadata/methods/livscykel/versions/1/retire", null).expect(200);
        assertThat(admin().get("/api/metadata/methods/livscykel/versions/1").json().get("status").asString())
                .isEqualTo("retired");
        // A retired version takes no new responses.
        JsonNode refused = Api.at(port).asCaseworker()
                .post("/api/responses", Map.of("methodId", "livscykel", "version", 1)).expect(409).json();
        assertThat(refused.get("code").asString()).isEqualTo("FORM_METHOD_NOT_IN_USE");
    }

    @Test
    void metaSchemaErrorsArePointersWithStableCodesAndNothingIsStored() {
        Map<String, Object> bad = new HashMap<>(TestMethods.cascading("trasig"));
        bad.put("purpose", "nonsense");
        bad.put("areas", List.of(Map.of("id", "a", "title", "A", "questions", List.of(
                Map.of("id", "q", "text", "Q", "kind", "rating")))));
        JsonNode problem = admin().post("/api/metadata/methods", bad).expect(400).json();
        assertThat(problem.get("code").asString()).isEqualTo("METADATA_INVALID");
        assertThat(problem.get("type").asString()).startsWith("https://placera.se/problems/");
        List<String> pointers = pointers(problem);
        assertThat(pointers).contains("/purpose", "/areas/0/questions/0/scale");
        admin().get("/api/metadata/methods/trasig").expect(404);
    }

    @Test
    void rulesAreTypeCheckedAndCyclesRejectedOnPublish() {
        Map<String, Object> method = Map.of("kind", "method", "id", "regelfel", "title", "Regelfel",
                "purpose", "survey", "areas", List.of(Map.of("id", "a", "title", "A", "questions", List.of(
                        Map.of("id", "a1", "text", "A1", "kind", "background", "answerType", "text",
                                "visibleWhen", "answers.a2 == 'x'"),
                        Map.of("id", "a2", "text", "A2", "kind", "background", "answerType", "text",
                                "visibleWhen", "answers.a1 == 'y'"),
                        Map.of("id", "a3", "text", "A3", "kind", "background", "answerType", "text",
                                "visibleWhen", "answers.a1 + 1"),
                        Map.of("id", "a4", "text", "A4", "kind", "background", "answerType", "text",
                                "autoAnswer", "answers.finnsInte")))));
        JsonNode report = admin().post("/api/metadata/methods/validate", method).expect(200).json();
        assertThat(report.get("valid").asBoolean()).isFalse();
        Map<String, String> codes = codesByPointer(report.get("errors"));
        assertThat(codes).containsEntry("/areas/0/questions/2/visibleWhen", "rule.result.type")
                .containsEntry("/areas/0/questions/3/autoAnswer", "rule.unknown-question");

        // The draft is saved (with warnings) but cannot be published.
        JsonNode saved = admin().post("/api/metadata/methods", method).expect(200).json();
        assertThat(saved.get("warnings").size()).isGreaterThan(0);
        JsonNode refused = admin().post("/api/metadata/methods/regelfel/versions/1/publish", null).expect(400).json();
        assertThat(codesByPointer(refused.get("errors")).values()).contains("rule.unknown-question");

        // Fix the type and reference problems: the cycle a1 <-> a2 remains and is reported.
        Map<String, Object> cyclic = Map.of("kind", "method", "id", "regelfel", "title", "Regelfel",
                "purpose", "survey", "areas", List.of(Map.of("id", "a", "title", "A", "questions", List.of(
                        Map.of("id", "a1", "text", "A1", "kind", "background", "answerType", "text",
                                "visibleWhen", "answers.a2 == 'x'"),
                        Map.of("id", "a2", "text", "A2", "kind", "background", "answerType", "text",
                                "visibleWhen", "answers.a1 == 'y'")))));
        admin().send("POST", "/api/metadata/methods", cyclic,
                Map.of("If-Match", String.valueOf(saved.at("/definition/revision").asLong()))).expect(200);
        JsonNode cycle = admin().post("/api/metadata/methods/regelfel/versions/1/publish", null).expect(400).json();
        assertThat(codesByPointer(cycle.get("errors")).values()).contains("rule.cycle");
        assertThat(cycle.toString()).contains("a1").contains("a2");
    }

    @Test
    void onlyAdministratorsChangeMetadata() {
        Api caseworker = Api.at(port).asCaseworker();
        caseworker.get("/api/metadata/methods").expect(200);
        caseworker.post("/api/metadata/methods", TestMethods.cascading("obehorig")).expect(403);
        Api.at(port).get("/api/metadata/methods").expect(401);
    }

    @Test
    void bundleImportIsAllOrNothingAndReimportChangesNothing() {
        Map<String, Object> codelist = Map.of("kind", "codelist", "id", "bundle-test-lista", "title", "Lista",
                "items", List.of(Map.of("value", "a", "label", "A")));
        Map<String, Object> method = new HashMap<>(TestMethods.cascading("bundle-metod"));
        method.put("areas", List.of(Map.of("id", "a", "title", "A", "questions", List.of(
                Map.of("id", "val", "text", "Val", "kind", "background", "answerType", "single",
                        "options", Map.of("codelist", "bundle-test-lista"))))));
        Map<String, Object> broken = Map.of("kind", "codelist", "id", "bundle-trasig", "title", "Trasig",
                "items", List.of());

        // One invalid entry: nothing at all is imported.
        Map<String, Object> bad = Map.of("format", "placera-bundle/1", "definitions", List.of(
                Map.of("kind", "codelist", "content", codelist),
                Map.of("kind", "method", "content", method),
                Map.of("kind", "codelist", "content", broken)));
        JsonNode rejected = admin().post("/api/metadata/bundle", bad).expect(400).json();
        assertThat(rejected.get("code").asString()).isEqualTo("METADATA_BUNDLE_INVALID");
        assertThat(pointers(rejected)).contains("/definitions/2/content/items");
        admin().get("/api/metadata/codelists/bundle-test-lista").expect(404);
        admin().get("/api/metadata/methods/bundle-metod").expect(404);

        // Validate-only reports what would happen and stores nothing.
        Map<String, Object> good = Map.of("format", "placera-bundle/1", "definitions", List.of(
                Map.of("kind", "method", "content", method),
                Map.of("kind", "codelist", "content", codelist)));
        JsonNode dryRun = admin().post("/api/metadata/bundle?validateOnly=true", good).expect(200).json();
        assertThat(dryRun.get("applied").asBoolean()).isFalse();
        assertThat(dryRun.get("items").size()).isEqualTo(2);
        admin().get("/api/metadata/methods/bundle-metod").expect(404);

        // The method refers to a codelist in the same bundle: order within the bundle does not matter.
        JsonNode applied = admin().post("/api/metadata/bundle", good).expect(200).json();
        assertThat(applied.get("applied").asBoolean()).isTrue();
        admin().get("/api/metadata/methods/bundle-metod?status=published").expect(200);

        JsonNode again = admin().post("/api/metadata/bundle", good).expect(200).json();
        again.get("items").forEach(i -> assertThat(i.get("action").asString()).isEqualTo("unchanged"));
        assertThat(admin().get("/api/metadata/methods/bundle-metod/versions").json().size()).isEqualTo(1);

        // Export → import round trip: everything unchanged.
        JsonNode export = admin().get("/api/metadata/bundle?kind=codelist").expect(200).json();
        assertThat(export.get("format").asString()).isEqualTo("placera-bundle/1");
        JsonNode reimport = admin().post("/api/metadata/bundle", export).expect(200).json();
        reimport.get("items").forEach(i -> assertThat(i.get("action").asString()).isEqualTo("unchanged"));
    }

    @Test
    void unknownKindsAndVersionsAreProblemDetails() {
        JsonNode p = admin().get("/api/metadata/widgets").expect(404).json();
        assertThat(p.get("code").asString()).isEqualTo("METADATA_UNKNOWN_KIND");
        admin().get("/api/metadata/methods/barn-unga-hvb-uppfoljning/versions/999").expect(404);
        JsonNode malformed = admin().post("/api/metadata/methods", "{not json").expect(400).json();
        assertThat(malformed.get("code").asString()).isEqualTo("MALFORMED_REQUEST");
    }

    static List<String> pointers(JsonNode problem) {
        List<String> out = new ArrayList<>();
        problem.get("errors").forEach(e -> out.add(e.get("pointer").asString()));
        return out;
    }

    static Map<String, String> codesByPointer(JsonNode errors) {
        Map<String, String> out = new HashMap<>();
        errors.forEach(e -> out.putIfAbsent(e.get("pointer").asString(), e.get("code").asString()));
        return out;
    }
}
