package se.placera.placements.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import se.placera.placements.ProcessDefinition;
import se.placera.support.Api;
import se.placera.support.Placing;
import se.placera.support.AppIntegrationTest;

/**
 * The look-ups of the task and decision lists against the reference (every case read and its open tasks and
 * decisions derived from the document): the unique index on {@code workKeys} queried by a regular expression, and
 * the lists of {@link CaseWorklists} that the views read (a superset, without ended cases).
 */
@AppIntegrationTest
class WorkKeysEquivalenceIntegrationTests {

    @org.springframework.beans.factory.annotation.Autowired
    se.placera.placements.PlacementCases placementCases;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    CaseService cases;

    @Autowired
    CaseWorklists worklists;

    @Test
    void theIndexLookUpFindsExactlyTheCasesAScanFinds() {
        Api hl = Api.at(port).asCaseworker();
        // "besluta" leads to "placerad", which gives two tasks: two keys of one holder in one case.
        String[][] paths = {{}, {"skicka-forfragan"}, {"skicka-forfragan", "besluta"}, {"avbryt"}};
        for (int i = 0; i < 8; i++) {
            Map<String, Object> raise = new HashMap<>(Map.of("personalIdentityNumber", "19121212-1212",
                    "targetGroup", "barn-unga", "placementForm", "hvb-barn-unga", "legalBasis", "lvu-2"));
            if (i % 2 == 1) {
                raise.put("coordinator", "admin");
            }
            JsonNode c = hl.post("/api/cases", raise).expect(201).json();
            for (String verb : paths[i % paths.length]) {
                if (verb.equals("besluta")) {
                    Placing.place(placementCases, hl, "handlaggare", c.get("id").asString());
                    c = hl.get("/api/cases/" + c.get("id").asString()).expect(200).json();
                    continue;
                }
                c = hl.post("/api/cases/" + c.get("id").asString() + "/" + verb,
                        Map.of("revision", c.get("revision").asLong())).expect(200).json();
            }
            if (i == 5) {
                hl.post("/api/cases/" + c.get("id").asString() + "/transfer", Map.of("revision",
                        c.get("revision").asLong(), "to", "admin")).expect(200);
            }
        }
        for (String holder : List.of("handlaggare", "admin", WorkKeys.OFFICERS + "exempelkommun-sof")) {
            for (String kind : List.of(WorkKeys.TASK, WorkKeys.PENDING, WorkKeys.MADE)) {
                String regex = WorkKeys.pattern(Set.of(holder), kind);
                Set<String> fast = new TreeSet<>();
                mongo.find(Query.query(Criteria.where("workKeys").regex(regex)), CaseDocument.class)
                        .forEach(c -> fast.add(c.id));
                Set<String> reference = new TreeSet<>();
                Pattern p = Pattern.compile(regex);
                for (CaseDocument c : mongo.findAll(CaseDocument.class)) {
                    ProcessDefinition process = cases.process(c);
                    assertThat(c.workKeys).as("stored keys are the derived keys").isEqualTo(WorkKeys.of(c, process));
                    if (WorkKeys.of(c, process).stream().anyMatch(k -> p.matcher(k).find())) {
                        reference.add(c.id);
                    }
                }
                assertThat(fast).as(holder + " " + kind).isEqualTo(reference);
                // The lists the task views read are a superset of the truth (written before the case) ...
                Set<String> listed = new TreeSet<>();
                worklists.candidates(Set.of(holder), kind).values().forEach(listed::addAll);
                assertThat(listed).as("list " + holder + " " + kind).containsAll(reference);
                // ... without the ended cases (cancelled here), which can never have tasks or decisions again.
                if (!kind.equals(WorkKeys.MADE)) {
                    for (String id : listed) {
                        CaseDocument c = mongo.findById(id, CaseDocument.class);
                        assertThat(CaseWorklists.ended(c, cases.process(c))).as("ended case listed: " + id).isFalse();
                    }
                }
                if (holder.equals("handlaggare")) {
                    assertThat(reference).as(kind).isNotEmpty();
                }
            }
        }
    }
}
