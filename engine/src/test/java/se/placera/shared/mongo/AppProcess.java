package se.placera.shared.mongo;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import se.placera.support.Api;
import se.placera.support.AppWithDemoUsers;

/**
 * The app in a separate JVM (the main class on the test class path), so a test can kill it with SIGKILL or watch
 * it refuse to start and exit. Its output goes to a log file under {@code target/}.
 */
final class AppProcess implements AutoCloseable {

    final Process process;
    final int port;
    final Path log;
    final long startedAt = System.nanoTime();

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static AppProcess start(Path dataDir, String name, String... args) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = dataDir.getParent().resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), AppWithDemoUsers.class.getName(),
                "--server.port=" + port, "--placera.embedded-db.data-dir=" + dataDir,
                "--placera.embedded-db.backup.interval=0", "--logging.level.root=WARN",
                "--logging.level.se.placera.shared.mongo=INFO"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new AppProcess(process, port, log);
    }

    Api api() {
        return Api.at(port);
    }

    /** Waits until the app answers its health endpoint; fails if it exits first or the deadline passes. */
    AppProcess awaitReady(Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("The app exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                if (api().get("/actuator/health").status() == 200) {
                    return this;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.onSpinWait();
            TimeUnit.MILLISECONDS.sleep(100); // a poll interval, not a wait for an effect
        }
        throw new AssertionError("The app was not ready within " + within + ":\n" + output());
    }

    /** Waits for the process to end (it must, within the deadline) and returns its exit code. */
    int awaitExit(Duration within) throws Exception {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The app did not exit within " + within + ":\n" + output());
        }
        return process.exitValue();
    }

    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
