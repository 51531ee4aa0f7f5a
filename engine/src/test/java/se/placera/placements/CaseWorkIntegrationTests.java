package se.placera.placements;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import se.placera.support.Api;
import se.placera.support.Placing;
import se.placera.support.AppIntegrationTest;

/** US-5 and PA-11: the caseworker's tasks and decisions across cases, and a case's event log. */
@AppIntegrationTest
class CaseWorkIntegrationTests {

    @org.springframework.beans.factory.annotation.Autowired
    se.placera.placements.PlacementCases placementCases;

    @LocalServerPort
    int port;

    Api caseworker() {
        return Api.at(port).asCaseworker();
    }

    JsonNode raise(String name) {
        Map<String, Object> c = new HashMap<>();
        c.put("personalIdentityNumber", "19121212-1212");
        c.put("clientName", name);
        c.put("targetGroup", "barn-unga");
        c.put("placementForm", "hvb-barn-unga");
        c.put("legalBasis", "lvu-2");
        c.put("needs", List.of("npf"));
        return caseworker().post("/api/cases", c).expect(201).json();
    }

    static List<JsonNode> of(JsonNode list, String caseId) {
        List<JsonNode> found = new ArrayList<>();
        list.forEach(n -> {
            if (n.get("caseId").asString().equals(caseId)) {
                found.add(n);
            }
        });
        return found;
    }

    @Test
    void theTasksOfACaseAreTheResponsibleCaseworkersAndFollowTheCaseWhenItMoves() {
        JsonNode c = raise("Uppgift Testsson");
        String id = c.get("id").asString();
        List<JsonNode> mine = of(caseworker().get("/api/cases/tasks").expect(200).json(), id);
        assertThat(mine).hasSize(1);
        assertThat(mine.getFirst().get("taskId").asString()).isEqualTo("sok-utforare");
        assertThat(mine.getFirst().get("due").asString()).isNotBlank();
        assertThat(mine.getFirst().get("dueSoon").asBoolean()).isTrue();
        assertThat(mine.getFirst().get("clientMasked").asString()).isEqualTo("19121212-XXXX");
        assertThat(mine.getFirst().toString()).doesNotContain("1212-1212");

        // Entering a state replaces the tasks: the old one is closed, the new state's is listed.
        JsonNode sent = caseworker().post("/api/cases/" + id + "/skicka-forfragan",
                Map.of("revision", c.get("revision").asLong())).expect(200).json();
        mine = of(caseworker().get("/api/cases/tasks").expect(200).json(), id);
        assertThat(mine).extracting(t -> t.get("taskId").asString()).containsExactly("granska-svar");

        // Not involved: none of it, in or outside the administration.
        assertThat(of(Api.at(port).as("lasare", "placera-demo").get("/api/cases/tasks").expect(200).json(), id))
                .isEmpty();
        assertThat(of(Api.at(port).as("omsorg", "placera-demo").get("/api/cases/tasks").expect(200).json(), id))
                .isEmpty();

        // Moved to another caseworker: the open task goes along.
        caseworker().post("/api/cases/" + id + "/transfer", Map.of("revision", sent.get("revision").asLong(),
                "to", "admin", "reason", "Ny handläggare")).expect(200);
        assertThat(of(caseworker().get("/api/cases/tasks").expect(200).json(), id)).isEmpty();
        assertThat(of(Api.at(port).asAdmin().get("/api/cases/tasks").expect(200).json(), id))
                .extracting(t -> t.get("taskId").asString()).containsExactly("granska-svar");
    }

    @Test
    void decisionsArePendingWhileTheyCanBeTakenAndMadeOnceTaken() {
        JsonNode c = raise("Beslut Testsson");
        String id = c.get("id").asString();
        JsonNode decisions = caseworker().get("/api/cases/decisions").expect(200).json();
        assertThat(of(decisions.get("pending"), id)).isEmpty();

        JsonNode sent = caseworker().post("/api/cases/" + id + "/skicka-forfragan",
                Map.of("revision", c.get("revision").asLong())).expect(200).json();
        decisions = caseworker().get("/api/cases/decisions").expect(200).json();
        List<JsonNode> pending = of(decisions.get("pending"), id);
        assertThat(pending).extracting(d -> d.get("verb").asString()).containsExactly("besluta");
        assertThat(pending.getFirst().get("toTitle").asString()).isEqualTo("Placerad");
        assertThat(pending.getFirst().get("refusal").isNull()).isTrue();
        // A reader of the administration who is not involved has no decisions of the case.
        assertThat(of(Api.at(port).as("lasare", "placera-demo").get("/api/cases/decisions").expect(200).json()
                .get("pending"), id)).isEmpty();

        // The choice is taken by choosing an answer (with its unit), never as a plain action.
        assertThat(caseworker().post("/api/cases/" + id + "/besluta", Map.of("revision",
                sent.get("revision").asLong(), "comment", "Bästa matchningen")).expect(409).json().get("code")
                .asString()).isEqualTo("CASE_PLACEMENT_REQUIRED");
        long decided = Placing.place(placementCases, caseworker(), "handlaggare", id, "Bästa matchningen");
        decisions = caseworker().get("/api/cases/decisions").expect(200).json();
        // The choice is made; the next decision of the process (ending the placement) waits now.
        assertThat(of(decisions.get("pending"), id)).extracting(d -> d.get("verb").asString())
                .containsExactly("avsluta");
        List<JsonNode> made = of(decisions.get("made"), id);
        assertThat(made).extracting(d -> d.get("verb").asString()).containsExactly("besluta");
        assertThat(made.getFirst().get("comment").asString()).isEqualTo("Bästa matchningen");
        assertThat(made.getFirst().get("at").asString()).isNotBlank();

        // "placerad" gives the caseworker two tasks: each listed once.
        assertThat(of(caseworker().get("/api/cases/tasks").expect(200).json(), id))
                .extracting(t -> t.get("taskId").asString())
                .containsExactlyInAnyOrder("uppratta-avtal", "planera-inskrivning");

        // Once the case has moved on to another caseworker, the former one no longer sees it, decisions included.
        caseworker().post("/api/cases/" + id + "/transfer", Map.of("revision", decided,
                "to", "admin")).expect(200);
        decisions = caseworker().get("/api/cases/decisions").expect(200).json();
        assertThat(of(decisions.get("made"), id)).isEmpty();
        assertThat(of(decisions.get("pending"), id)).isEmpty();
        assertThat(of(Api.at(port).asAdmin().get("/api/cases/decisions").expect(200).json().get("pending"), id))
                .extracting(d -> d.get("verb").asString()).containsExactly("avsluta");
    }

    @Test
    void theEventLogShowsTheCasesEventsFilteredAndSearchedOnlyToThoseInvolved() {
        JsonNode c = raise("Logg Testsson");
        String id = c.get("id").asString();
        JsonNode note = caseworker().post("/api/cases/" + id + "/notes", Map.of("text", "Ringde socialjouren"))
                .expect(201).json();
        JsonNode sent = caseworker().post("/api/cases/" + id + "/skicka-forfragan",
                Map.of("revision", c.get("revision").asLong())).expect(200).json();
        caseworker().post("/api/cases/" + id + "/transfer", Map.of("revision", sent.get("revision").asLong(),
                "to", "admin", "reason", "Semester")).expect(200);

        JsonNode all = Api.at(port).asAdmin().get("/api/cases/" + id + "/events").expect(200).json();
        List<String> actions = new ArrayList<>();
        all.forEach(e -> actions.add(e.get("action").asString()));
        assertThat(actions).containsSubsequence("case.create", "case.note", "case.skicka-forfragan", "case.transfer");
        long previous = 0;
        for (JsonNode e : all) {
            assertThat(e.get("seq").asLong()).isGreaterThan(previous);
            previous = e.get("seq").asLong();
        }
        JsonNode transition = all.valueStream().filter(e -> e.get("action").asString().equals("case.skicka-forfragan"))
                .findFirst().orElseThrow();
        assertThat(transition.get("kind").asString()).isEqualTo("case");
        assertThat(transition.get("fromTitle").asString()).isEqualTo("Utkast");
        assertThat(transition.get("toTitle").asString()).isEqualTo("Förfrågan skickad");
        assertThat(all.toString()).doesNotContain("1212-1212");

        JsonNode notes = Api.at(port).asAdmin().get("/api/cases/" + id + "/events?kind=note").expect(200).json();
        assertThat(notes.size()).isEqualTo(1);
        assertThat(notes.get(0).get("text").asString()).isEqualTo("Ringde socialjouren");
        assertThat(notes.get(0).at("/details/noteId").asString()).isEqualTo(note.get("id").asString());
        JsonNode searched = Api.at(port).asAdmin().get("/api/cases/" + id + "/events?q=SOCIALJOUREN").expect(200)
                .json();
        assertThat(searched.size()).isEqualTo(1);
        JsonNode changes = Api.at(port).asAdmin().get("/api/cases/" + id + "/events?kind=case&kind=transfer")
                .expect(200).json();
        assertThat(changes.valueStream().map(e -> e.get("kind").asString()).distinct().toList())
                .containsExactlyInAnyOrder("case", "transfer");

        // Bad filter: refused with a pointer.
        JsonNode bad = Api.at(port).asAdmin().get("/api/cases/" + id + "/events?kind=hemligt").expect(400).json();
        assertThat(bad.get("code").asString()).isEqualTo("CASE_INVALID");
        assertThat(bad.at("/errors/0/pointer").asString()).isEqualTo("/kind/0");

        // The former caseworker, a reader not involved and another administration: no such case.
        assertThat(caseworker().get("/api/cases/" + id + "/events").expect(404).json().get("code").asString())
                .isEqualTo("CASE_NOT_FOUND");
        Api.at(port).as("lasare", "placera-demo").get("/api/cases/" + id + "/events").expect(404);
        Api.at(port).as("omsorg", "placera-demo").get("/api/cases/" + id + "/events").expect(404);

        // The reads are themselves in the log (kind access); the refused ones are not part of the case's log.
        JsonNode access = Api.at(port).asAdmin().get("/api/cases/" + id + "/events?kind=access").expect(200).json();
        assertThat(access.valueStream().map(e -> e.get("action").asString()).toList()).contains("case.events.read");
        assertThat(access.valueStream().map(e -> e.get("outcome").asString()).distinct().toList())
                .containsExactly("success");
        JsonNode audit = Api.at(port).asAdmin().get("/api/audit?action=case.events.read&subjectId=" + id).expect(200)
                .json();
        assertThat(audit.size()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aCorrectionIsANewNoteAndTheCorrectedNoteStaysAsItWas() {
        JsonNode c = raise("Rättelse Testsson");
        String id = c.get("id").asString();
        JsonNode first = caseworker().post("/api/cases/" + id + "/notes", Map.of("text", "Mötet är på tisdag."))
                .expect(201).json();
        JsonNode fix = caseworker().post("/api/cases/" + id + "/notes", Map.of("text", "Rättelse: onsdag.",
                "corrects", first.get("id").asString())).expect(201).json();
        JsonNode notes = caseworker().get("/api/cases/" + id + "/notes").expect(200).json();
        assertThat(notes.size()).isEqualTo(2);
        assertThat(notes.get(0).get("text").asString()).isEqualTo("Mötet är på tisdag.");
        assertThat(Instant.parse(notes.get(0).get("at").asString()))
                .isEqualTo(Instant.parse(first.get("at").asString()).truncatedTo(ChronoUnit.MILLIS));
        assertThat(notes.get(0).get("correctedBy").asString()).isEqualTo(fix.get("id").asString());
        assertThat(notes.get(1).get("corrects").asString()).isEqualTo(first.get("id").asString());
        assertThat(notes.get(1).get("correctedBy").isNull()).isTrue();
        // There is no way to change a note: no PUT, PATCH or DELETE on a note.
        JsonNode paths = Api.at(port).asAdmin().get("/v3/api-docs").expect(200).json().get("paths");
        assertThat(paths.has("/api/cases/{id}/notes/{noteId}")).isFalse();
        assertThat(paths.get("/api/cases/{id}/notes").propertyNames()).containsExactlyInAnyOrder("get", "post");
        // A note of another case cannot be corrected from this one.
        String other = raise("Annan Testsson").get("id").asString();
        JsonNode refused = caseworker().post("/api/cases/" + other + "/notes", Map.of("text", "x",
                "corrects", first.get("id").asString())).expect(400).json();
        assertThat(refused.at("/errors/0/code").asString()).isEqualTo("case.unknown-note");
    }
}
