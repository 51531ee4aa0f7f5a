package se.placera.users;

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
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.placera.support.Api;

/**
 * Requests per second with HTTP Basic (a bcrypt check per request) against a personal API token (an HMAC and a
 * look-up): {@code bench.threads} (20) clients each send {@code GET /api/auth/me} in a loop for
 * {@code bench.seconds} (10) per credential after a short warm-up, over loopback. Prints the figures with the
 * machine's load average, also into {@code target/api-token-benchmark.txt}. Not part of the normal test run (the
 * name does not end in Tests): {@code mvn -o -q -pl engine test -Dtest=ApiTokenBenchmark}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "placera.embedded-db.in-memory=true", "placera.samples.enabled=true", "placera.samples.after-ready=false", "logging.level.org.mongodb.driver=WARN",
        "logging.level.de.bwaldvogel=WARN", "logging.level.se.placera=WARN"})
class ApiTokenBenchmark {

    static final int THREADS = Integer.getInteger("bench.threads", 20);
    static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 10));
    static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmupSeconds", 3));

    @LocalServerPort
    int port;

    @Test
    void basicAgainstToken() throws Exception {
        Api caseworker = Api.at(port).asCaseworker();
        String token = caseworker.post("/api/me/tokens", Map.of("name", "benchmark", "expiresInDays", 1)).expect(201)
                .json().get("token").asString();
        String basic = "Basic " + Base64.getEncoder()
                .encodeToString("handlaggare:placera-demo".getBytes(StandardCharsets.UTF_8));
        String bearer = "Bearer " + token;

        load(basic, WARM_UP);
        Result basicResult = load(basic, RUN);
        load(bearer, WARM_UP);
        Result tokenResult = load(bearer, RUN);

        String load = Files.readString(Path.of("/proc/loadavg")).strip();
        String report = String.format(Locale.ROOT, """
                API token benchmark: %d clients x %d s, GET /api/auth/me over loopback
                machine: %d cores (%s), load average after the run: %s
                HTTP Basic: %d requests, %.0f requests/s, mean %.1f ms, errors %d
                API token:  %d requests, %.0f requests/s, mean %.1f ms, errors %d
                """, THREADS, RUN.toSeconds(), Runtime.getRuntime().availableProcessors(), cpu(), load,
                basicResult.ok, basicResult.perSecond(), basicResult.meanMillis(), basicResult.errors,
                tokenResult.ok, tokenResult.perSecond(), tokenResult.meanMillis(), tokenResult.errors);
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "api-token-benchmark.txt"), report);
        assertThat(basicResult.errors + tokenResult.errors).isZero();
    }

    record Result(long ok, long errors, long nanos, Duration wall) {
        double perSecond() {
            return ok / (wall.toNanos() / 1e9);
        }

        double meanMillis() {
            return ok == 0 ? 0 : nanos / 1e6 / ok;
        }
    }

    /** {@link #THREADS} clients send requests with {@code authorization} until {@code duration} has passed. */
    private Result load(String authorization, Duration duration) throws InterruptedException {
        LongAdder ok = new LongAdder();
        LongAdder errors = new LongAdder();
        LongAdder nanos = new LongAdder();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/me"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", authorization)
                .header("Accept", "application/json").GET().build();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() == 200) {
                            ok.increment();
                            nanos.add(System.nanoTime() - t0);
                        } else {
                            errors.increment();
                        }
                    } catch (Exception e) {
                        errors.increment();
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        return new Result(ok.sum(), errors.sum(), nanos.sum(), Duration.ofNanos(System.nanoTime() - start));
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        } catch (java.io.IOException e) {
            return "unknown CPU";
        }
    }
}
