package se.placera.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import se.placera.support.Api;
import se.placera.support.AppIntegrationTest;

/** RP-1, GD-1, GD-2: a report is metadata, refused when wrong; it runs over what was just submitted. */
@AppIntegrationTest
class ReportsIntegrationTests {

    @LocalServerPort
    int port;

    Api admin() {
        return Api.at(port).asAdmin();
    }

    @Test
    void aReportThatNamesWhatDoesNotExistOrDoesNotFitIsRefusedWithPointers() {
        Map<String, Object> bad = report("trasig-rapport", List.of("finns-inte-metod", "barn-unga-hvb-uppfoljning"),
                List.of(Map.of("id", "a", "title", "Fel", "dimensions", List.of(Map.of("question", "placeringsorsak"),
                        Map.of("question", "saknas")), "measures", List.of(
                        Map.of("type", "mean", "question", "kommentar"),
                        Map.of("type", "shareAtLeast", "question", "helhetsbetyg", "level", 7),
                        Map.of("type", "share", "question", "placeraIgen", "value", "kanske"),
                        Map.of("type", "median", "question", "finnsInte")), "presentation", "bar")));
        Map<String, List<String>> codes = codes(admin().post("/api/metadata/reports/validate", bad).expect(200).json()
                .get("errors"));
        assertThat(codes).containsEntry("/dataSet/methods/0", List.of("report.method.unknown"))
                .containsEntry("/parts/0/dimensions/0/question", List.of("report.dimension.type"))
                .containsEntry("/parts/0/dimensions/1/question", List.of("report.question.unknown"))
                .containsEntry("/parts/0/measures/0/type", List.of("report.measure.type"))
                .containsEntry("/parts/0/measures/1/level", List.of("report.measure.level"))
                .containsEntry("/parts/0/measures/2/value", List.of("report.measure.value"))
                .containsEntry("/parts/0/measures/3/question", List.of("report.question.unknown"));

        // A draft may be unfinished, but it cannot be published.
        admin().post("/api/metadata/reports", bad).expect(200);
        JsonNode refused = admin().post("/api/metadata/reports/trasig-rapport/versions/1/publish", null).expect(400)
                .json();
        assertThat(codes(refused.get("errors"))).containsKey("/dataSet/methods/0");
        Api.at(port).asCaseworker().get("/api/reports/trasig-rapport/result").expect(404);

        // The meta-schema: a mean needs a question; an unknown chart type.
        Map<String, Object> shape = report("trasig-form", List.of(), List.of(Map.of("id", "a", "title", "Fel",
                "measures", List.of(Map.of("type", "mean")), "presentation", "paj")));
        Map<String, List<String>> shapeCodes = codes(admin().post("/api/metadata/reports/validate", shape).expect(200)
                .json().get("errors"));
        assertThat(shapeCodes.keySet()).anyMatch(p -> p.startsWith("/parts/0/measures/0"))
                .anyMatch(p -> p.startsWith("/parts/0/presentation"));
    }

    @Test
    void aSubmittedResponseIsInTheReportAtOnceAndSmallGroupsAreHidden() {
        String method = "rapporttest-" + UUID.randomUUID().toString().substring(0, 8);
        publish("methods", Map.of("kind", "method", "id", method, "title", "Rapporttest", "purpose", "evaluation",
                "subjectType", "client", "areas", List.of(Map.of("id", "a", "title", "Frågor", "questions", List.of(
                        Map.of("id", "kon", "text", "Kön", "kind", "background", "answerType", "single",
                                "options", Map.of("codelist", "kon")),
                        Map.of("id", "betyg", "text", "Betyg", "kind", "rating", "scale", "1-5"))))));
        String reportId = method + "-rapport";
        publish("reports", report(reportId, List.of(method), List.of(Map.of("id", "per-kon", "title", "Per kön",
                "dimensions", List.of(Map.of("fact", "gender")), "measures", List.of(Map.of("type", "count"),
                        Map.of("id", "medel", "type", "mean", "question", "betyg")), "presentation", "bar"))));

        Api caseworker = Api.at(port).asCaseworker();
        assertThat(caseworker.get("/api/reports/" + reportId + "/result").expect(200).json()
                .at("/parts/0/total/values/m0").isNull()).isTrue();
        for (int i = 0; i < 7; i++) {
            submit(caseworker, method, i < 6 ? "flicka-kvinna" : "pojke-man", i < 3 ? 5 : 3);
        }
        JsonNode result = caseworker.get("/api/reports/" + reportId + "/result").expect(200).json();
        JsonNode part = result.at("/parts/0");
        assertThat(part.at("/total/values/m0").asLong()).isEqualTo(7);
        assertThat(part.at("/total/values/medel").asDouble()).isEqualTo(Math.round((3 * 5 + 4 * 3) / 7.0 * 100) / 100.0);
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        part.path("rows").forEach(r -> rows.put(r.at("/values/0").asString(), r.path("total")));
        // One man: hidden; six women would give him away from the total, so they are hidden too.
        assertThat(rows.get("pojke-man").at("/values/m0").isNull()).isTrue();
        assertThat(rows.get("pojke-man").at("/values/medel").isNull()).isTrue();
        assertThat(rows.get("flicka-kvinna").at("/values/m0").isNull()).isTrue();
        assertThat(rows.get("flicka-kvinna").path("suppressed").toString()).contains("m0", "medel");
        assertThat(part.at("/rows/0/labels/0").asString()).isEqualTo("Flicka/kvinna");

        // Another administration's user sees none of it (GD-1); a user without REPORTS may not run reports.
        assertThat(Api.at(port).as("omsorg", "placera-demo").get("/api/reports/" + reportId + "/result").expect(200)
                .json().at("/parts/0/total/values/m0").isNull()).isTrue();
        Api.at(port).asSystemAdmin().get("/api/reports/" + reportId + "/result").expect(403);
    }

    @Test
    void fiveAnswersOfOnePersonAreOnePersonAndTheirMeanIsHiddenWithTheirCount() {
        String method = "rapportperson-" + UUID.randomUUID().toString().substring(0, 8);
        publish("methods", Map.of("kind", "method", "id", method, "title", "Rapporttest", "purpose", "evaluation",
                "subjectType", "client", "areas", List.of(Map.of("id", "a", "title", "Frågor", "questions", List.of(
                        Map.of("id", "kon", "text", "Kön", "kind", "background", "answerType", "single",
                                "options", Map.of("codelist", "kon")),
                        Map.of("id", "betyg", "text", "Betyg", "kind", "rating", "scale", "1-5"))))));
        String reportId = method + "-rapport";
        publish("reports", report(reportId, List.of(method), List.of(Map.of("id", "alla", "title", "Alla",
                "measures", List.of(Map.of("type", "count"), Map.of("id", "medel", "type", "mean", "question", "betyg")),
                "presentation", "keyFigure"))));
        Api caseworker = Api.at(port).asCaseworker();
        String client = "samma-klient-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            submit(caseworker, method, "flicka-kvinna", 4, client);
        }
        JsonNode total = caseworker.get("/api/reports/" + reportId + "/result").expect(200).json().at("/parts/0/total");
        // Five answers, but one person: the count is hidden, and so is the mean of the five ratings.
        assertThat(total.at("/values/m0").isNull()).isTrue();
        assertThat(total.at("/values/medel").isNull()).isTrue();
    }

    private void submit(Api user, String method, String gender, int rating) {
        submit(user, method, gender, rating, "rapportklient-" + UUID.randomUUID());
    }

    private void submit(Api user, String method, String gender, int rating, String client) {
        JsonNode started = user.post("/api/responses", Map.of("methodId", method, "subject", Map.of("type", "client",
                "id", client, "attributes", Map.of()))).expect(201).json();
        user.post("/api/responses/" + started.get("responseId").asString() + "/submit", Map.of("answers",
                Map.of("kon", gender, "betyg", rating), "revision", started.get("revision").asLong())).expect(200);
    }

    private void publish(String plural, Map<String, Object> content) {
        int version = admin().post("/api/metadata/" + plural, content).expect(200).json().at("/definition/version")
                .asInt();
        admin().post("/api/metadata/" + plural + "/" + content.get("id") + "/versions/" + version + "/publish", null)
                .expect(200);
    }

    static Map<String, Object> report(String id, List<String> methods, List<Map<String, Object>> parts) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("kind", "report");
        r.put("id", id);
        r.put("title", "Testrapport " + id);
        r.put("dataSet", methods.isEmpty() ? Map.of("source", "responses")
                : Map.of("source", "responses", "methods", methods));
        r.put("parts", parts);
        return r;
    }

    private static Map<String, List<String>> codes(JsonNode errors) {
        Map<String, List<String>> codes = new LinkedHashMap<>();
        errors.forEach(e -> codes.computeIfAbsent(e.get("pointer").asString(), k -> new ArrayList<>())
                .add(e.get("code").asString()));
        return codes;
    }
}
