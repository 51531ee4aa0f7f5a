package se.placera.shared.mongo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.util.FileSystemUtils;

import se.placera.support.Api;

/**
 * Write throughput and start-to-ready time of the app on the embedded database (docs/performance.md, "Embedded
 * database: durable writes"). Not part of the test run. Starts the app in its own JVM on a fresh data folder
 * under {@code target/}, waits until it answers, then {@code writers} threads create responses over HTTP for
 * {@code seconds}; prints start-to-ready, writes/s and latency percentiles, then restarts once on the filled
 * folder for a second start-to-ready figure.
 *
 * <pre>java -cp "$CP" se.placera.shared.mongo.EmbeddedDatabaseWriteBenchmark [writers] [seconds] [app class path]</pre>
 * where {@code $CP} is the test class path; the optional third argument runs another build of the app (e.g. the
 * commit before durable writes) with the same dependencies.
 */
public final class EmbeddedDatabaseWriteBenchmark {

    public static void main(String[] args) throws Exception {
        int writers = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        if (args.length > 2) {
            System.setProperty("java.class.path", args[2]);
        }
        Path root = Path.of("target", "write-benchmark").toAbsolutePath();
        FileSystemUtils.deleteRecursively(root);
        Path data = root.resolve("data");
        Files.createDirectories(data);
        try (AppProcess app = AppProcess.start(data, "bench-1")) {
            app.awaitReady(Duration.ofMinutes(10));
            System.out.printf("start-to-ready (empty folder): %.1f s%n", (System.nanoTime() - app.startedAt) / 1e9);
            Api caseworker = app.api().asCaseworker();
            // Warm-up: a few writes so that classes are loaded and the JIT has seen the path.
            for (int i = 0; i < 20; i++) {
                caseworker.post("/api/responses", Map.of("methodId", "vuxna-missbruk-uppfoljning",
                        "subject", Map.of("type", "client", "id", "W-" + i))).expect(201);
            }
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger failures = new AtomicInteger();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            for (int w = 0; w < writers; w++) {
                int writer = w;
                pool.submit(() -> {
                    for (int i = 0; System.nanoTime() < end; i++) {
                        long t = System.nanoTime();
                        int status = caseworker.post("/api/responses", Map.of("methodId", "vuxna-missbruk-uppfoljning",
                                "subject", Map.of("type", "client", "id", "B-" + writer + "-" + i))).status();
                        if (status == 201) {
                            latencies.add(System.nanoTime() - t);
                        } else {
                            failures.incrementAndGet();
                        }
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf("writers %d, %d s: %d writes acknowledged (%.1f writes/s), %d failed; latency p50 %.0f ms,"
                    + " p95 %.0f ms%n", writers, seconds, sorted.size(), sorted.size() / (double) seconds,
                    failures.get(), pct(sorted, 0.5), pct(sorted, 0.95));
        }
        try (AppProcess app = AppProcess.start(data, "bench-2")) {
            app.awaitReady(Duration.ofMinutes(10));
            System.out.printf("start-to-ready (filled folder, %d KB): %.1f s%n",
                    Files.size(data.resolve("placera.mv")) / 1024, (System.nanoTime() - app.startedAt) / 1e9);
        }
    }

    static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, p * sorted.size())) / 1e6;
    }
}
