package se.placera.shared.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import se.placera.support.Api;

/**
 * GD-1/OP-1: a 2xx means the write is on disk. The app runs in its own JVM on a data folder under
 * {@code target/}; four writers create responses over HTTP; the JVM is killed with SIGKILL in mid-stream; after a
 * restart on the same folder every acknowledged write, and its audit entry, is there.
 */
class EmbeddedDatabaseCrashIntegrationTests {

    static final Duration READY = Duration.ofSeconds(120);

    @Test
    void everyAcknowledgedWriteSurvivesKillMinusNine() throws Exception {
        Path root = Path.of("target", "crash-test").toAbsolutePath();
        FileSystemUtils.deleteRecursively(root);
        Path data = root.resolve("data");
        Files.createDirectories(data);

        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        try (AppProcess app = AppProcess.start(data, "crash-1").awaitReady(READY)) {
            Api caseworker = app.api().asCaseworker();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService writers = Executors.newFixedThreadPool(4);
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.submit(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        try {
                            var r = caseworker.post("/api/responses", Map.of("methodId", "vuxna-missbruk-uppfoljning",
                                    "subject", Map.of("type", "client", "id", "K-" + writer + "-" + i)));
                            if (r.status() == 201) {
                                acknowledged.add(r.json().get("responseId").asString());
                            }
                        } catch (RuntimeException connectionLost) {
                            return;
                        }
                    }
                });
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (acknowledged.size() < 20 && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(20); // polling the writers' progress
            }
            app.kill(); // SIGKILL while the writers are still writing
            stop.set(true);
            writers.shutdown();
            assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        List<String> written = new ArrayList<>(acknowledged);
        assertThat(written).hasSizeGreaterThanOrEqualTo(10);

        try (AppProcess app = AppProcess.start(data, "crash-2").awaitReady(READY)) {
            Api caseworker = app.api().asCaseworker();
            Api admin = app.api().asAdmin();
            List<String> lost = new ArrayList<>();
            List<String> unaudited = new ArrayList<>();
            for (String id : written) {
                if (caseworker.get("/api/responses/" + id).status() != 200) {
                    lost.add(id);
                }
                var audit = admin.get("/api/audit?subjectId=" + id + "&action=response.start").expect(200).json();
                if (audit.size() == 0) {
                    unaudited.add(id);
                }
            }
            assertThat(lost).as("acknowledged responses lost of " + written.size()).isEmpty();
            assertThat(unaudited).as("audit entries lost").isEmpty();
        }

        // Damage: half the file cut off. The app refuses to start, says why, exits non-zero, leaves the file alone.
        Path file = data.resolve("placera.mv");
        try (var ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() / 2);
        }
        byte[] damaged = Files.readAllBytes(file);
        try (AppProcess app = AppProcess.start(data, "crash-3")) {
            assertThat(app.awaitExit(READY)).isNotZero();
            assertThat(app.output()).contains("The embedded database file " + file + " is damaged")
                    .contains("restore-from");
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(damaged);
    }
}
