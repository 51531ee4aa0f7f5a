package se.placera.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import se.placera.support.AppIntegrationTest;

/** EV-1 and FM-8 through the form runtime: ratings from submitted responses, units as live alternatives. */
@AppIntegrationTest
class UnitQualityIntegrationTests {

    @LocalServerPort
    int port;

    RegisterFixtures f;
    String area;
    String provider;

    @BeforeEach
    void setUp() {
        f = new RegisterFixtures(port);
        area = RegisterFixtures.unique("kval");
        provider = f.createProvider("Kvalitet AB", "extern").get("id").asString();
    }

    void publish(Map<String, Object> method) {
        JsonNode saved = f.admin.post("/api/metadata/methods", method).expect(200).json();
        f.admin.post("/api/metadata/methods/" + method.get("id") + "/versions/"
                + saved.at("/definition/version").asInt() + "/publish", null).expect(200);
    }

    Map<String, Object> evaluationMethod(String id, String purpose) {
        return Map.of("kind", "method", "id", id, "title", "Utvärdering " + id, "purpose", purpose,
                "subjectType", "unit",
                "areas", List.of(Map.of("id", "helhet", "title", "Helhet", "questions", List.of(
                        Map.of("id", "helhetsbetyg", "text", "Helhetsbetyg", "kind", "rating", "scale", "1-5",
                                "required", true),
                        Map.of("id", "maluppfyllelse", "text", "Måluppfyllelse", "kind", "rating", "scale",
                                "percent"),
                        Map.of("id", "sammanbrott", "text", "Sammanbrott?", "kind", "background",
                                "answerType", "single", "options", Map.of("static", List.of(
                                        Map.of("value", "ja", "label", "Ja"),
                                        Map.of("value", "nej", "label", "Nej"))))))));
    }

    void submit(String methodId, String unitId, Map<String, Object> answers) {
        JsonNode state = f.caseworker.post("/api/responses", Map.of("methodId", methodId,
                "subject", Map.of("type", "unit", "id", unitId))).expect(201).json();
        f.caseworker.post("/api/responses/" + state.get("responseId").asString() + "/submit",
                Map.of("answers", answers, "revision", state.get("revision").asLong())).expect(200);
    }

    JsonNode quality(String unitId) {
        return f.caseworker.get("/api/register/units/" + unitId + "/quality").expect(200).json();
    }

    @Test
    void aSubmittedEvaluationUpdatesTheRatingsAndTheNextSearchShowsThem() {
        String unitId = f.createUnit(RegisterFixtures.hvb(provider, "Betygsgården", area, 3300)).at("/unit/id")
                .asString();
        String method = RegisterFixtures.unique("p7-utvardering");
        publish(evaluationMethod(method, "evaluation"));
        assertThat(quality(unitId).at("/caseworkerRating/count").asInt()).isZero();

        submit(method, unitId, Map.of("helhetsbetyg", 5));
        JsonNode one = quality(unitId);
        assertThat(one.at("/caseworkerRating/count").asInt()).isEqualTo(1);
        assertThat(one.at("/caseworkerRating/sufficient").asBoolean()).isFalse();
        assertThat(one.at("/caseworkerRating/display").asString()).isEqualTo("för få svar");

        submit(method, unitId, Map.of("helhetsbetyg", 4, "maluppfyllelse", 0));
        submit(method, unitId, Map.of("helhetsbetyg", 5, "sammanbrott", "ja"));
        JsonNode three = quality(unitId);
        assertThat(three.at("/caseworkerRating/count").asInt()).isEqualTo(3);
        assertThat(three.at("/caseworkerRating/rawMean").asDouble()).isEqualTo(4.67);
        // Shrunk toward 3.5 as if five more responses: (3.5 × 5 + 14) / 8 = 3.94.
        assertThat(three.at("/caseworkerRating/value").asDouble()).isEqualTo(3.9);
        assertThat(three.at("/caseworkerRating/display").asString()).isEqualTo("3,9 (3 svar)");
        assertThat(three.get("endedPlacements").asInt()).isEqualTo(1);
        assertThat(three.get("breakdownRate").asDouble()).isEqualTo(1.0);

        JsonNode result = f.caseworker.post("/api/matching/search", Map.of("tenderArea", area)).expect(200).json();
        assertThat(result.at("/results/0/caseworkerRating/count").asInt()).isEqualTo(3);
        assertThat(result.at("/results/0/breakdownRate").asDouble()).isEqualTo(1.0);
        assertThat(result.at("/results/0/reasons/1/text").asString()).contains("Handläggarbetyg 3,9 (3 svar)");
    }

    /** Item 12 of issue 12: shares are numbers shown as percent in the register and the matching export. */
    @Test
    void theBreakdownRateIsAPercentFormattedNumberInBothExports() throws Exception {
        String unitId = f.createUnit(RegisterFixtures.hvb(provider, "Procentgården", area, 3300)).at("/unit/id")
                .asString();
        String method = RegisterFixtures.unique("procent-utvardering");
        publish(evaluationMethod(method, "evaluation"));
        submit(method, unitId, Map.of("helhetsbetyg", 4, "sammanbrott", "ja"));

        byte[] register = f.admin.get("/api/register/export.xlsx").expect(200).bytes();
        Cell inRegister = cellOf(register, "Verksamheter", "Enhets-id", unitId, "Andel sammanbrott");
        assertThat(inRegister.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(inRegister.getNumericCellValue()).isEqualTo(1.0);
        assertThat(inRegister.getCellStyle().getDataFormatString()).isEqualTo("0.0%");

        byte[] matching = f.caseworker.post("/api/matching/export.xlsx", Map.of("tenderArea", area)).expect(200)
                .bytes();
        Cell inMatching = cellOf(matching, "Sökresultat", "Enhets-id", unitId, "Andel sammanbrott");
        assertThat(inMatching.getNumericCellValue()).isEqualTo(1.0);
        assertThat(inMatching.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
    }

    /** The cell in column {@code column} of the row whose {@code keyColumn} holds {@code key}. */
    static Cell cellOf(byte[] xlsx, String sheetName, String keyColumn, String key, String column) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheet(sheetName);
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            for (Row r : sheet) {
                Cell k = r.getCell(headers.indexOf(keyColumn));
                if (r.getRowNum() > 0 && k != null && key.equals(k.getStringCellValue())) {
                    return r.getCell(headers.indexOf(column));
                }
            }
        }
        throw new AssertionError("No row with " + keyColumn + " = " + key);
    }

    @Test
    void anEvaluationAnsweredByTheClientGivesTheClientRating() {
        String unitId = f.createUnit(RegisterFixtures.hvb(provider, "Rösthemmet", area, 3100)).at("/unit/id")
                .asString();
        String method = RegisterFixtures.unique("p7-roll");
        publish(evaluationMethod(method, "evaluation"));
        JsonNode state = f.caseworker.post("/api/responses", Map.of("methodId", method, "respondentRole", "client",
                "subject", Map.of("type", "unit", "id", unitId))).expect(201).json();
        f.caseworker.post("/api/responses/" + state.get("responseId").asString() + "/submit",
                Map.of("answers", Map.of("helhetsbetyg", 5), "revision", state.get("revision").asLong())).expect(200);
        JsonNode q = quality(unitId);
        assertThat(q.at("/clientRating/count").asInt()).isEqualTo(1);
        assertThat(q.at("/caseworkerRating/count").asInt()).isZero();
    }

    @Test
    void aFollowUpInterviewGivesTheClientRatingAndDeviationsAreCountedOnce() {
        String unitId = f.createUnit(RegisterFixtures.hvb(provider, "Klientgården", area, 3300)).at("/unit/id")
                .asString();
        String method = RegisterFixtures.unique("p7-klient");
        publish(evaluationMethod(method, "follow-up-interview"));
        submit(method, unitId, Map.of("helhetsbetyg", 2, "maluppfyllelse", 100));
        JsonNode q = quality(unitId);
        assertThat(q.at("/clientRating/count").asInt()).isEqualTo(1);
        assertThat(q.at("/clientRating/rawMean").asDouble()).isEqualTo(2.0);
        assertThat(q.at("/caseworkerRating/count").asInt()).isZero();

        Map<String, Object> deviation = Map.of("id", RegisterFixtures.unique("avv"), "date", "2026-03-01",
                "category", "Rapportering", "description", "Månadsrapporten kom inte");
        f.admin.post("/api/register/units/" + unitId + "/deviations", deviation).expect(201);
        f.admin.post("/api/register/units/" + unitId + "/deviations", deviation).expect(201);
        assertThat(quality(unitId).get("deviations").asInt()).isEqualTo(1);
        f.caseworker.post("/api/register/units/" + unitId + "/deviations", deviation).expect(403);
    }

    @Test
    void aMethodQuestionOffersTheUnitsOfTheRegisterIncludingOneAddedAMomentAgo() {
        String first = f.createUnit(RegisterFixtures.hvb(provider, "Förstagården", area, 3000)).at("/unit/id")
                .asString();
        String method = RegisterFixtures.unique("p7-val");
        publish(Map.of("kind", "method", "id", method, "title", "Val av HVB", "purpose", "placement-inquiry",
                "areas", List.of(Map.of("id", "val", "title", "Val", "questions", List.of(
                        Map.of("id", "enhet", "text", "Vilket HVB?", "kind", "background", "answerType", "single",
                                "options", Map.of("source", "providers", "params", Map.of(
                                        "placementForm", "hvb-barn-unga", "tenderArea", area,
                                        "activeOnly", true))))))));
        JsonNode state = f.caseworker.post("/api/responses", Map.of("methodId", method)).expect(201).json();
        String responseId = state.get("responseId").asString();
        assertThat(options(state)).containsExactly(first);

        String second = f.createUnit(RegisterFixtures.hvb(provider, "Andragården", area, 3100)).at("/unit/id")
                .asString();
        JsonNode again = f.caseworker.get("/api/responses/" + responseId).expect(200).json();
        assertThat(options(again)).containsExactly(second, first);
        assertThat(again.at("/areas/0/questions/0/options/0/label").asString())
                .isEqualTo("Andragården (Kvalitet AB), Uppsala");

        // An inactive unit is no longer offered.
        Map<String, Object> inactive = RegisterFixtures.hvb(provider, "Förstagården", area, 3000);
        inactive.put("active", false);
        inactive.put("version", f.admin.get("/api/register/units/" + first).expect(200).json().at("/unit/version")
                .asLong());
        f.admin.put("/api/register/units/" + first, inactive).expect(200);
        assertThat(options(f.caseworker.get("/api/responses/" + responseId).expect(200).json()))
                .containsExactly(second);
    }

    static List<String> options(JsonNode state) {
        return state.at("/areas/0/questions/0/options").findValuesAsString("value");
    }
}
