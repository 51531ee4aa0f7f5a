package se.placera.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;
import org.bson.Document;
import tools.jackson.databind.JsonNode;

import se.placera.shared.SwedishTime;
import se.placera.support.Api;
import se.placera.support.Placing;
import se.placera.support.AppIntegrationTest;

/**
 * Statutory clocks with a moved clock: a placed case gets its evaluation and reconsideration tasks at the lead time,
 * once, with one reminder; an overdue one is escalated to the team lead once; a reconsideration is recorded with its
 * decision; ending the placement opens the final evaluation and closes the other clocks; a changed schedule applies
 * only to cases that start under it; runs repeated or run at once by two threads never fire twice.
 */
@AppIntegrationTest
@Import(ClockIntegrationTests.Config.class)
@TestPropertySource(properties = {"placera.schedules.enabled=false",
        "placera.schedules.team-leads.exempelkommun-sof=teamledare@exempelkommun.se"})
public class ClockIntegrationTests {

    /** The system clock in Swedish time plus an offset the test moves. */
    public static final class MovableClock extends Clock {
        public final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

        @Override
        public ZoneId getZone() {
            return SwedishTime.ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset.get());
        }

        /** Moves "today" to the given Swedish date (same time of day). */
        public void today(LocalDate date) {
            LocalDate real = SwedishTime.dateOf(Instant.now());
            offset.set(Duration.ofDays(ChronoUnit.DAYS.between(real, date)));
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        public MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @LocalServerPort
    int port;

    @Autowired

    se.placera.placements.PlacementCases placementCases;


    @Autowired
    MovableClock clock;

    @Autowired
    Clocks clocks;

    @Autowired
    MongoTemplate mongo;

    @AfterEach
    void resetClock() {
        clock.offset.set(Duration.ZERO);
    }

    Api caseworker() {
        return Api.at(port).asCaseworker();
    }

    Api admin() {
        return Api.at(port).asAdmin();
    }

    static int serial = 100;

    /** A case raised, sent, decided and started today (the Swedish date the clock says). */
    String placedCase(String targetGroup, String placementForm, String legalBasis) {
        Map<String, Object> c = new HashMap<>();
        c.put("personalIdentityNumber", "19121212-1212");
        c.put("clientName", "Klock Testsson " + (serial++));
        c.put("targetGroup", targetGroup);
        c.put("placementForm", placementForm);
        c.put("legalBasis", legalBasis);
        c.put("needs", List.of("npf"));
        c.put("coordinator", "admin");
        c.put("wantedStart", SwedishTime.today(clock).toString());
        JsonNode created = caseworker().post("/api/cases", c).expect(201).json();
        String id = created.get("id").asString();
        long rev = created.get("revision").asLong();
        for (String verb : List.of("skicka-forfragan", "besluta", "paborja")) {
            rev = verb.equals("besluta") ? Placing.place(placementCases, caseworker(), "handlaggare", id)
                    : caseworker().post("/api/cases/" + id + "/" + verb, Map.of("revision", rev)).expect(200).json()
                            .get("revision").asLong();
        }
        return id;
    }

    List<JsonNode> myClockTasks(Api api, String caseId) {
        List<JsonNode> list = new ArrayList<>();
        api.get("/api/cases/tasks").expect(200).json().forEach(t -> {
            if (t.get("caseId").asString().equals(caseId)) {
                list.add(t);
            }
        });
        return list;
    }

    JsonNode clockTasks(String caseId) {
        return mongo.getCollection("cases").find(new Document("_id", caseId)).first() == null ? null
                : caseworker().get("/api/cases/" + caseId).expect(200).json().get("tasks");
    }

    long mails(String caseId, String event) {
        return mongo.count(Query.query(Criteria.where("_id").regex("^clock:" + caseId + ":.*:" + event + "$")),
                "mail_outbox");
    }

    @Test
    void anHvbPlacementUnderLvu2GetsItsEvaluationAtTheLeadTimeOnceRemindedOnceAndEscalatedOnce() {
        LocalDate start = LocalDate.of(2027, 1, 31);
        clock.today(start);
        String id = placedCase("barn-unga", "hvb-barn-unga", "lvu-2");

        // the timeline: evaluation 3 and 9 months after start, reconsideration every 6 months (LVU 13 §)
        JsonNode timeline = caseworker().get("/api/cases/" + id + "/clocks").expect(200).json();
        Map<String, List<String>> due = new LinkedHashMap<>();
        timeline.get("deadlines").forEach(d -> due.computeIfAbsent(d.get("schedule").asString(), k -> new ArrayList<>())
                .add(d.get("due").asString()));
        assertThat(due.get("utvardering-barn-unga-hvb")).containsExactly("2027-04-30", "2027-10-31");
        assertThat(due.get("lvu-2-overvagande")).startsWith("2027-07-31", "2028-01-31");
        assertThat(due).doesNotContainKeys("lvu-3-omprovning", "jourhem-tva-manader", "sol-overvagande-barn");
        assertThat(timeline.get("pinned").get("lvu-2-overvagande").asInt()).isEqualTo(1);

        clocks.runOnce();
        assertThat(myClockTasks(caseworker(), id)).noneMatch(t -> t.get("taskId").asString().startsWith("utvardering"));

        // 14 days before 30 April: the task opens with one reminder to the caseworker
        clock.today(LocalDate.of(2027, 4, 15));
        clocks.runOnce();
        assertThat(myClockTasks(caseworker(), id)).noneMatch(t -> t.get("taskId").asString().startsWith("utvardering"));
        clock.today(LocalDate.of(2027, 4, 16));
        clocks.runOnce();
        clocks.runOnce();
        List<JsonNode> mine = myClockTasks(caseworker(), id).stream()
                .filter(t -> t.get("taskId").asString().equals("utvardering-barn-unga-hvb")).toList();
        assertThat(mine).hasSize(1);
        assertThat(mine.getFirst().get("due").asString()).isEqualTo("2027-04-30");
        assertThat(mine.getFirst().get("method").asString()).isEqualTo("barn-unga-hvb-uppfoljning");
        assertThat(mails(id, "clock-reminder")).isEqualTo(1);

        // overdue: escalated once to the placement officers (the team lead) with a task and a mail
        clock.today(LocalDate.of(2027, 5, 1));
        clocks.runOnce();
        clocks.runOnce();
        assertThat(mails(id, "clock-escalation")).isEqualTo(1);
        List<JsonNode> officer = myClockTasks(admin(), id).stream()
                .filter(t -> t.get("title").asString().startsWith("Försenad")).toList();
        assertThat(officer).hasSize(1);
        JsonNode overdue = caseworker().get("/api/cases/" + id + "/clocks").expect(200).json().get("deadlines");
        assertThat(find(overdue, "utvardering-barn-unga-hvb", 0).get("status").asString()).isEqualTo("overdue");

        // a method task is done by submitting the method, not by recording it
        caseworker().post("/api/cases/" + id + "/clocks/clock:utvardering-barn-unga-hvb:0/complete",
                Map.of("revision", revision(id))).expect(409);
    }

    @Test
    void theReconsiderationIsRecordedWithItsDecisionAndEndingThePlacementOpensTheFinalEvaluation() {
        LocalDate start = LocalDate.of(2027, 3, 31);
        clock.today(start);
        String id = placedCase("barn-unga", "hvb-barn-unga", "lvu-2");
        clock.today(LocalDate.of(2027, 9, 30));
        clocks.runOnce();
        String task = "clock:lvu-2-overvagande:0";
        assertThat(myClockTasks(caseworker(), id)).anyMatch(t -> t.get("taskId").asString().equals("lvu-2-overvagande")
                && t.get("due").asString().equals("2027-09-30"));

        // the decision is required and is one of fortsatt-vard / upphor
        JsonNode refused = caseworker().post("/api/cases/" + id + "/clocks/" + task + "/complete",
                Map.of("revision", revision(id))).expect(400).json();
        assertThat(refused.get("errors").get(0).get("pointer").asString()).isEqualTo("/decision");
        caseworker().post("/api/cases/" + id + "/clocks/" + task + "/complete",
                Map.of("revision", revision(id), "decision", "kanske")).expect(400);
        // someone in another administration does not see the case
        Api.at(port).as("omsorg", "placera-demo").post("/api/cases/" + id + "/clocks/" + task + "/complete",
                Map.of("revision", 0, "decision", "fortsatt-vard")).expect(404);
        Api.at(port).as("omsorg", "placera-demo").get("/api/cases/" + id + "/clocks").expect(404);

        JsonNode done = caseworker().post("/api/cases/" + id + "/clocks/" + task + "/complete",
                Map.of("revision", revision(id), "decision", "fortsatt-vard", "comment", "Vården behövs")).expect(200)
                .json();
        assertThat(done.get("tasks").toString()).contains("fortsatt-vard");
        assertThat(myClockTasks(caseworker(), id)).noneMatch(t -> t.get("taskId").asString().equals("lvu-2-overvagande"));
        JsonNode deadlines = caseworker().get("/api/cases/" + id + "/clocks").expect(200).json().get("deadlines");
        assertThat(find(deadlines, "lvu-2-overvagande", 0).get("status").asString()).isEqualTo("done");
        assertThat(find(deadlines, "lvu-2-overvagande", 0).get("decision").asString()).isEqualTo("fortsatt-vard");

        // PA-10: extended, then ended early (a breakdown): the final evaluation opens, the other clocks close
        caseworker().post("/api/cases/" + id + "/placement/extend", Map.of("revision", revision(id),
                "newEnd", "2028-06-30", "reason", "Behandlingen behöver mer tid")).expect(200);
        clock.today(LocalDate.of(2027, 10, 10));
        clocks.runOnce(); // the 9-month evaluation (31 December, opens 17 December) is not open yet
        clock.today(LocalDate.of(2027, 12, 20));
        clocks.runOnce();
        assertThat(myClockTasks(caseworker(), id)).anyMatch(t -> t.get("taskId").asString()
                .equals("utvardering-barn-unga-hvb"));
        JsonNode ended = caseworker().post("/api/cases/" + id + "/placement/end", Map.of("revision", revision(id),
                "endDate", "2027-12-20", "reason", "sammanbrott-klient")).expect(200).json();
        assertThat(ended.get("endPlanned").asBoolean()).isFalse();
        assertThat(ended.get("closed").asBoolean()).isTrue();
        List<JsonNode> after = myClockTasks(caseworker(), id);
        assertThat(after).extracting(t -> t.get("taskId").asString()).contains("slututvardering-barn-unga-hvb")
                .doesNotContain("utvardering-barn-unga-hvb", "lvu-2-overvagande");
        assertThat(after.stream().filter(t -> t.get("taskId").asString().equals("slututvardering-barn-unga-hvb"))
                .findFirst().orElseThrow().get("due").asString()).isEqualTo("2028-01-03");
        // and the closed clocks stay closed on later runs
        clock.today(LocalDate.of(2028, 6, 1));
        clocks.runOnce();
        assertThat(myClockTasks(caseworker(), id)).extracting(t -> t.get("taskId").asString())
                .doesNotContain("lvu-2-overvagande", "utvardering-barn-unga-hvb");
    }

    @Test
    void twoRunsAtOnceAndRunsRepeatedAfterARestartOpenEachTaskOnce() throws Exception {
        clock.today(LocalDate.of(2027, 2, 28));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(placedCase("vuxna-missbruk", "hvb-vuxna", "sol"));
        }
        clock.today(LocalDate.of(2027, 12, 31));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Clocks.RunReport>> runs = List.of(clocks::runOnce, clocks::runOnce);
            for (Future<Clocks.RunReport> f : pool.invokeAll(runs)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        clocks.runOnce();
        for (String id : ids) {
            List<String> taskIds = new ArrayList<>();
            caseworker().get("/api/cases/" + id).expect(200).json().get("tasks")
                    .forEach(t -> taskIds.add(t.get("id").asString()));
            // 2 and 6 months after 28 February 2027: two follow-ups, each once, each reminded once
            assertThat(taskIds.stream().filter(t -> t.startsWith("clock:")).toList())
                    .containsExactlyInAnyOrder("clock:utvardering-vuxna-missbruk:0", "clock:utvardering-vuxna-missbruk:1");
            assertThat(taskIds.stream().filter(t -> t.startsWith("escalation:")).toList()).hasSize(2);
            assertThat(mails(id, "clock-reminder")).isEqualTo(2);
            assertThat(mails(id, "clock-escalation")).isEqualTo(2);
        }
    }

    @Test
    void aChangedScheduleAppliesOnlyToCasesStartedUnderIt() {
        clock.today(LocalDate.of(2027, 1, 10));
        String before = placedCase("barn-unga", "jourhem", "sol");
        assertThat(caseworker().get("/api/cases/" + before + "/clocks").expect(200).json().get("deadlines").toString())
                .contains("2027-03-10");
        // the municipality shortens the jourhem limit's lead time and sets it to six weeks
        JsonNode current = admin().get("/api/metadata/schedules/jourhem-tva-manader").expect(200).json();
        Map<String, Object> changed = new LinkedHashMap<>();
        current.get("content").properties().forEach(e -> changed.put(e.getKey(), e.getValue()));
        changed.put("offsets", List.of("P6W"));
        JsonNode saved = admin().post("/api/metadata/schedules", changed).expect(200).json();
        int version = versionOf(saved);
        admin().post("/api/metadata/schedules/jourhem-tva-manader/versions/" + version + "/publish", null).expect(200);
        try {
            String after = placedCase("barn-unga", "jourhem", "sol");
            assertThat(caseworker().get("/api/cases/" + after + "/clocks").expect(200).json().get("deadlines")
                    .toString()).contains("2027-02-21").doesNotContain("2027-03-10");
            JsonNode old = caseworker().get("/api/cases/" + before + "/clocks").expect(200).json();
            assertThat(old.get("deadlines").toString()).contains("2027-03-10");
            assertThat(old.get("pinned").get("jourhem-tva-manader").asInt()).isEqualTo(1);
        } finally {
            // back to the standard clock for the other tests of this context
            Map<String, Object> back = new LinkedHashMap<>(changed);
            back.put("offsets", List.of("P2M"));
            int v = versionOf(admin().post("/api/metadata/schedules", back).expect(200).json());
            admin().post("/api/metadata/schedules/jourhem-tva-manader/versions/" + v + "/publish", null).expect(200);
        }
    }

    @Test
    void thePreviewShowsTheNextFiveDeadlinesOfACaseStartedOn15January2026UnderLvu2() {
        JsonNode preview = admin().post("/api/schedules/preview", Map.of("startDate", "2026-01-15",
                "facts", Map.of("legalBasis", "lvu-2", "targetGroup", "barn-unga", "placementForm", "familjehem",
                        "age", 12), "count", 5)).expect(200).json();
        List<String> lines = new ArrayList<>();
        preview.forEach(d -> lines.add(d.get("due").asString() + " " + d.get("schedule").asString()));
        assertThat(lines).containsExactly("2026-07-15 lvu-2-overvagande", "2026-07-15 utvardering-barn-unga-familjehem",
                "2027-01-15 lvu-2-overvagande", "2027-01-15 utvardering-barn-unga-familjehem",
                "2027-07-15 lvu-2-overvagande");
        // a draft being edited, previewed before it is saved; a bad one is refused with pointers into it
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("kind", "schedule");
        draft.put("id", "test-kvartal");
        draft.put("title", "Kvartal");
        draft.put("description", "Test");
        draft.put("anchor", "placement-start");
        draft.put("offsets", List.of("P3M"));
        draft.put("repeat", "P3M");
        draft.put("task", Map.of("title", "t", "assignee", "responsible", "completion", "manual"));
        JsonNode quarterly = admin().post("/api/schedules/preview", Map.of("startDate", "2026-01-31",
                "facts", Map.of(), "content", draft, "count", 3)).expect(200).json();
        assertThat(quarterly.toString()).contains("2026-04-30", "2026-07-31", "2026-10-31");
        draft.put("repeat", "var tredje månad");
        JsonNode bad = admin().post("/api/schedules/preview", Map.of("startDate", "2026-01-31", "content", draft))
                .expect(400).json();
        assertThat(bad.get("errors").get(0).get("pointer").asString()).isEqualTo("/content/repeat");
    }

    @Test
    void aScheduleWithAnUnknownAnchorBadPeriodsAConditionThatDoesNotTypeCheckOrAnUnknownMethodIsRefused() {
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("kind", "schedule");
        bad.put("id", "trasig-klocka");
        bad.put("title", "Trasig");
        bad.put("description", "Test");
        bad.put("anchor", "placeringens-start");
        bad.put("offsets", List.of("P6M", "sex månader", "P3M"));
        bad.put("repeat", "P0D");
        bad.put("leadTime", "-P14D");
        bad.put("condition", "subject.age + 'år'");
        bad.put("task", Map.of("title", "t", "assignee", "responsible", "completion", "method"));
        bad.put("method", "finns-inte");
        JsonNode report = admin().post("/api/metadata/schedules/validate", bad).expect(200).json();
        assertThat(report.get("valid").asBoolean()).isFalse();
        Map<String, List<String>> codes = new HashMap<>();
        report.get("errors").forEach(e -> codes.computeIfAbsent(e.get("pointer").asString(), k -> new ArrayList<>())
                .add(e.get("code").asString()));
        assertThat(codes).containsEntry("/anchor", List.of("schedule.unknown-anchor"))
                .containsEntry("/offsets/1", List.of("schedule.bad-offset"))
                .containsEntry("/offsets/2", List.of("schedule.offsets-not-increasing"))
                .containsEntry("/repeat", List.of("schedule.bad-repeat"))
                .containsEntry("/leadTime", List.of("schedule.bad-lead-time"))
                .containsEntry("/method", List.of("schedule.unknown-method"));
        assertThat(codes.get("/condition")).hasSize(1);
        assertThat(codes.get("/condition").getFirst()).startsWith("rule.");

        Map<String, Object> readsAnswers = new LinkedHashMap<>(bad);
        readsAnswers.put("anchor", "decision");
        readsAnswers.put("offsets", List.of("P1M"));
        readsAnswers.remove("repeat");
        readsAnswers.remove("leadTime");
        readsAnswers.put("condition", "answers.x == 'ja'");
        readsAnswers.put("method", "barn-unga-hvb-uppfoljning");
        JsonNode r2 = admin().post("/api/metadata/schedules/validate", readsAnswers).expect(200).json();
        assertThat(r2.get("errors").toString()).contains("schedule.condition-reads-answers");

        // saved as a draft it may be unfinished, but it is not published
        admin().post("/api/metadata/schedules", bad).expect(200);
        JsonNode refused = admin().post("/api/metadata/schedules/trasig-klocka/versions/1/publish", null)
                .expect(400).json();
        assertThat(refused.get("errors").toString()).contains("/anchor");
    }

    @Test
    void theStandardClocksArePublishedEachCitingItsSource() {
        JsonNode list = admin().get("/api/metadata/schedules").expect(200).json();
        List<String> ids = new ArrayList<>();
        list.forEach(d -> ids.add(d.get("id").asString()));
        assertThat(ids).contains("lvu-2-overvagande", "lvu-3-omprovning", "sol-overvagande-barn",
                "jourhem-tva-manader", "ej-verkstallt-beslut", "utvardering-barn-unga-hvb",
                "slututvardering-barn-unga-hvb");
        for (String id : List.of("lvu-2-overvagande", "lvu-3-omprovning", "sol-overvagande-barn",
                "jourhem-tva-manader", "ej-verkstallt-beslut")) {
            String description = admin().get("/api/metadata/schedules/" + id).expect(200).json().get("content")
                    .get("description").asString();
            assertThat(description).containsAnyOf("LVU 13 §", "SoL 6 kap. 8 §", "SoL 6 kap. 6 §", "SoL 16 kap. 6 f §");
        }
    }

    static JsonNode find(JsonNode deadlines, String schedule, int occurrence) {
        for (JsonNode d : deadlines) {
            if (d.get("schedule").asString().equals(schedule) && d.get("occurrence").asInt() == occurrence) {
                return d;
            }
        }
        throw new AssertionError("no " + schedule + " #" + occurrence + " in " + deadlines);
    }

    static int versionOf(JsonNode saved) {
        return (saved.has("definition") ? saved.get("definition") : saved).get("version").asInt();
    }

    long revision(String id) {
        return caseworker().get("/api/cases/" + id).expect(200).json().get("revision").asLong();
    }
}
