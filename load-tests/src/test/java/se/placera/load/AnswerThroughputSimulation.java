package se.placera.load;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Capacity (issue #18, item 2): {@code load.users} (50) users, each on a draft of its own, change an answer
 * with no pause for {@code load.seconds} (30 s), each change sending the revision it read; with
 * {@code -Dload.request=get} they read their state with no pause instead. One kind per run, because Gatling's
 * requests per second are over the whole run.
 *
 * <p>Assertions (the targets on the 2-core machine): PATCH answers ≥ {@code load.patchRps} (1,500) per
 * second, or GET state ≥ {@code load.getRps} (2,000) per second; no failed request.
 */
public class AnswerThroughputSimulation extends Simulation {

    static final int USERS = Load.integer("users", 50);
    static final int SECONDS = Load.integer("seconds", 30);
    static final String METHOD = System.getProperty("load.method", "barn-unga-hvb-uppfoljning");
    static final String QUESTION = System.getProperty("load.question", "helhetsbetyg");
    static final boolean GET = "get".equals(System.getProperty("load.request", "patch"));
    static final AtomicLong CLIENTS = new AtomicLong();
    static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    ScenarioBuilder answers = scenario("answers without pause").exec(Load.login(Load.user(), Load.password()))
            .exec(s -> s.set("clientId", "LOADT-" + RUN + "-" + CLIENTS.incrementAndGet()).set("value", 1))
            .exec(http("POST /api/responses").post("/api/responses").header("X-XSRF-TOKEN", "#{xsrf}")
                    .body(StringBody("{\"methodId\":\"" + METHOD
                            + "\",\"subject\":{\"type\":\"client\",\"id\":\"#{clientId}\"}}"))
                    .check(status().is(201), jsonPath("$.responseId").saveAs("responseId"),
                            jsonPath("$.revision").ofLong().saveAs("revision")))
            .exitHereIfFailed()
            // Every change changes something: the rating goes round 1..5.
            .doIfOrElse(s -> GET).then(during(Duration.ofSeconds(SECONDS)).on(
                    exec(http("GET response").get("/api/responses/#{responseId}").check(status().is(200)))))
            .orElse(during(Duration.ofSeconds(SECONDS)).on(
                    exec(s -> s.set("value", s.getInt("value") % 5 + 1))
                            .exec(http("PATCH answers").patch("/api/responses/#{responseId}/answers")
                                    .header("X-XSRF-TOKEN", "#{xsrf}")
                                    .body(StringBody("{\"answers\":{\"" + QUESTION
                                            + "\":#{value}},\"revision\":#{revision}}"))
                                    .check(status().is(200),
                                            jsonPath("$.revision").ofLong().saveAs("revision")))));

    {
        System.out.println("AnswerThroughputSimulation against " + Load.BASE_URL + ", load average "
                + Load.loadAverage());
        setUp(answers.injectOpen(atOnceUsers(USERS))).protocols(Load.protocol())
                .assertions(GET
                        ? details("GET response").requestsPerSec().gte(Load.decimal("getRps", 2000))
                        : details("PATCH answers").requestsPerSec().gte(Load.decimal("patchRps", 1500)),
                        global().failedRequests().count().is(0L));
    }
}
