package se.placera.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import se.placera.documents.Spreadsheets;
import se.placera.support.AppIntegrationTest;

@AppIntegrationTest
class MatchingIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Spreadsheets spreadsheets;

    RegisterFixtures f;
    String area;
    String framework;

    @BeforeEach
    void setUp() {
        f = new RegisterFixtures(port);
        area = RegisterFixtures.unique("match");
        framework = RegisterFixtures.unique("ramavtal-hvb");
        f.admin.put("/api/register/framework-agreements/" + framework, Map.of("name", "HVB Barn och unga " + framework,
                "placementForms", List.of("hvb-barn-unga"), "validFrom", "2020-01-01", "validTo", "2099-12-31"))
                .expect(200);
        String external = f.createProvider("Matchning Extern AB", "extern").get("id").asString();
        String own = f.createProvider("Kommunens egen regi", "egen").get("id").asString();

        Map<String, Object> alfa = RegisterFixtures.hvb(external, "Alfa", area, 3000);
        alfa.put("agreement", Map.of("type", "ramavtal", "frameworkAgreementId", framework));
        f.createUnit(alfa);
        Map<String, Object> beta = RegisterFixtures.hvb(external, "Beta", area, 5000);
        beta.put("needs", List.of("missbruk"));
        beta.put("location", Map.of("lat", 63.826, "lon", 20.263));
        f.createUnit(beta);
        Map<String, Object> gamma = RegisterFixtures.hvb(external, "Gamma", area, 2800);
        gamma.put("ivoPermit", Map.of("number", "IVO-G", "scope", List.of("hvb-barn-unga"), "validFrom", "2015-01-01",
                "validTo", "2020-12-31"));
        f.createUnit(gamma);
        Map<String, Object> delta = RegisterFixtures.hvb(external, "Delta", area, 2800);
        delta.put("minAge", 18);
        delta.put("maxAge", 20);
        f.createUnit(delta);
        Map<String, Object> epsilon = RegisterFixtures.hvb(external, "Epsilon", area, 2800);
        epsilon.put("genders", List.of("flicka-kvinna"));
        f.createUnit(epsilon);
        Map<String, Object> zeta = RegisterFixtures.hvb(external, "Zeta", area, 2800);
        zeta.put("legalBases", List.of("sol"));
        f.createUnit(zeta);
        Map<String, Object> eta = RegisterFixtures.hvb(external, "Eta", area, 2800);
        eta.put("vacancies", 0);
        f.createUnit(eta);
        Map<String, Object> theta = RegisterFixtures.hvb(own, "Theta", area, 3500);
        theta.remove("ivoPermit");
        theta.remove("agreement");
        f.createUnit(theta);
    }

    Map<String, Object> criteria() {
        Map<String, Object> c = new HashMap<>();
        c.put("targetGroup", "barn-unga");
        c.put("placementForm", "hvb-barn-unga");
        c.put("gender", "pojke-man");
        c.put("age", 15);
        c.put("needs", List.of("missbruk", "skolsvarigheter"));
        c.put("legalBasis", "lvu-3");
        c.put("tenderArea", area);
        c.put("requireVacancy", true);
        c.put("locality", "Uppsala");
        return c;
    }

    static List<String> names(JsonNode result) {
        List<String> names = new ArrayList<>();
        result.get("results").forEach(h -> names.add(h.get("unitName").asString()));
        return names;
    }

    @Test
    void hardFiltersDropUnitsAndTheRestAreRankedWithReasons() {
        JsonNode result = f.caseworker.post("/api/matching/search", criteria()).expect(200).json();
        assertThat(names(result)).containsExactly("Alfa", "Theta", "Beta");
        assertThat(result.get("total").asInt()).isEqualTo(3);
        JsonNode excluded = result.get("excluded");
        assertThat(excluded.get("ivo-tillstand").asInt()).isEqualTo(1);
        assertThat(excluded.get("alder").asInt()).isEqualTo(1);
        assertThat(excluded.get("kon").asInt()).isEqualTo(1);
        assertThat(excluded.get("lagrum").asInt()).isEqualTo(1);
        assertThat(excluded.get("lediga-platser").asInt()).isEqualTo(1);
        assertThat(result.get("profile").asString()).isEqualTo("standard");

        JsonNode alfa = result.get("results").get(0);
        assertThat(alfa.get("rank").asInt()).isEqualTo(1);
        assertThat(alfa.get("agreementType").asString()).isEqualTo("ramavtal");
        assertThat(alfa.get("pricePerDay").asInt()).isEqualTo(3000);
        assertThat(alfa.get("noticePeriodDays").asInt()).isEqualTo(30);
        assertThat(alfa.get("places").asInt()).isEqualTo(8);
        assertThat(alfa.at("/ivoPermit/validForPlacementForm").asBoolean()).isTrue();
        assertThat(alfa.at("/caseworkerRating/display").asString()).isEqualTo("för få svar");
        assertThat(alfa.get("distanceKm").asDouble()).isLessThan(1.0);
        assertThat(alfa.get("reasons").findValuesAsString("factor"))
                .containsExactly("needs", "quality", "price", "distance", "agreement", "vacancy");
        assertThat(alfa.get("reasons").get(0).get("text").asString()).isEqualTo("Tillgodoser 2 av 2 behov");
        assertThat(alfa.get("reasons").get(4).get("text").asString()).startsWith("Ramavtal HVB Barn och unga");
        double sum = 0;
        for (JsonNode r : alfa.get("reasons")) {
            sum += r.get("points").asDouble();
        }
        assertThat(alfa.get("score").asDouble()).isCloseTo(sum, org.assertj.core.data.Offset.offset(0.3));

        JsonNode beta = result.get("results").get(2);
        assertThat(beta.get("needsMissing").get(0).asString()).isEqualTo("skolsvarigheter");
        assertThat(beta.get("reasons").get(0).get("text").asString()).startsWith("Tillgodoser 1 av 2 behov (saknar: ");
        assertThat(beta.get("reasons").get(3).get("text").asString()).contains("km från Uppsala");
        // Every reason also has a stable code and its values, for front ends in other languages.
        assertThat(alfa.get("reasons").findValuesAsString("code")).containsExactly("needs.covered",
                "quality.summary", "price.day", "distance.km", "agreement.ramavtal", "vacancy.available");
        assertThat(alfa.at("/reasons/0/params/covered").asInt()).isEqualTo(2);
        assertThat(alfa.at("/reasons/2/params/price").asInt()).isEqualTo(3000);
        assertThat(alfa.at("/reasons/4/params/name").asString()).startsWith("HVB Barn och unga");
        assertThat(beta.at("/reasons/0/params/missing/0").asString()).isEqualTo("skolsvarigheter");
        assertThat(beta.at("/reasons/3/params/locality").asString()).isEqualTo("Uppsala");
        assertThat(result.get("results").get(1).at("/reasons/4/code").asString()).isEqualTo("agreement.egen-regi");
        assertThat(result.get("results").get(1).get("agreementType").asString()).isEqualTo("egen-regi");
    }

    @Test
    void optionalCriteriaNarrowTheResult() {
        Map<String, Object> cheap = criteria();
        cheap.put("maxPrice", 4000);
        JsonNode result = f.caseworker.post("/api/matching/search", cheap).expect(200).json();
        assertThat(names(result)).containsExactly("Alfa", "Theta");
        assertThat(result.at("/excluded/pris").asInt()).isEqualTo(1);

        Map<String, Object> loyal = criteria();
        loyal.put("frameworkOnly", true);
        assertThat(names(f.caseworker.post("/api/matching/search", loyal).expect(200).json())).containsExactly("Alfa");

        Map<String, Object> near = criteria();
        near.put("maxDistanceKm", 100);
        assertThat(names(f.caseworker.post("/api/matching/search", near).expect(200).json()))
                .containsExactly("Alfa", "Theta");

        Map<String, Object> anyVacancy = criteria();
        anyVacancy.remove("requireVacancy");
        assertThat(names(f.caseworker.post("/api/matching/search", anyVacancy).expect(200).json())).contains("Eta");

        Map<String, Object> later = criteria();
        later.put("dateNeeded", "2100-01-01");
        JsonNode future = f.caseworker.post("/api/matching/search", later).expect(200).json();
        assertThat(names(future)).contains("Alfa");
        JsonNode alfaLater = null;
        for (JsonNode h : future.get("results")) {
            if (h.get("unitName").asString().equals("Alfa")) {
                alfaLater = h;
            }
        }
        assertThat(alfaLater.at("/reasons/4/text").asString()).isEqualTo("Ramavtalet gäller inte för datumet");
        assertThat(alfaLater.at("/reasons/4/code").asString()).isEqualTo("agreement.not-valid");
    }

    @Test
    void invalidCriteriaAreReportedByPointer() {
        Map<String, Object> bad = criteria();
        bad.put("placementForm", "rymdskepp");
        bad.put("age", -3);
        JsonNode problem = f.caseworker.post("/api/matching/search", bad).expect(400).json();
        assertThat(problem.get("code").asString()).isEqualTo("MATCHING_INVALID_CRITERIA");
        assertThat(problem.get("errors").findValuesAsString("pointer")).contains("/placementForm", "/age");
        Map<String, Object> nowhere = criteria();
        nowhere.put("locality", "Atlantis");
        assertThat(f.caseworker.post("/api/matching/search", nowhere).expect(400).json()
                .get("errors").findValuesAsString("pointer")).containsExactly("/locality");
        // A locality without units in the register takes its position from the codelist orter (Enköping,
        // 59.636 N 17.078 E, is about 38 km from the units in Uppsala).
        Map<String, Object> enkoping = criteria();
        enkoping.put("locality", "enköping");
        JsonNode fromEnkoping = f.caseworker.post("/api/matching/search", enkoping).expect(200).json();
        JsonNode first = fromEnkoping.at("/results/0");
        assertThat(first.get("distanceKm").asDouble()).isBetween(30.0, 45.0);
        assertThat(first.at("/reasons/3/code").asString()).isEqualTo("distance.km");
        Map<String, Object> unknownProfile = criteria();
        unknownProfile.put("profile", "finns-inte");
        f.caseworker.post("/api/matching/search", unknownProfile).expect(404);
    }

    /** Issue #12 item 6: no vacancy is a reason and costs points; an untested price ceiling is said. */
    @Test
    void noVacancyIsAReasonAndAScoreFactorAndAnUntestedPriceCeilingIsSaid() {
        String provider = f.createProvider("Platsbrist AB", "extern").get("id").asString();
        String otherArea = RegisterFixtures.unique("ledig");
        Map<String, Object> full = RegisterFixtures.hvb(provider, "Fulla", otherArea, 3000);
        full.put("vacancies", 0);
        f.createUnit(full);
        f.createUnit(RegisterFixtures.hvb(provider, "Lediga", otherArea, 3000));
        Map<String, Object> individual = RegisterFixtures.hvb(provider, "Individuella", otherArea, 3000);
        individual.put("prices", List.of(Map.of("validFrom", "2020-01-01", "model", "individuell")));
        f.createUnit(individual);
        Map<String, Object> c = criteria();
        c.put("tenderArea", otherArea);
        c.remove("requireVacancy");
        JsonNode result = f.caseworker.post("/api/matching/search", c).expect(200).json();
        JsonNode fulla = hit(result, "Fulla");
        JsonNode lediga = hit(result, "Lediga");
        JsonNode vacancy = fulla.get("reasons").get(5);
        assertThat(vacancy.get("factor").asString()).isEqualTo("vacancy");
        assertThat(vacancy.get("code").asString()).isEqualTo("vacancy.none");
        assertThat(vacancy.get("text").asString()).isEqualTo("Inga lediga platser");
        assertThat(vacancy.get("points").asDouble()).isEqualTo(0.0);
        assertThat(lediga.at("/reasons/5/code").asString()).isEqualTo("vacancy.available");
        assertThat(lediga.at("/reasons/5/params/vacancies").asInt()).isEqualTo(2);
        // The standard profile weighs vacancies 10 of 110: the twin with vacancies scores that much more.
        assertThat(lediga.get("score").asDouble() - fulla.get("score").asDouble())
                .isCloseTo(100.0 * 10 / 110, org.assertj.core.data.Offset.offset(0.2));
        assertThat(names(result).indexOf("Lediga")).isLessThan(names(result).indexOf("Fulla"));

        c.put("maxPrice", 100);
        JsonNode capped = f.caseworker.post("/api/matching/search", c).expect(200).json();
        assertThat(names(capped)).containsExactly("Individuella");
        JsonNode price = capped.at("/results/0/reasons/2");
        assertThat(price.get("code").asString()).isEqualTo("price.individual");
        assertThat(price.at("/params/maxPriceNotApplied").asInt()).isEqualTo(100);
        assertThat(price.get("text").asString()).endsWith("högsta pris 100 kr kunde inte prövas");
    }

    /** Issue #12 item 7: an unknown locality suggests the nearest known one. */
    @Test
    void anUnknownLocalitySuggestsTheNearestKnownOne() {
        Map<String, Object> c = criteria();
        c.put("locality", "Upsala");
        JsonNode problem = f.caseworker.post("/api/matching/search", c).expect(400).json();
        assertThat(problem.at("/errors/0/pointer").asString()).isEqualTo("/locality");
        assertThat(problem.at("/errors/0/code").asString()).isEqualTo("unknown-locality");
        assertThat(problem.get("suggestion").asString()).isEqualTo("Uppsala");
        c.put("locality", "Xyzzyq");
        assertThat(f.caseworker.post("/api/matching/search", c).expect(400).json().has("suggestion")).isFalse();
    }

    static JsonNode hit(JsonNode result, String name) {
        for (JsonNode h : result.get("results")) {
            if (h.get("unitName").asString().equals(name)) {
                return h;
            }
        }
        throw new AssertionError(name + " not in " + names(result));
    }

    @Test
    void upToFourUnitsAreComparedSideBySideAndResultsExportToExcel() {
        JsonNode result = f.caseworker.post("/api/matching/search", criteria()).expect(200).json();
        String alfa = result.at("/results/0/unitId").asString();
        String beta = result.at("/results/2/unitId").asString();
        String unknown = "finns-inte";
        JsonNode compared = f.caseworker.post("/api/matching/compare", Map.of("criteria", criteria(),
                "unitIds", List.of(beta, alfa, unknown))).expect(200).json();
        assertThat(compared.get("units").findValuesAsString("unitId")).containsExactly(beta, alfa);
        assertThat(compared.at("/units/0/rank").asInt()).isEqualTo(3);
        assertThat(compared.get("excluded").get(0).asString()).isEqualTo(unknown);
        f.caseworker.post("/api/matching/compare", Map.of("unitIds", List.of("a", "b", "c", "d", "e"))).expect(400);

        var xlsx = f.caseworker.post("/api/matching/export.xlsx", criteria()).expect(200);
        Spreadsheets.Sheet sheet = spreadsheets.read(new ByteArrayInputStream(xlsx.bytes()), "Sökresultat");
        assertThat(sheet.headers()).contains("Verksamhet", "Pris per dygn (kr)", "Handläggarbetyg",
                "Andel sammanbrott", "Skäl", "Uppsägningstid (dagar)", "Poäng").doesNotContain("poang", "dygnspris");
        assertThat(sheet.rows()).hasSize(3);
        assertThat(sheet.rows().get(0).get(sheet.headers().indexOf("Verksamhet"))).isEqualTo("Alfa");
        int gender = sheet.headers().indexOf("Kön");
        assertThat(sheet.headers().get(gender + 1)).isEqualTo("Kön (benämning)");
        assertThat(sheet.rows()).allSatisfy(r -> {
            if (r.get(gender) != null) {
                assertThat((String) r.get(gender + 1)).doesNotContain("-man", "-kvinna");
            }
        });
    }

    /** Item 12 of issue 12: the search criteria on a first sheet, in words, dates as date cells. */
    @Test
    void theMatchingExportStartsWithTheCriteriaInWords() throws Exception {
        Map<String, Object> c = criteria();
        c.put("dateNeeded", "2031-05-01");
        byte[] xlsx = f.caseworker.post("/api/matching/export.xlsx", c).expect(200).bytes();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetName(0)).isEqualTo("Sökkriterier");
            assertThat(wb.getSheetName(1)).isEqualTo("Sökresultat");
            Map<String, Cell> values = new HashMap<>();
            for (Row r : wb.getSheetAt(0)) {
                if (r.getRowNum() > 0) {
                    values.put(r.getCell(0).getStringCellValue(), r.getCell(1));
                }
            }
            assertThat(values).containsKeys("Målgrupp", "Placeringen börjar", "Matchningsprofil",
                    "Verksamheter som uppfyller kraven");
            assertThat(values.get("Målgrupp").getStringCellValue()).isEqualTo("Barn och unga");
            Cell date = values.get("Placeringen börjar");
            assertThat(DateUtil.isCellDateFormatted(date)).isTrue();
            assertThat(date.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2031, 5, 1));
            assertThat(values.get("Verksamheter som uppfyller kraven").getCellType()).isEqualTo(CellType.NUMERIC);
        }
    }

    @Test
    void theWeightsComeFromThePublishedMatchingProfile() {
        JsonNode profile = f.admin.get("/api/metadata/matching-profiles/standard").expect(200).json();
        assertThat(profile.toString()).contains("weights");
        String id = RegisterFixtures.unique("pris-forst");
        Map<String, Object> content = Map.of("kind", "matching-profile", "id", id, "title", "Pris först",
                "weights", Map.of("needs", 0, "quality", 0, "price", 1, "distance", 0, "agreement", 0));
        JsonNode saved = f.admin.post("/api/metadata/matching-profiles", content).expect(200).json();
        f.admin.post("/api/metadata/matching-profiles/" + id + "/versions/"
                + saved.at("/definition/version").asInt() + "/publish", null).expect(200);
        Map<String, Object> c = criteria();
        c.put("profile", id);
        JsonNode result = f.caseworker.post("/api/matching/search", c).expect(200).json();
        assertThat(names(result)).containsExactly("Alfa", "Theta", "Beta");
        assertThat(result.at("/results/0/score").asDouble()).isEqualTo(100.0);
        assertThat(result.at("/results/2/score").asDouble()).isEqualTo(0.0);
        assertThat(result.at("/results/0/reasons/0/weight").asDouble()).isEqualTo(0.0);
    }

    @Autowired
    UnitQualities qualities;

    @Test
    void aCustomProfilesQualitySettingsDecideTheRatingsMatchingUses() {
        String otherArea = RegisterFixtures.unique("kvalprofil");
        String provider = f.createProvider("Profilkvalitet AB", "extern").get("id").asString();
        String sparse = f.createUnit(RegisterFixtures.hvb(provider, "Glesa", otherArea, 3000)).at("/unit/id").asString();
        String steady = f.createUnit(RegisterFixtures.hvb(provider, "Stabila", otherArea, 3000)).at("/unit/id").asString();
        java.time.Instant at = java.time.Instant.parse("2025-01-01T00:00:00Z");
        qualities.recordRating(sparse + ":1", new UnitId(sparse), UnitQualities.RatingKind.CASEWORKER, 5, at);
        for (int i = 0; i < 3; i++) {
            qualities.recordRating(steady + ":" + i, new UnitId(steady), UnitQualities.RatingKind.CASEWORKER, 4, at);
        }
        Map<String, Object> c = criteria();
        c.put("tenderArea", otherArea);

        // Standard: one answer is too few (minimum 3), so the steady unit's 4s rank above the sparse unit's 5.
        JsonNode standard = f.caseworker.post("/api/matching/search", c).expect(200).json();
        assertThat(names(standard)).containsExactly("Stabila", "Glesa");
        assertThat(qualityScore(standard, "Glesa")).isEqualTo(0.5);

        // A profile where one answer counts and nothing is shrunk toward a prior: the 5 outranks the 4s.
        String id = RegisterFixtures.unique("ett-svar-racker");
        Map<String, Object> content = Map.of("kind", "matching-profile", "id", id, "title", "Ett svar räcker",
                "weights", Map.of("needs", 0, "quality", 1, "price", 0, "distance", 0, "agreement", 0),
                "quality", Map.of("minimumResponses", 1, "priorMean", 3.5, "priorWeight", 0, "caseworkerShare", 1,
                        "clientShare", 0, "breakdownShare", 0));
        JsonNode saved = f.admin.post("/api/metadata/matching-profiles", content).expect(200).json();
        f.admin.post("/api/metadata/matching-profiles/" + id + "/versions/"
                + saved.at("/definition/version").asInt() + "/publish", null).expect(200);
        c.put("profile", id);
        JsonNode custom = f.caseworker.post("/api/matching/search", c).expect(200).json();
        assertThat(names(custom)).containsExactly("Glesa", "Stabila");
        assertThat(qualityScore(custom, "Glesa")).isEqualTo(1.0);
        assertThat(qualityScore(custom, "Stabila")).isEqualTo(0.75);

        // The standard profile's view is unchanged by the custom one.
        assertThat(names(f.caseworker.post("/api/matching/search", criteriaIn(otherArea)).expect(200).json()))
                .containsExactly("Stabila", "Glesa");
    }

    Map<String, Object> criteriaIn(String tenderArea) {
        Map<String, Object> c = criteria();
        c.put("tenderArea", tenderArea);
        return c;
    }

    static double qualityScore(JsonNode result, String unitName) {
        for (JsonNode hit : result.get("results")) {
            if (unitName.equals(hit.get("unitName").asString())) {
                for (JsonNode reason : hit.get("reasons")) {
                    if ("quality".equals(reason.get("factor").asString())) {
                        return reason.get("score").asDouble();
                    }
                }
            }
        }
        throw new AssertionError("No quality reason for " + unitName + " in " + result);
    }
}
