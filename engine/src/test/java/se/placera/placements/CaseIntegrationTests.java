package se.placera.placements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import se.placera.support.Api;
import se.placera.support.Placing;
import se.placera.support.AppIntegrationTest;

/** PA-3, PA-9, PA-12, PA-13: a case is raised, moves through its process, is moved to another caseworker. */
@AppIntegrationTest
class CaseIntegrationTests {

    /** Skatteverket's well-known test number; never a real person. */
    static final String PNR = "19121212-1212";

    @org.springframework.beans.factory.annotation.Autowired
    se.placera.placements.PlacementCases placementCases;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    Api caseworker() {
        return Api.at(port).asCaseworker();
    }

    Map<String, Object> newCase(boolean withPlacementForm) {
        Map<String, Object> c = new HashMap<>();
        c.put("personalIdentityNumber", PNR);
        c.put("clientName", "Testbarn Testsson");
        c.put("targetGroup", "barn-unga");
        if (withPlacementForm) {
            c.put("placementForm", "hvb-barn-unga");
        }
        c.put("legalBasis", "lvu-2");
        c.put("needs", List.of("npf"));
        c.put("wantedStart", "2027-01-15");
        return c;
    }

    JsonNode create(boolean withPlacementForm) {
        return caseworker().post("/api/cases", newCase(withPlacementForm)).expect(201).json();
    }

    @Test
    void aCaseIsRaisedWithItsFactsAndTheClientNumberNeverStoredInTheClear() {
        JsonNode c = create(true);
        assertThat(c.get("state").asString()).isEqualTo("utkast");
        assertThat(c.get("stateTitle").asString()).isEqualTo("Utkast");
        assertThat(c.get("processId").asString()).isEqualTo("placering");
        assertThat(c.at("/client/masked").asString()).isEqualTo("19121212-XXXX");
        assertThat(c.at("/facts/targetGroup").asString()).isEqualTo("barn-unga");
        assertThat(c.at("/facts/age").asInt()).isGreaterThan(100);
        assertThat(c.get("responsible").asString()).isEqualTo("handlaggare");
        assertThat(c.get("tasks").get(0).get("title").asString()).contains("utförare");
        assertThat(c.get("tasks").get(0).get("status").asString()).isEqualTo("open");
        assertThat(c.toString()).doesNotContain("1212-1212").doesNotContain("191212121212");

        Document raw = mongo.getCollection("cases").find(new Document("_id", c.get("id").asString())).first();
        assertThat(raw.toJson()).doesNotContain("191212121212").doesNotContain("1212-1212");

        // The full number is shown only on request, and the reveal is audited.
        assertThat(caseworker().post("/api/cases/" + c.get("id").asString() + "/reveal", null).expect(200).json()
                .get("personalIdentityNumber").asString()).isEqualTo(PNR);
        JsonNode audit = Api.at(port).asAdmin().get("/api/audit?subjectType=case&subjectId=" + c.get("id").asString())
                .expect(200).json();
        List<String> actions = new ArrayList<>();
        audit.forEach(e -> actions.add(e.get("action").asString()));
        assertThat(actions).contains("case.create", "case.identity.reveal");
        assertThat(audit.toString()).doesNotContain("191212121212").doesNotContain("1212-1212");

        // Found again by the number, through its keyed hash.
        JsonNode found = caseworker().post("/api/cases/search", Map.of("personalIdentityNumber", "191212121212"))
                .expect(200).json();
        List<String> ids = new ArrayList<>();
        found.forEach(f -> ids.add(f.get("id").asString()));
        assertThat(ids).contains(c.get("id").asString());
    }

    @Test
    void badInputIsRefusedWithPointersAndNothingIsStored() {
        long before = mongo.getCollection("cases").countDocuments();
        Map<String, Object> bad = newCase(true);
        bad.put("personalIdentityNumber", "19121212-1213");
        bad.put("targetGroup", "finns-inte");
        bad.put("needs", List.of("npf", "nonsens"));
        JsonNode problem = caseworker().post("/api/cases", bad).expect(400).json();
        assertThat(problem.get("code").asString()).isEqualTo("CASE_INVALID");
        Map<String, String> codes = new HashMap<>();
        problem.get("errors").forEach(e -> codes.put(e.get("pointer").asString(), e.get("code").asString()));
        assertThat(codes).containsEntry("/personalIdentityNumber", "pnr.checksum")
                .containsEntry("/targetGroup", "codelist.value").containsEntry("/needs/1", "codelist.value");
        assertThat(problem.toString()).doesNotContain("1212-1213");
        assertThat(mongo.getCollection("cases").countDocuments()).isEqualTo(before);
    }

    @Test
    void transitionsFollowTheProcessWithRevisionsGuardsAndEndReasons() {
        JsonNode c = create(false);
        String id = c.get("id").asString();
        long rev = c.get("revision").asLong();

        // Not allowed from this state: 409 with the verbs that are.
        JsonNode refused = caseworker().post("/api/cases/" + id + "/besluta", Map.of("revision", rev)).expect(409).json();
        assertThat(refused.get("code").asString()).isEqualTo("CASE_TRANSITION_NOT_ALLOWED");
        assertThat(refused.get("allowed").toString()).contains("skicka-forfragan").contains("avbryt");
        assertThat(caseworker().post("/api/cases/" + id + "/flyga", Map.of("revision", rev)).expect(404).json()
                .get("code").asString()).isEqualTo("CASE_UNKNOWN_ACTION");

        // The guard: no placement form yet.
        JsonNode guard = caseworker().post("/api/cases/" + id + "/skicka-forfragan", Map.of("revision", rev))
                .expect(409).json();
        assertThat(guard.get("code").asString()).isEqualTo("CASE_GUARD_FAILED");
        assertThat(guard.get("detail").asString()).contains("placeringsform");
        assertThat(c.get("actions").toString()).contains("Ange målgrupp och placeringsform");

        JsonNode c2 = create(true);
        id = c2.get("id").asString();
        rev = c2.get("revision").asLong();
        // A revision is required (428), and a stale one is refused (409).
        JsonNode unversioned = caseworker().post("/api/cases/" + id + "/skicka-forfragan", Map.of()).expect(428).json();
        assertThat(unversioned.get("code").asString()).isEqualTo("VERSION_REQUIRED");
        assertThat(unversioned.get("errors").get(0).get("pointer").asString()).isEqualTo("/revision");
        assertThat(caseworker().post("/api/cases/" + id + "/skicka-forfragan", Map.of("revision", rev + 7))
                .expect(409).json().get("code").asString()).isEqualTo("CASE_CHANGED");

        JsonNode sent = caseworker().post("/api/cases/" + id + "/skicka-forfragan", Map.of("revision", rev))
                .expect(200).json();
        assertThat(sent.get("state").asString()).isEqualTo("forfragan-skickad");
        assertThat(taskStatus(sent, "sok-utforare")).isEqualTo("closed");
        assertThat(taskStatus(sent, "granska-svar")).isEqualTo("open");
        // The same revision again is stale now: two users cannot both move the case.
        caseworker().post("/api/cases/" + id + "/besluta", Map.of("revision", rev)).expect(409);

        // Recording the placement needs the chosen answer: the plain action is refused and nothing changes.
        JsonNode plain = caseworker().post("/api/cases/" + id + "/besluta",
                Map.of("revision", sent.get("revision").asLong())).expect(409).json();
        assertThat(plain.get("code").asString()).isEqualTo("CASE_PLACEMENT_REQUIRED");
        assertThat(caseworker().get("/api/cases/" + id).expect(200).json().get("state").asString())
                .isEqualTo("forfragan-skickad");
        assertThat(sent.get("actions").toString()).contains("\"placement\":true");
        Placing.place(placementCases, caseworker(), "handlaggare", id);
        JsonNode placed = caseworker().get("/api/cases/" + id).expect(200).json();
        assertThat(placed.get("placement").get("unitId").asString()).isEqualTo("test-unit");
        JsonNode ongoing = act(id, "paborja", placed, Map.of());
        JsonNode noReason = caseworker().post("/api/cases/" + id + "/avsluta",
                Map.of("revision", ongoing.get("revision").asLong())).expect(400).json();
        assertThat(noReason.get("errors").get(0).get("pointer").asString()).isEqualTo("/reason");
        caseworker().post("/api/cases/" + id + "/avsluta",
                Map.of("revision", ongoing.get("revision").asLong(), "reason", "finns-inte")).expect(400);
        JsonNode closed = act(id, "avsluta", ongoing, Map.of("reason", "malen-uppnadda"));
        assertThat(closed.get("closed").asBoolean()).isTrue();
        assertThat(closed.get("endReason").asString()).isEqualTo("malen-uppnadda");
        assertThat(closed.get("actions").size()).isZero();
        assertThat(closed.get("history").size()).isEqualTo(4);
    }

    @Test
    void onlyThoseInvolvedInTheAdministrationSeeACase() {
        String id = create(true).get("id").asString();
        // Another administration: missing, not forbidden.
        assertThat(Api.at(port).as("omsorg", "placera-demo").get("/api/cases/" + id).expect(404).json()
                .get("code").asString()).isEqualTo("CASE_NOT_FOUND");
        Api.at(port).as("omsorg", "placera-demo").post("/api/cases/" + id + "/reveal", null).expect(404);
        // A reader of the same administration who is not involved in the case does not see it either.
        Api.at(port).as("lasare", "placera-demo").get("/api/cases/" + id).expect(404);
        Api.at(port).as("lasare", "placera-demo").post("/api/cases/" + id + "/notes", Map.of("text", "x")).expect(404);
        // A placement officer (PLACEMENT ADMIN) of the administration sees it.
        Api.at(port).asAdmin().get("/api/cases/" + id).expect(200);
        List<String> mine = new ArrayList<>();
        caseworker().get("/api/cases").expect(200).json().forEach(s -> mine.add(s.get("id").asString()));
        assertThat(mine).contains(id);
        List<String> theirs = new ArrayList<>();
        Api.at(port).as("omsorg", "placera-demo").get("/api/cases").expect(200).json()
                .forEach(s -> theirs.add(s.get("id").asString()));
        assertThat(theirs).doesNotContain(id);
    }

    @Test
    void aCaseMovesToAnotherCaseworkerWithItsTasksAndNotes() {
        JsonNode c = create(true);
        String id = c.get("id").asString();
        JsonNode note = caseworker().post("/api/cases/" + id + "/notes", Map.of("text", "Ringde skolan."))
                .expect(201).json();
        JsonNode correction = caseworker().post("/api/cases/" + id + "/notes",
                Map.of("text", "Rättelse: ringde förskolan.", "corrects", note.get("id").asString())).expect(201).json();
        assertThat(correction.get("corrects").asString()).isEqualTo(note.get("id").asString());
        caseworker().post("/api/cases/" + id + "/notes", Map.of("text", "x", "corrects", "finns-inte")).expect(400);
        caseworker().post("/api/cases/" + id + "/notes", Map.of("text", " ")).expect(400);

        // To a user who may not handle the administration's placements: refused.
        JsonNode wrong = caseworker().post("/api/cases/" + id + "/transfer",
                Map.of("revision", c.get("revision").asLong(), "to", "omsorg")).expect(400).json();
        assertThat(wrong.get("errors").get(0).get("pointer").asString()).isEqualTo("/to");

        JsonNode moved = caseworker().post("/api/cases/" + id + "/transfer",
                Map.of("revision", c.get("revision").asLong(), "to", "admin", "reason", "Semester")).expect(200).json();
        assertThat(moved.get("responsible").asString()).isEqualTo("admin");
        assertThat(moved.get("holders").size()).isEqualTo(2);
        assertThat(moved.get("holders").get(0).get("until").isNull()).isFalse();
        assertThat(moved.get("tasks").get(0).get("assignedTo").asString()).isEqualTo("admin");

        // The new caseworker sees the case with its notes; the former one no longer does.
        JsonNode notes = Api.at(port).asAdmin().get("/api/cases/" + id + "/notes").expect(200).json();
        assertThat(notes.size()).isEqualTo(2);
        assertThat(notes.get(0).get("text").asString()).isEqualTo("Ringde skolan.");
        caseworker().get("/api/cases/" + id).expect(404);
    }

    private JsonNode act(String id, String verb, JsonNode current, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("revision", current.get("revision").asLong());
        return caseworker().post("/api/cases/" + id + "/" + verb, body).expect(200).json();
    }

    private static String taskStatus(JsonNode c, String taskId) {
        for (JsonNode t : c.get("tasks")) {
            if (t.get("id").asString().startsWith(taskId + "@")) {
                return t.get("status").asString();
            }
        }
        return null;
    }
}
