package se.placera.placements.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

import se.placera.placements.ProcessDefinition;
import se.placera.placements.Processes;
import se.placera.shared.Audited;
import se.placera.shared.PendingAudit;
import se.placera.shared.SwedishTime;
import se.placera.support.Api;
import se.placera.support.DemoUsers;

/**
 * Issue #13, speed: a caseworker's task list (p95 ≤ 50 ms through HTTP) on 20,000 cases, and the event log of a case
 * with 500 events (≤ 100 ms). Boots the app in memory, writes 20,000 cases spread over 400 caseworkers in every state
 * of the standard process (the demo caseworker {@code handlaggare} holds 50 of them), each with its creation in the
 * audit log, and one case of the demo caseworker with about 500 events (notes and transitions through the API), then
 * times sequential requests over loopback HTTP with a signed-in session. Not part of the normal test run (the name
 * does not end in Tests): {@code samples/run-case-benchmark.sh}; the figures go to {@code target/case-benchmark.txt}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "placera.embedded-db.in-memory=true", "placera.samples.enabled=true", "placera.samples.after-ready=false", "logging.level.org.mongodb.driver=WARN",
        "logging.level.de.bwaldvogel=WARN"})
@Import(DemoUsers.class)
class CaseWorkBenchmark {

    static final int CASES = Integer.getInteger("bench.cases", 20_000);
    static final int MINE = 50;
    static final int WARM_UP = Integer.getInteger("bench.warmup", 100);
    static final int REQUESTS = Integer.getInteger("bench.requests", 500);
    static final int EVENTS = 500;
    static final int UNITS = 10;
    static final int ROUND_WARM_UP = Integer.getInteger("bench.roundWarmup", 20);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 100);

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Processes processes;

    @Autowired
    CaseWorklists worklists;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    Clock clock;

    @Test
    void taskListAndEventLogOnTwentyThousandCases() throws Exception {
        long t0 = System.nanoTime();
        ProcessDefinition process = processes.inUse("placering").orElseThrow();
        List<String> states = List.of("utkast", "forfragan-skickad", "placerad", "pagaende", "avslutad", "avbruten");
        Random rnd = new Random(42);
        List<CaseDocument> batch = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            String responsible = i < MINE ? "handlaggare" : "hl-" + rnd.nextInt(400);
            batch.add(synthetic(process, states.get(rnd.nextInt(states.size())), responsible, i));
            if (batch.size() == 1000) {
                worklists.linkAll(batch);
                mongo.insertAll(batch);
                batch.forEach(c -> events.publishEvent(new PendingAudit(PendingAudit.idOf(c.id, 0L), c.createdAt,
                        c.responsible, c.administration, new Audited("case.create", "case", c.id, c.administration,
                                "success", Map.of("state", c.state)))));
                batch.clear();
            }
        }
        double loadSeconds = (System.nanoTime() - t0) / 1e9;

        // Through a signed-in session (HTTP Basic would check the password with bcrypt on every request).
        Session s = Session.signIn(port, "handlaggare");
        Map<String, Object> raise = Map.of("personalIdentityNumber", "19121212-1212", "clientName", "Logg Bench",
                "targetGroup", "barn-unga", "placementForm", "hvb-barn-unga", "legalBasis", "lvu-2");
        String big = Api.mapper().readTree(s.post("/api/cases", raise, 201)).get("id").asString();
        for (int i = 1; i < EVENTS; i++) {
            s.post("/api/cases/" + big + "/notes", Map.of("text", "Anteckning " + i + " om samtal med skolan."), 201);
        }

        List<Double> tasks = s.time("/api/cases/tasks", WARM_UP, REQUESTS);
        int taskCount = Api.mapper().readTree(s.get("/api/cases/tasks")).size();
        // Each read of the event log adds its own entry: the case has 500 events before, about 600 after.
        List<Double> log = s.time("/api/cases/" + big + "/events", 50, 100);
        int eventCount = Api.mapper().readTree(s.get("/api/cases/" + big + "/events")).size();
        List<Double> floor = s.time("/api/auth/me", WARM_UP, REQUESTS);
        // Last: each round raises one more case of the caseworker's (the task list above saw the 51 cases).
        List<Double> rounds = ROUNDS > 0 ? rounds(s) : List.of(0.0);

        String report = String.format(Locale.ROOT,
                "Case benchmark: %d cases (%d of the caseworker's), loaded in %.0f s%n"
                        + "GET /api/cases/tasks (%d tasks): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms "
                        + "(%d requests after %d warm-up)%n"
                        + "GET /api/cases/{id}/events (%d events at the end): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, "
                        + "max %.1f ms (100 requests after 50 warm-up)%n"
                        + "POST /api/cases/{id}/inquiries (a round to %d units): p50 %.1f ms, p95 %.1f ms, "
                        + "p99 %.1f ms, max %.1f ms (%d rounds after %d warm-up)%n"
                        + "HTTP floor (GET /api/auth/me, same session): p50 %.1f ms, p95 %.1f ms%n"
                        + "load average while measuring: %s%n",
                CASES + 1, MINE + 1, loadSeconds, taskCount, pct(tasks, 50), pct(tasks, 95), pct(tasks, 99),
                tasks.getLast(), REQUESTS, WARM_UP, eventCount, pct(log, 50), pct(log, 95), pct(log, 99),
                log.getLast(), UNITS, pct(rounds, 50), pct(rounds, 95), pct(rounds, 99), rounds.getLast(), ROUNDS,
                ROUND_WARM_UP, pct(floor, 50), pct(floor, 95), loadAverage());
        System.out.println(report);
        Files.writeString(Path.of("target", "case-benchmark.txt"), report);
        assertThat(taskCount).isGreaterThan(0);
        assertThat(eventCount).isGreaterThanOrEqualTo(EVENTS);
    }

    /**
     * Sends {@code bench.rounds} inquiry rounds (after {@code bench.roundWarmup}) to 10 units of 10 providers, each
     * on a new case raised through the API, timing only the send: the request that writes the round, takes the
     * case's transition and writes the 10 mails to the mail outbox with their audit entries. Signed in with a
     * session, as the browser is (HTTP Basic would add a bcrypt check to every request).
     */
    private List<Double> rounds(Session s) throws Exception {
        Api admin = Api.at(port).asAdmin();
        List<String> units = new ArrayList<>();
        for (int i = 0; i < UNITS; i++) {
            String tag = UUID.randomUUID().toString().substring(0, 8);
            String provider = admin.post("/api/register/providers", Map.of("name", "Bänk " + tag + " AB",
                    "orgNumber", String.format(Locale.ROOT, "%06d-%04d", 100000 + i, Math.abs(tag.hashCode()) % 10000),
                    "regi", "extern", "contact", Map.of("name", "Kim", "email", tag + "@bank.example"))).expect(201)
                    .json().get("id").asString();
            Map<String, Object> u = new java.util.HashMap<>();
            u.put("providerId", provider);
            u.put("name", "Bänkgården " + tag);
            u.put("municipality", "Uppsala");
            u.put("locality", "Uppsala");
            u.put("targetGroups", List.of("barn-unga"));
            u.put("placementForms", List.of("hvb-barn-unga"));
            units.add(admin.post("/api/register/units", u).expect(201).json().at("/unit/id").asString());
        }
        Map<String, Object> raise = Map.of("personalIdentityNumber", "19121212-1212", "targetGroup", "barn-unga",
                "placementForm", "hvb-barn-unga", "wantedStart", "2027-01-15");
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < ROUND_WARM_UP + ROUNDS; i++) {
            var theCase = Api.mapper().readTree(s.post("/api/cases", raise, 201));
            Map<String, Object> round = new java.util.LinkedHashMap<>();
            round.put("unitIds", units);
            round.put("deadline", clock.instant().plus(Duration.ofDays(7)).toString());
            round.put("content", Map.of("beskrivning", "Behov av behandling."));
            round.put("revision", theCase.get("revision").asLong());
            long t0 = System.nanoTime();
            s.post("/api/cases/" + theCase.get("id").asString() + "/inquiries", round, 201);
            if (i >= ROUND_WARM_UP) {
                times.add((System.nanoTime() - t0) / 1e6);
            }
        }
        times.sort(Double::compare);
        return times;
    }

    private CaseDocument synthetic(ProcessDefinition process, String state, String responsible, int i) {
        Instant now = clock.instant();
        CaseDocument c = new CaseDocument();
        c.id = UUID.randomUUID().toString();
        c.administration = "exempelkommun-sof";
        c.processId = process.id();
        c.processVersion = process.version();
        c.state = state;
        c.stateSince = now;
        c.client = new CaseDocument.Client();
        c.client.masked = "20100101-XXXX";
        c.client.birthDate = LocalDate.of(2010, 1, 1);
        c.client.name = "Syntetisk " + i;
        c.client.identityHash = "bench-" + i;
        c.facts = new java.util.LinkedHashMap<>(Map.of("targetGroup", "barn-unga", "placementForm", "familjehem"));
        c.responsible = responsible;
        c.createdAt = now;
        c.createdBy = responsible;
        c.updatedAt = now;
        c.revision = 0L;
        for (ProcessDefinition.Task t : process.state(state).orElseThrow().tasks()) {
            CaseDocument.CaseTask task = new CaseDocument.CaseTask();
            task.id = t.id() + "@0";
            task.taskId = t.id();
            task.state = state;
            task.title = t.title();
            task.assignee = t.assignee().code();
            task.assignedTo = responsible;
            task.due = SwedishTime.today(clock).plusDays(t.dueInDays() == null ? 7 : t.dueInDays());
            task.status = "open";
            task.createdAt = now;
            c.tasks.add(task);
        }
        c.workKeys = WorkKeys.of(c, process);
        return c;
    }

    /** A signed-in HTTP session: the session cookie, as the browser has it. */
    record Session(HttpClient http, int port, CookieManager cookies) {

        static Session signIn(int port, String username) throws Exception {
            CookieManager cookies = new CookieManager();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                    .cookieHandler(cookies).build();
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/auth/login")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                            .ofString("{\"username\":\"" + username + "\",\"password\":\"placera-demo\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            return new Session(http, port, cookies);
        }

        byte[] get(String path) throws Exception {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            return r.body();
        }

        /** The CSRF token a state-changing request of a session sends back (the XSRF-TOKEN cookie). */
        String csrf() throws Exception {
            for (int attempt = 0; attempt < 2; attempt++) {
                for (var c : cookies.getCookieStore().getCookies()) {
                    if (c.getName().equals("XSRF-TOKEN")) {
                        return c.getValue();
                    }
                }
                get("/api/auth/csrf");
            }
            throw new AssertionError("no XSRF-TOKEN cookie");
        }

        byte[] post(String path, Object body, int expected) throws Exception {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("X-XSRF-TOKEN", csrf())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Api.mapper().writeValueAsBytes(body))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as(path + " " + new String(r.body())).isEqualTo(expected);
            return r.body();
        }

        /** Sorted times in ms of {@code n} GETs after {@code warmUp}. */
        List<Double> time(String path, int warmUp, int n) throws Exception {
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < warmUp + n; i++) {
                long t0 = System.nanoTime();
                get(path);
                if (i >= warmUp) {
                    times.add((System.nanoTime() - t0) / 1e6);
                }
            }
            times.sort(Double::compare);
            return times;
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static double pct(List<Double> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
