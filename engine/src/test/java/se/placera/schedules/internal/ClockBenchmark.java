package se.placera.schedules.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import se.placera.placements.CaseClocks.ClockCase;
import se.placera.schedules.ClockIntegrationTests;
import se.placera.schedules.Schedule;
import se.placera.shared.SwedishTime;
import se.placera.support.Api;
import se.placera.support.Placing;
import se.placera.support.AppIntegrationTest;

/**
 * Issue #14, speed: the due occurrences of 50,000 open cases (≤ 2 s) and the timeline of one case (≤ 20 ms through
 * HTTP). The due computation is the pure part of a scheduler run ({@link ClockService#plan}: every pinned clock's
 * condition in CEL, its anchor and its occurrences up to today) over 50,000 synthetic cases with the standard
 * schedules; the timeline is {@code GET /api/cases/{id}/clocks} of a placed case over loopback with a signed-in
 * session (read of the case, pins, conditions, dates, audit entry). Not part of the normal test run (the name does
 * not end in Tests): {@code mvn -o -pl engine test -Dtest=ClockBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * the figures go to {@code target/clock-benchmark.txt}.
 */
@AppIntegrationTest
@Import(ClockIntegrationTests.Config.class)
@TestPropertySource(properties = {"placera.schedules.enabled=false", "logging.level.org.mongodb.driver=WARN"})
class ClockBenchmark {

    static final int CASES = Integer.getInteger("bench.cases", 50_000);
    static final int ROUNDS = 7;
    static final int REQUESTS = 300;

    @LocalServerPort
    int port;

    @Autowired

    se.placera.placements.PlacementCases placementCases;


    @Autowired
    ClockService service;

    @Autowired
    java.time.Clock clock;

    @Autowired
    ScheduleRegistry registry;

    @Test
    void dueOccurrencesOfFiftyThousandCasesAndTheTimelineOfOne() throws Exception {
        List<Schedule> schedules = registry.inForce();
        LocalDate today = LocalDate.of(2027, 6, 15);
        Random rnd = new Random(14);
        String[][] kinds = {{"barn-unga", "hvb-barn-unga", "lvu-2"}, {"barn-unga", "familjehem", "sol"},
                {"barn-unga", "jourhem", "sol"}, {"barn-unga", "hvb-barn-unga", "lvu-3"},
                {"vuxna-missbruk", "hvb-vuxna", "sol"}, {"vuxna-hemloshet", "stodboende-vuxna", "sol"}};
        List<ClockCase> cases = new ArrayList<>(CASES);
        for (int i = 0; i < CASES; i++) {
            String[] k = kinds[rnd.nextInt(kinds.length)];
            LocalDate start = today.minusDays(rnd.nextInt(900));
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("targetGroup", k[0]);
            facts.put("placementForm", k[1]);
            facts.put("legalBasis", k[2]);
            facts.put("age", 5 + rnd.nextInt(40));
            facts.put("placementStart", start.toString());
            facts.put("placementStarted", true);
            cases.add(new ClockCase("case-" + i, "exempelkommun-sof", "handlaggare", null, facts, start.minusDays(20),
                    start.minusDays(10), start, null, null, null, null, false, List.of(), 1L));
        }
        long[] runs = new long[ROUNDS];
        long occurrences = 0;
        for (int r = 0; r < ROUNDS; r++) {
            long t0 = System.nanoTime();
            long n = 0;
            for (ClockCase c : cases) {
                n += service.plan(c, schedules, today).size();
            }
            runs[r] = System.nanoTime() - t0;
            occurrences = n;
        }

        // the timeline of one placed case through HTTP
        Api caseworker = Api.at(port).asCaseworker();
        Map<String, Object> c = new HashMap<>();
        c.put("personalIdentityNumber", "19121212-1212");
        c.put("clientName", "Tidslinje Testsson");
        c.put("targetGroup", "barn-unga");
        c.put("placementForm", "hvb-barn-unga");
        c.put("legalBasis", "lvu-2");
        c.put("needs", List.of("npf"));
        c.put("wantedStart", SwedishTime.today(clock).minusMonths(7).toString());
        JsonNode created = caseworker.post("/api/cases", c).expect(201).json();
        String id = created.get("id").asString();
        long rev = created.get("revision").asLong();
        for (String verb : List.of("skicka-forfragan", "besluta", "paborja")) {
            rev = verb.equals("besluta") ? Placing.place(placementCases, caseworker, "handlaggare", id)
                    : caseworker.post("/api/cases/" + id + "/" + verb, Map.of("revision", rev)).expect(200).json()
                            .get("revision").asLong();
        }
        service.runOnce();
        for (int i = 0; i < 50; i++) {
            caseworker.get("/api/cases/" + id + "/clocks").expect(200);
        }
        long[] timeline = new long[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            long t0 = System.nanoTime();
            caseworker.get("/api/cases/" + id + "/clocks").expect(200);
            timeline[i] = System.nanoTime() - t0;
        }
        long[] floor = new long[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            long t0 = System.nanoTime();
            caseworker.get("/api/cases/" + id).expect(200);
            floor[i] = System.nanoTime() - t0;
        }
        Arrays.sort(runs);
        Arrays.sort(timeline);
        Arrays.sort(floor);
        String report = String.format(Locale.ROOT, """
                Clock benchmark (issue #14), %d schedules in force
                due occurrences of %d open cases: median %.0f ms, best %.0f ms, worst %.0f ms over %d runs (%d occurrences)
                timeline of one case via HTTP: median %.1f ms, p95 %.1f ms, max %.1f ms over %d requests
                floor, GET /api/cases/{id} of the same case: median %.1f ms, p95 %.1f ms
                """, schedules.size(), CASES, runs[ROUNDS / 2] / 1e6, runs[0] / 1e6, runs[ROUNDS - 1] / 1e6, ROUNDS,
                occurrences, timeline[REQUESTS / 2] / 1e6, timeline[(int) (REQUESTS * 0.95)] / 1e6,
                timeline[REQUESTS - 1] / 1e6, REQUESTS, floor[REQUESTS / 2] / 1e6, floor[(int) (REQUESTS * 0.95)] / 1e6);
        System.out.println(report);
        Files.writeString(Path.of("target", "clock-benchmark.txt"), report);
    }
}
