package se.placera.schedules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import se.placera.placements.CaseClocks;
import se.placera.schedules.ClockIntegrationTests;
import se.placera.schedules.ClockMail;
import se.placera.schedules.Clocks;
import se.placera.shared.SwedishTime;
import se.placera.support.Api;
import se.placera.support.Placing;
import se.placera.support.AppIntegrationTest;

/**
 * Two instances never run the clocks at once (ShedLock's lock document in the shared database), and a run cut short
 * anywhere — after the task opened but before its reminder was marked, after the mail was queued but before it was
 * marked — is completed by the next run (a restart) without doing anything twice.
 */
@AppIntegrationTest
@Import(ClockIntegrationTests.Config.class)
@TestPropertySource(properties = {"placera.schedules.enabled=false",
        "placera.schedules.team-leads.exempelkommun-sof=teamledare@exempelkommun.se"})
class ClockLockIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired

    se.placera.placements.PlacementCases placementCases;


    @Autowired
    ClockIntegrationTests.MovableClock clock;

    @Autowired
    ClockScheduler scheduler;

    @Autowired
    Clocks clocks;

    @Autowired
    CaseClocks caseClocks;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    MongoTemplate mongo;

    @AfterEach
    void resetClock() {
        clock.offset.set(Duration.ZERO);
    }

    @Test
    void whileAnotherInstanceHoldsTheLockThisOneDoesNotRun() throws Exception {
        // the other instance: its own lock provider on the same database
        var other = new DefaultLockingTaskExecutor(new MongoLockProvider(mongo.getDb()));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean otherRan = new AtomicBoolean();
        Thread t = new Thread(() -> other.executeWithLock((Runnable) () -> {
            otherRan.set(true);
            holding.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, new LockConfiguration(ClockProvider.now(), ClockScheduler.LOCK, Duration.ofMinutes(5), Duration.ZERO)));
        t.start();
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            assertThat(scheduler.runLocked()).as("a run while the other instance holds the lock").isFalse();
        } finally {
            release.countDown();
            t.join();
        }
        assertThat(otherRan).isTrue();
        assertThat(scheduler.runLocked()).as("a run once the lock is free").isTrue();
        assertThat(mongo.getCollection("shedLock").countDocuments()).isPositive();
    }

    @Test
    void aRunCutShortIsCompletedByTheNextOneWithoutDoingAnythingTwice() {
        clock.today(LocalDate.of(2029, 5, 31));
        Map<String, Object> c = new HashMap<>();
        c.put("personalIdentityNumber", "19121212-1212");
        c.put("clientName", "Omstart Testsson");
        c.put("targetGroup", "vuxna-missbruk");
        c.put("placementForm", "hvb-vuxna");
        c.put("legalBasis", "sol");
        c.put("needs", List.of("missbruk"));
        c.put("wantedStart", "2029-05-31");
        Api caseworker = Api.at(port).asCaseworker();
        JsonNode created = caseworker.post("/api/cases", c).expect(201).json();
        String id = created.get("id").asString();
        long rev = created.get("revision").asLong();
        for (String verb : List.of("skicka-forfragan", "besluta", "paborja")) {
            rev = verb.equals("besluta") ? Placing.place(placementCases, caseworker, "handlaggare", id)
                    : caseworker.post("/api/cases/" + id + "/" + verb, Map.of("revision", rev)).expect(200).json()
                            .get("revision").asLong();
        }
        clock.today(LocalDate.of(2029, 7, 20)); // 2 months after 31 May: 31 July, opens 17 July

        // the run died after opening the task, before the reminder: the task exists, unreminded
        String task = "clock:utvardering-vuxna-missbruk:0";
        assertThat(caseClocks.openTask(id, new CaseClocks.ClockTask(task, "utvardering-vuxna-missbruk", 1, 0,
                "Följ upp placeringen (vuxna – missbruk)", "responsible", LocalDate.of(2029, 7, 31),
                "vuxna-missbruk-uppfoljning", "method"))).isTrue();
        // … and a second attempt to open it (another instance, a retry) changes nothing
        assertThat(caseClocks.openTask(id, new CaseClocks.ClockTask(task, "utvardering-vuxna-missbruk", 1, 0,
                "x", "responsible", LocalDate.of(2029, 7, 31), null, "method"))).isFalse();
        // the run also queued the reminder mail before it died (not marked on the task)
        events.publishEvent(new ClockMail("clock:" + id + ":" + task + ":" + ClockMail.REMINDER, ClockMail.REMINDER,
                "hugo.handlaggare@exempelkommun.se", "exempelkommun-sof", Map.of("title", "t", "clock", "c",
                        "source", "", "due", "2029-07-31", "link", "l", "responsible", "handlaggare")));

        Clocks.RunReport first = clocks.runOnce();
        Clocks.RunReport second = clocks.runOnce();
        assertThat(mongo.count(Query.query(Criteria.where("_id").regex("^clock:" + id + ":")), "mail_outbox"))
                .isEqualTo(1);
        JsonNode tasks = caseworker.get("/api/cases/" + id).expect(200).json().get("tasks");
        long clockTasks = 0;
        for (JsonNode t : tasks) {
            if (t.get("id").asString().startsWith("clock:")) {
                clockTasks++;
            }
        }
        assertThat(clockTasks).isEqualTo(1);
        assertThat(second.opened() + second.reminded() + second.escalated()).isZero();
        assertThat(first.reminded()).isPositive();
        assertThat(SwedishTime.today(clock)).isEqualTo(LocalDate.of(2029, 7, 20));
    }
}
