package se.placera.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.placera.support.Api;

/**
 * Item 8: matching over about 5,000 units through HTTP on the embedded database. Boots the app in memory with the
 * sample municipality at scale 12.5, then sends a bounded number of searches with varied criteria over loopback,
 * one at a time, and reports p50/p95/p99 in milliseconds (also written to {@code target/matching-benchmark.txt}).
 * Not part of the normal test run (the name does not end in Tests): run {@code samples/run-matching-benchmark.sh}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "placera.embedded-db.in-memory=true", "placera.samples.enabled=true", "placera.samples.after-ready=false", "placera.samples.scale=12.5",
        "logging.level.org.mongodb.driver=WARN", "logging.level.de.bwaldvogel=WARN"})
class MatchingBenchmark {

    static final int WARM_UP = Integer.getInteger("bench.warmup", 100);
    static final int REQUESTS = Integer.getInteger("bench.requests", 500);
    static final Duration MAX_TIME = Duration.ofSeconds(Long.getLong("bench.maxSeconds", 180));

    static final List<String[]> FORMS = List.of(
            new String[] {"hvb-barn-unga", "barn-unga", "lvu-3", "15"},
            new String[] {"konsulentstott-familjehem", "barn-unga", "sol", "9"},
            new String[] {"hvb-vuxna", "vuxna-missbruk", "sol", "34"},
            new String[] {"stodboende", "barn-unga", "sol", "17"},
            new String[] {"stodboende-vuxna", "vuxna-hemloshet", "sol", "41"},
            new String[] {"skyddat-boende", "vuxna-vald-i-nara-relationer", "sol", "29"});
    static final List<String> NEEDS = List.of("npf", "missbruk", "skolsvarigheter", "psykisk-ohalsa",
            "traumatisering", "boendeformaga", "utsatt-for-vald", "samsjuklighet");
    static final List<String> LOCALITIES = List.of("Stockholm", "Göteborg", "Malmö", "Uppsala", "Umeå", "Växjö",
            "Karlstad", "Sundsvall");

    @LocalServerPort
    int port;

    @Autowired
    Register register;

    @Autowired
    Matching matching;

    @Test
    void matchingOverFiveThousandUnits() throws Exception {
        assertThat(register.units().size()).isGreaterThanOrEqualTo(4900);
        // Signed in once, as the browser is: the session cookie and the CSRF token, not a password per request.
        var cookies = new java.net.CookieManager();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).cookieHandler(cookies).build();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/auth/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"handlaggare\",\"password\":\"placera-demo\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(java.net.HttpCookie::getValue).findFirst().orElse("");
        Random rnd = new Random(42);
        long deadline = System.nanoTime() + MAX_TIME.toNanos();
        List<Double> times = new ArrayList<>();
        int totalHits = 0;
        for (int i = 0; i < WARM_UP + REQUESTS && System.nanoTime() < deadline; i++) {
            String body = Api.mapper().writeValueAsString(criteria(rnd));
            HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/matching/search"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("X-XSRF-TOKEN", csrf).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            double ms = (System.nanoTime() - t0) / 1e6;
            assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
            if (i >= WARM_UP) {
                times.add(ms);
                totalHits += Api.mapper().readTree(r.body()).get("total").asInt();
            }
        }
        times.sort(Double::compare);
        // The floor of the HTTP stack (session, security, permission check, JSON) on a tiny register endpoint.
        List<Double> floor = new ArrayList<>();
        for (int i = 0; i < WARM_UP + times.size() && System.nanoTime() < deadline + MAX_TIME.toNanos(); i++) {
            HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/register/framework-agreements")).timeout(Duration.ofSeconds(30)).GET().build();
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(200);
            if (i >= WARM_UP) {
                floor.add((System.nanoTime() - t0) / 1e6);
            }
        }
        floor.sort(Double::compare);
        // The same searches in process: the matching's own share of the time.
        Random again = new Random(42);
        List<Double> inProcess = new ArrayList<>();
        for (int i = 0; i < WARM_UP + times.size(); i++) {
            Matching.Criteria c = Api.mapper().convertValue(criteria(again), Matching.Criteria.class);
            long t0 = System.nanoTime();
            matching.match(c);
            if (i >= WARM_UP) {
                inProcess.add((System.nanoTime() - t0) / 1e6);
            }
        }
        inProcess.sort(Double::compare);
        String report = String.format(Locale.ROOT,
                "Matching benchmark: %d units, %d requests (after %d warm-up), sequential over loopback HTTP%n"
                        + "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; mean units passing the hard filters %d%n"
                        + "in process (Matching.match only): p50 %.1f ms, p95 %.1f ms%n"
                        + "HTTP floor (GET /api/register/framework-agreements, same session): p50 %.1f ms, p95 %.1f ms%n"
                        + "load average while measuring: %s%n",
                register.units().size(), times.size(), WARM_UP, pct(times, 50), pct(times, 95), pct(times, 99),
                times.get(times.size() - 1), times.isEmpty() ? 0 : totalHits / times.size(), pct(inProcess, 50),
                pct(inProcess, 95), pct(floor, 50), pct(floor, 95), loadAverage());
        System.out.println(report);
        Files.writeString(Path.of("target", "matching-benchmark.txt"), report);
        assertThat(times).hasSizeGreaterThan(50);
    }

    static Map<String, Object> criteria(Random rnd) {
        String[] f = FORMS.get(rnd.nextInt(FORMS.size()));
        Map<String, Object> c = new HashMap<>();
        c.put("placementForm", f[0]);
        c.put("targetGroup", f[1]);
        c.put("legalBasis", f[2]);
        c.put("age", Integer.parseInt(f[3]));
        c.put("gender", rnd.nextBoolean() ? "pojke-man" : "flicka-kvinna");
        List<String> needs = new ArrayList<>();
        for (int n = 1 + rnd.nextInt(3); needs.size() < n;) {
            String need = NEEDS.get(rnd.nextInt(NEEDS.size()));
            if (!needs.contains(need)) {
                needs.add(need);
            }
        }
        c.put("needs", needs);
        c.put("locality", LOCALITIES.get(rnd.nextInt(LOCALITIES.size())));
        if (rnd.nextInt(3) == 0) {
            c.put("maxPrice", 5000);
        }
        if (rnd.nextInt(4) == 0) {
            c.put("frameworkOnly", true);
        }
        if (rnd.nextInt(3) == 0) {
            c.put("requireVacancy", true);
        }
        if (rnd.nextInt(4) == 0) {
            c.put("maxDistanceKm", 300);
        }
        return c;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static double pct(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
