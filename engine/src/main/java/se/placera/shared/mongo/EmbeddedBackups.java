package se.placera.shared.mongo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.placera.shared.PlaceraException;
import se.placera.shared.SwedishTime;

/**
 * Online backups of the embedded database: writes are paused, the store committed and synced, and the file copied
 * into {@code placera-<time>.zip} in the backup folder (MVStore's own {@code FileStore.backup}); then the oldest
 * backups beyond {@code keep} are deleted. Runs on a schedule and on demand ({@code POST /api/admin/backups}).
 */
final class EmbeddedBackups implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBackups.class);
    private static final Pattern NAME = Pattern.compile("placera-\\d{8}-\\d{6}-\\d{3}\\.zip");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    /** A backup file. */
    record Backup(String file, long bytes, Instant createdAt) {
    }

    private final DurableH2Backend backend; // null in memory
    private final Clock clock;
    private final Path folder;
    private final int keep;
    private final ScheduledExecutorService schedule;

    EmbeddedBackups(DurableH2Backend backend, Path folder, int keep, Duration interval, Clock clock) {
        this.clock = clock;
        this.backend = backend;
        this.folder = folder;
        this.keep = Math.max(1, keep);
        if (interval != null && !interval.isZero() && !interval.isNegative()) {
            schedule = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "embedded-db-backup");
                t.setDaemon(true);
                return t;
            });
            long ms = interval.toMillis();
            // The first one a minute after start, so an app restarted more often than the interval still gets backups.
            schedule.scheduleWithFixedDelay(this::scheduled, Math.min(ms, 60_000), ms, TimeUnit.MILLISECONDS);
        } else {
            schedule = null;
        }
    }

    static boolean isBackup(Path path) {
        return NAME.matcher(path.getFileName().toString()).matches();
    }

    private void scheduled() {
        try {
            backupNow();
        } catch (Exception e) {
            log.error("Scheduled backup of the embedded database failed", e);
        }
    }

    /** Takes a backup now and prunes old ones; returns the new backup. */
    synchronized Backup backupNow() throws Exception {
        if (backend == null) {
            throw PlaceraException.conflict("database.backup-unavailable",
                    "The embedded database runs in memory (placera.embedded-db.in-memory): there is no file to back up");
        }
        Files.createDirectories(folder);
        String name = "placera-" + LocalDateTime.ofInstant(clock.instant(), SwedishTime.ZONE).format(STAMP) + ".zip";
        Path target = folder.resolve(name);
        Path tmp = folder.resolve(name + ".tmp");
        backend.paused(() -> {
            try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out)) {
                backend.store().getFileStore().backup(zip);
            }
            return null;
        });
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        log.info("Embedded database backed up to {}", target);
        prune();
        return describe(target);
    }

    /** The backups in the folder, newest first. */
    List<Backup> list() throws IOException {
        return backups().stream().map(EmbeddedBackups::describe).toList();
    }

    private List<Path> backups() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(EmbeddedBackups::isBackup)
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
        }
    }

    private void prune() throws IOException {
        List<Path> all = backups();
        for (Path old : all.subList(Math.min(keep, all.size()), all.size())) {
            Files.deleteIfExists(old);
            log.info("Deleted old backup {}", old);
        }
    }

    private static Backup describe(Path p) {
        try {
            return new Backup(p.toString(), Files.size(p), Files.getLastModifiedTime(p).toInstant());
        } catch (IOException e) {
            return new Backup(p.toString(), -1, null);
        }
    }

    @Override
    public void close() {
        if (schedule != null && !schedule.isShutdown()) {
            schedule.shutdown();
            try {
                schedule.awaitTermination(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
