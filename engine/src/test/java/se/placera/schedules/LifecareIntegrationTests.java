package se.placera.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import se.placera.shared.SwedishTime;
import se.placera.support.Api;
import se.placera.support.Placing;
import se.placera.support.AppIntegrationTest;
import se.placera.support.MovableClock;

/**
 * The Lifecare import (IN-1): bad rows reported by row and column with nothing stored, the valid rows on request,
 * a second import of the same file changes nothing, the numbers never stored or audited in the clear, the coverage
 * report with a moved clock, administration separation and permissions.
 */
@AppIntegrationTest
@Import(MovableClock.Config.class)
@TestPropertySource(properties = "placera.schedules.enabled=false")
class LifecareIntegrationTests {

    static final String IMPORT = "/api/integrations/lifecare/import";
    static final String COVERAGE = "/api/integrations/lifecare/coverage";
    static final String HEADER = "personnummer;insatskod;lagrum;målgrupp;beslutsdatum;startdatum;slutdatum;handläggare;förvaltning\n";

    @LocalServerPort
    int port;

    @Autowired

    se.placera.placements.PlacementCases placementCases;


    @Autowired
    MovableClock clock;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Clocks clocks;

    /** Moves "today" to the given Swedish date (same time of day). */
    void today(LocalDate date) {
        LocalDate real = SwedishTime.dateOf(java.time.Instant.now());
        clock.offset.set(Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(real, date)));
    }

    @AfterEach
    void resetClock() {
        clock.offset.set(Duration.ZERO);
    }

    Api caseworker() {
        return Api.at(port).asCaseworker();
    }

    Api.Response csv(Api api, String mode, String body) {
        return api.raw(IMPORT + "?mode=" + mode, "text/csv", body.getBytes(StandardCharsets.UTF_8));
    }

    long stored() {
        return mongo.getCollection("lifecare_interventions").countDocuments();
    }

    @Test
    void aBadFileIsReportedByRowAndColumnAndStoresNothingUnlessAskedForTheValidRows() {
        String file = HEADER
                + "20150101-2387;hvb-barn-unga;lvu-2;barn-unga;2026-01-11;2026-01-17;;handlaggare;exempelkommun-sof\n"
                + "20170315-2479;familjehem;sol;barn-unga;2026-02-30;2026-03-01;;handlaggare;exempelkommun-sof\n"
                + "19800101-1561;inget-sadant;sol;vuxna-missbruk;2026-01-01;2026-01-05;2025-12-01;handlaggare;exempelkommun-vof\n";
        long before = stored();
        JsonNode problem = csv(caseworker(), "all-or-nothing", file).expect(400).json();
        assertThat(problem.get("code").asString()).isEqualTo("LIFECARE_IMPORT_INVALID");
        List<String> pointers = new ArrayList<>();
        problem.get("errors").forEach(e -> pointers.add(e.get("pointer").asString() + " " + e.get("code").asString()));
        assertThat(pointers).containsExactlyInAnyOrder(
                "/rows/1/personnummer pnr.checksum",
                "/rows/1/beslutsdatum lifecare.date",
                "/rows/2/insatskod lifecare.unknown-code",
                "/rows/2/slutdatum lifecare.end-before-start",
                "/rows/2/forvaltning lifecare.unknown-administration");
        assertThat(stored()).isEqualTo(before);

        JsonNode report = csv(caseworker(), "valid-rows", file).expect(200).json();
        assertThat(report.get("created").asInt()).isEqualTo(1);
        assertThat(report.get("refused").asInt()).isEqualTo(2);
        assertThat(report.get("problems").get(0).get("pointer").asString()).startsWith("/rows/1/");
        assertThat(stored()).isEqualTo(before + 1);

        csv(caseworker(), "sometimes", file).expect(400);
        // a file without a required column names the column
        JsonNode missing = csv(caseworker(), "all-or-nothing", "personnummer;insatskod\n").expect(400).json();
        assertThat(missing.get("errors").toString()).contains("/columns/beslutsdatum");
    }

    @Test
    void importingTheSameFileTwiceChangesNothingAndNumbersAreNeverStoredOrAuditedInTheClear() throws Exception {
        byte[] sample = Files.readAllBytes(Path.of("..", "samples", "lifecare", "insatser.json"));
        JsonNode first = caseworker().raw(IMPORT, "application/json", sample).expect(200).json();
        long count = stored();
        long audits = mongo.getCollection("audit_log").countDocuments();
        List<Document> docs = mongo.getCollection("lifecare_interventions").find().into(new ArrayList<>());
        JsonNode second = caseworker().raw(IMPORT, "application/json", sample).expect(200).json();
        assertThat(second.get("created").asInt()).isZero();
        assertThat(second.get("updated").asInt()).isZero();
        assertThat(second.get("unchanged").asInt()).isEqualTo(first.get("rows").asInt());
        assertThat(stored()).isEqualTo(count);
        assertThat(mongo.getCollection("lifecare_interventions").find().into(new ArrayList<>())).isEqualTo(docs);
        assertThat(mongo.getCollection("audit_log").countDocuments()).isEqualTo(audits);

        // the CSV sample is the same interventions: nothing changes either
        byte[] csvSample = Files.readAllBytes(Path.of("..", "samples", "lifecare", "insatser.csv"));
        JsonNode third = caseworker().raw(IMPORT, "text/csv", csvSample).expect(200).json();
        assertThat(third.get("unchanged").asInt()).isEqualTo(first.get("rows").asInt());

        // a changed end date is an update of the same intervention, not a new one
        String changed = new String(sample, StandardCharsets.UTF_8).replace("\"slutdatum\": null", "\"slutdatum\": \"2027-12-31\"");
        JsonNode fourth = caseworker().raw(IMPORT, "application/json", changed.getBytes(StandardCharsets.UTF_8))
                .expect(200).json();
        assertThat(fourth.get("updated").asInt()).isPositive();
        assertThat(stored()).isEqualTo(count);

        for (String clear : List.of("201501012387", "20150101-2387", "199005052684")) {
            for (String collection : List.of("lifecare_interventions", "audit_log")) {
                for (Document d : mongo.getCollection(collection).find()) {
                    assertThat(d.toJson()).doesNotContain(clear);
                }
            }
        }
    }

    String placedCase(Api api, String pnr, MovableClock clock) {
        Map<String, Object> c = new HashMap<>();
        c.put("personalIdentityNumber", pnr);
        c.put("clientName", "Lifecare Testsson");
        c.put("targetGroup", "barn-unga");
        c.put("placementForm", "hvb-barn-unga");
        c.put("legalBasis", "lvu-2");
        c.put("needs", List.of("npf"));
        c.put("coordinator", "admin");
        c.put("wantedStart", SwedishTime.today(clock).toString());
        JsonNode created = api.post("/api/cases", c).expect(201).json();
        String id = created.get("id").asString();
        long rev = created.get("revision").asLong();
        for (String verb : List.of("skicka-forfragan", "besluta", "paborja")) {
            rev = verb.equals("besluta") ? Placing.place(placementCases, api, "handlaggare", id)
                    : api.post("/api/cases/" + id + "/" + verb, Map.of("revision", rev)).expect(200).json()
                            .get("revision").asLong();
        }
        return id;
    }

    List<JsonNode> followUps(Api api, String interventionCode, LocalDate start) {
        List<JsonNode> out = new ArrayList<>();
        api.get(COVERAGE).expect(200).json().get("caseworkers").forEach(cw -> cw.get("followUps").forEach(f -> {
            if (f.get("interventionCode").asString().equals(interventionCode) && f.get("start").asString().equals(start.toString())) {
                out.add(f);
            }
        }));
        return out;
    }

    @Test
    void coverageListsTheEvaluationsDueByTodayAndWhetherACaseTaskCoversThemWithAMovedClock() {
        LocalDate start = LocalDate.of(2029, 1, 31);
        today(start);
        String pnr = "20170315-2478";
        String id = placedCase(caseworker(), pnr, clock);
        csv(caseworker(), "all-or-nothing", HEADER + pnr + ";hvb-barn-unga;lvu-2;;2029-01-20;2029-01-31;;handlaggare;exempelkommun-sof\n")
                .expect(200);
        assertThat(followUps(caseworker(), "hvb-barn-unga", start)).isEmpty();

        // 3 months after start (month end: 30 April): the first evaluation is due and not covered
        today(LocalDate.of(2029, 4, 30));
        List<JsonNode> due = followUps(caseworker(), "hvb-barn-unga", start);
        assertThat(due).hasSize(1);
        assertThat(due.getFirst().get("schedule").asString()).isEqualTo("utvardering-barn-unga-hvb");
        assertThat(due.getFirst().get("due").asString()).isEqualTo("2029-04-30");
        assertThat(due.getFirst().get("covered").asBoolean()).isFalse();
        assertThat(due.getFirst().get("clientMasked").asString()).isEqualTo("20170315-XXXX");

        // the case's evaluation task (opened by the scheduler) done: covered
        clocks.runOnce();
        long done = mongo.getCollection("cases").updateOne(new Document("_id", id),
                new Document("$set", new Document("tasks.$[t].status", "done")),
                new com.mongodb.client.model.UpdateOptions().arrayFilters(List.of(
                        new Document("t.schedule", "utvardering-barn-unga-hvb").append("t.occurrence", 0))))
                .getModifiedCount();
        assertThat(done).isEqualTo(1);
        due = followUps(caseworker(), "hvb-barn-unga", start);
        assertThat(due.getFirst().get("covered").asBoolean()).isTrue();
        assertThat(due.getFirst().get("coveredBy").asString()).isEqualTo("case-task:" + id);

        // 9 months: the second evaluation is due, not covered
        today(LocalDate.of(2029, 10, 31));
        due = followUps(caseworker(), "hvb-barn-unga", start);
        assertThat(due).extracting(f -> f.get("due").asString() + " " + f.get("covered").asBoolean())
                .containsExactly("2029-04-30 true", "2029-10-31 false");

        // a stranger from another administration sees none of it and cannot import into it
        Api stranger = Api.at(port).as("omsorg", "placera-demo");
        assertThat(stranger.get(COVERAGE).expect(200).text()).doesNotContain("20170315-XXXX");
        JsonNode refused = csv(stranger, "all-or-nothing", HEADER + pnr
                + ";hvb-barn-unga;lvu-2;;2029-01-20;2029-01-31;;omsorg;exempelkommun-sof\n").expect(400).json();
        assertThat(refused.get("errors").get(0).get("pointer").asString()).isEqualTo("/rows/0/forvaltning");
    }

    @Test
    void readersMayReadTheCoverageButNotImport() {
        Api reader = Api.at(port).as("lasare", "placera-demo");
        long before = stored();
        JsonNode forbidden = csv(reader, "valid-rows", HEADER
                + "19900505-2684;hvb-vuxna;sol;vuxna-missbruk;2026-01-10;2026-01-15;;lasare;exempelkommun-sof\n")
                .expect(403).json();
        assertThat(forbidden.get("code").asString()).isEqualTo("LIFECARE_FORBIDDEN");
        assertThat(stored()).isEqualTo(before);
        reader.get(COVERAGE).expect(200);
    }
}
