package se.placera.load;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * The caseworker's form session (issue #18, item 1): sign in as the browser does, start a response on
 * {@code barn-unga-hvb-uppfoljning} for a client of one's own, answer it one question per PATCH with think time
 * (the runtime UI's autosave), read the state back now and then, and submit.
 *
 * <p>Assertions (the item 2 target for this shape): PATCH answers p99 ≤ {@code load.patchP99Ms} (15 ms),
 * every request p99 ≤ {@code load.p99Ms} (250 ms), no failed request. Settings: {@code load.users} (50) users
 * arriving over {@code load.rampSeconds} (10 s), each doing {@code load.sessions} (2) sessions with
 * {@code load.thinkMs} (1000 ms) between answers.
 */
public class FormSessionSimulation extends Simulation {

    static final int USERS = Load.integer("users", 50);
    static final int RAMP = Load.integer("rampSeconds", 10);
    static final int SESSIONS = Load.integer("sessions", 2);
    static final int THINK_MS = Load.integer("thinkMs", 1000);
    static final String METHOD = System.getProperty("load.method", "barn-unga-hvb-uppfoljning");
    static final AtomicLong CLIENTS = new AtomicLong();
    static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    ScenarioBuilder session = scenario("form session").exec(Load.login(Load.user(), Load.password()))
            .exec(s -> s.set("rnd", new Random(CLIENTS.incrementAndGet())))
            .repeat(SESSIONS).on(
                    exec(s -> s.set("clientId", "LOAD-" + RUN + "-" + CLIENTS.incrementAndGet()))
                            .exec(http("POST /api/responses").post("/api/responses").header("X-XSRF-TOKEN", "#{xsrf}")
                                    .body(StringBody("{\"methodId\":\"" + METHOD
                                            + "\",\"subject\":{\"type\":\"client\",\"id\":\"#{clientId}\"}}"))
                                    .check(status().is(201), jsonPath("$.responseId").saveAs("responseId"),
                                            bodyString().saveAs("state")))
                            .exitHereIfFailed()
                            .exec(s -> s.set("patch", FormAnswers.nextPatch(s.getString("state"), s.get("rnd"))))
                            .asLongAs(s -> s.getString("patch") != null).on(
                                    pause(Duration.ofMillis(THINK_MS))
                                            .exec(http("PATCH answers").patch("/api/responses/#{responseId}/answers")
                                                    .header("X-XSRF-TOKEN", "#{xsrf}")
                                                    .body(StringBody(s -> s.getString("patch")))
                                                    .check(status().is(200), bodyString().saveAs("state")))
                                            .exec(s -> s.set("patch",
                                                    FormAnswers.nextPatch(s.getString("state"), s.get("rnd")))))
                            .exec(http("GET response").get("/api/responses/#{responseId}")
                                    .check(status().is(200), bodyString().saveAs("state")))
                            .pause(Duration.ofMillis(THINK_MS))
                            .exec(s -> s.set("revision", FormAnswers.revision(s.getString("state"))))
                            .exec(http("POST submit").post("/api/responses/#{responseId}/submit")
                                    .header("X-XSRF-TOKEN", "#{xsrf}")
                                    .body(StringBody("{\"revision\":#{revision}}"))
                                    .check(status().is(200), jsonPath("$.status").is("submitted"))));

    {
        System.out.println("FormSessionSimulation against " + Load.BASE_URL + ", load average " + Load.loadAverage());
        setUp(session.injectOpen(rampUsers(USERS).during(Duration.ofSeconds(RAMP)))).protocols(Load.protocol())
                .assertions(
                        details("PATCH answers").responseTime().percentile(99.0)
                                .lte(Load.integer("patchP99Ms", 15)),
                        global().responseTime().percentile(99.0).lte(Load.integer("p99Ms", 250)),
                        global().failedRequests().count().is(0L));
    }
}
