package se.placera.shared.mongo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.placera.shared.SwedishTime;

/**
 * The embedded database's file {@code placera.mv}: checked before it is opened for writing, restored from a backup
 * on request, and accompanied by a high-water mark {@code placera.mv.committed} holding the newest store version
 * known to be on disk. MVStore opens a truncated file silently at an older version (or empty); the mark turns that
 * into a refusal to start instead of a database that quietly lost its latest data and then overwrites the rest.
 */
final class EmbeddedDataFile {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDataFile.class);
    static final String MARK_SUFFIX = ".committed";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path file;
    private final Path mark;
    private final Path backups;
    private volatile long lastMarkWrite;
    private final Clock clock;

    EmbeddedDataFile(Path file, Path backups, Clock clock) {
        this.clock = clock;
        this.file = file;
        this.mark = file.resolveSibling(file.getFileName() + MARK_SUFFIX);
        this.backups = backups;
    }

    Path file() {
        return file;
    }

    /**
     * Puts a backup in place of the data file. Refuses if the data file is in use (locked by a running app); the
     * replaced file is kept aside, never deleted.
     */
    void restoreFrom(Path backup) throws IOException {
        Path restoredMark = file.resolveSibling(file.getFileName() + ".restored-from");
        String identity = backup + " " + (Files.exists(backup) ? Files.size(backup) + " " + Files.getLastModifiedTime(backup) : "");
        if (Files.exists(restoredMark) && Files.readString(restoredMark).equals(identity)) {
            log.warn("Not restoring {} again: it was restored before (remove placera.embedded-db.restore-from)", backup);
            return;
        }
        if (!Files.isRegularFile(backup)) {
            throw new DamagedDataFileException(file, "the backup to restore, " + backup + ", does not exist", latestBackup());
        }
        Files.createDirectories(file.getParent());
        Path restored = file.resolveSibling(file.getFileName() + ".restoring");
        try (InputStream in = Files.newInputStream(backup)) {
            if (backup.getFileName().toString().endsWith(".zip")) {
                try (ZipInputStream zip = new ZipInputStream(in)) {
                    ZipEntry entry = zip.getNextEntry();
                    if (entry == null) {
                        throw new DamagedDataFileException(file, "the backup " + backup + " is an empty zip file", latestBackup());
                    }
                    Files.copy(zip, restored, StandardCopyOption.REPLACE_EXISTING);
                }
            } else {
                Files.copy(in, restored, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        String problem = problemWith(restored, -1);
        if (problem != null) {
            Files.deleteIfExists(restored);
            throw new DamagedDataFileException(file, "the backup " + backup + " is not usable: " + problem, latestBackup());
        }
        if (Files.exists(file)) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
                    FileLock lock = channel.tryLock()) {
                if (lock == null) {
                    throw new IllegalStateException("Cannot restore: " + file + " is in use by a running app; stop it first");
                }
            } catch (OverlappingFileLockException e) {
                throw new IllegalStateException("Cannot restore: " + file + " is in use by this app", e);
            }
            Path aside = file.resolveSibling(file.getFileName() + ".replaced-" + LocalDateTime.ofInstant(clock.instant(), SwedishTime.ZONE).format(STAMP));
            Files.move(file, aside);
            log.warn("Restore: the data file was moved aside to {}", aside);
        }
        Files.move(restored, file, StandardCopyOption.ATOMIC_MOVE);
        Files.deleteIfExists(mark);
        Files.writeString(restoredMark, identity);
        log.warn("Restored {} from backup {}", file, backup);
    }

    /** Throws {@link DamagedDataFileException} if the file exists but cannot be used as it is; writes nothing. */
    void check() {
        long committed = committedVersion();
        if (!Files.exists(file)) {
            if (committed > 0) {
                throw new DamagedDataFileException(file, "the file is missing, but " + mark.getFileName()
                        + " says version " + committed + " of it had been written", latestBackup());
            }
            return;
        }
        String problem = problemWith(file, committed);
        if (problem != null) {
            throw new DamagedDataFileException(file, problem, latestBackup());
        }
    }

    /** What is wrong with a store file, or null when it opens and reads to the end at {@code minVersion} or later. */
    static String problemWith(Path file, long minVersion) {
        try {
            if (Files.size(file) == 0) {
                return "the file is empty (0 bytes)";
            }
        } catch (IOException e) {
            return "the file cannot be read: " + e.getMessage();
        }
        MVStore store;
        try {
            store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        } catch (RuntimeException e) {
            if (String.valueOf(e.getMessage()).contains("locked")) {
                throw new IllegalStateException("The embedded database file " + file
                        + " is in use by another process (another Placera instance?)", e);
            }
            return "the file is not a readable database file (" + e.getMessage() + ")";
        }
        try {
            long version = store.getCurrentVersion();
            if (version < minVersion) {
                return "the file opens at version " + version + ", but version " + minVersion
                        + " had been written to disk: its newest part is missing (truncated or overwritten)";
            }
            for (String name : store.getMapNames()) {
                MVMap<Object, ?> map = BsonH2Database.isDataMap(name)
                        ? store.openMap(name, BsonH2Database.dataMap()) : store.openMap(name);
                Iterator<Object> keys = map.keyIterator(null);
                while (keys.hasNext()) {
                    map.get(keys.next());
                }
            }
            return null;
        } catch (RuntimeException e) {
            return "the file's contents cannot be read (" + e + ")";
        } finally {
            store.closeImmediately();
        }
    }

    /** The newest version known to be on disk, or -1 without a mark. */
    long committedVersion() {
        try {
            return Long.parseLong(Files.readString(mark, StandardCharsets.US_ASCII).trim());
        } catch (NoSuchFileException e) {
            return -1;
        } catch (IOException | NumberFormatException e) {
            log.warn("Ignoring unreadable {}: {}", mark, e.toString());
            return -1;
        }
    }

    /** Records that {@code version} is on disk; at most once a second unless {@code now}. */
    void markCommitted(long version, boolean now) {
        long t = System.nanoTime();
        if (!now && t - lastMarkWrite < 1_000_000_000L) {
            return;
        }
        lastMarkWrite = t;
        try {
            Path tmp = mark.resolveSibling(mark.getFileName() + ".tmp");
            Files.writeString(tmp, Long.toString(version), StandardCharsets.US_ASCII);
            Files.move(tmp, mark, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("Could not write {}: {}", mark, e.toString());
        }
    }

    /** The newest backup in the backup folder, if any. */
    Optional<Path> latestBackup() {
        if (!Files.isDirectory(backups)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(backups)) {
            return files.filter(EmbeddedBackups::isBackup).max(Comparator.comparing(p -> p.getFileName().toString()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
