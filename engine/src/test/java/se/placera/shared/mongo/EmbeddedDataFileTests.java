package se.placera.shared.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.placera.shared.SwedishTime;

/**
 * The embedded database file: damage is detected before the file is opened for writing (and the file is left
 * byte for byte as it was), backups are taken online and restore puts them back, the schedule keeps N.
 */
class EmbeddedDataFileTests {

    static final Clock CLOCK = Clock.system(SwedishTime.ZONE);

    @TempDir
    Path dir;

    /** A running embedded server on {@code file}, as the app opens it (check, mark, durable backend). */
    record Db(MongoServer server, MongoClient client, DurableH2Backend backend, EmbeddedDataFile file)
            implements AutoCloseable {

        static Db open(Path file, Path backups) {
            EmbeddedDataFile dataFile = new EmbeddedDataFile(file, backups, CLOCK);
            dataFile.check();
            MVStore store = MVStore.open(file.toString());
            DurableH2Backend backend = new DurableH2Backend(store, true);
            dataFile.markCommitted(store.getCurrentVersion(), true);
            backend.afterCommit(v -> dataFile.markCommitted(v, true));
            MongoServer server = new MongoServer(backend);
            server.bind("127.0.0.1", 0);
            var a = server.getLocalAddress();
            MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + a.getPort());
            return new Db(server, client, backend, dataFile);
        }

        com.mongodb.client.MongoCollection<Document> responses() {
            return client.getDatabase("placera").getCollection("responses");
        }

        @Override
        public void close() {
            client.close();
            server.shutdown();
        }
    }

    Path file() {
        return dir.resolve("data").resolve("placera.mv");
    }

    Path backups() {
        return dir.resolve("backups");
    }

    void writeData(int documents) throws Exception {
        Files.createDirectories(file().getParent());
        try (Db db = Db.open(file(), backups())) {
            for (int i = 0; i < documents; i++) {
                db.responses().insertOne(new Document("_id", "r-" + i).append("text", "x".repeat(2000)));
            }
        }
    }

    static String sha(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void aHalfTruncatedFileIsRefusedAndLeftAsItIs() throws Exception {
        writeData(300);
        long size = Files.size(file());
        try (FileChannel ch = FileChannel.open(file(), StandardOpenOption.WRITE)) {
            ch.truncate(size / 2);
        }
        String before = sha(file());

        assertThatThrownBy(() -> Db.open(file(), backups())).isInstanceOf(DamagedDataFileException.class)
                .hasMessageContaining(file().toString()).hasMessageContaining("newest part is missing")
                .hasMessageContaining("restore-from");
        assertThat(sha(file())).isEqualTo(before);
    }

    @Test
    void anEmptyFileIsRefusedAndLeftAsItIs() throws Exception {
        writeData(10);
        Files.write(file(), new byte[0]);

        assertThatThrownBy(() -> Db.open(file(), backups())).isInstanceOf(DamagedDataFileException.class)
                .hasMessageContaining("the file is empty");
        assertThat(Files.size(file())).isZero();
    }

    @Test
    void aMissingFileWhoseDataHadBeenWrittenIsRefused() throws Exception {
        writeData(10);
        Files.delete(file());

        assertThatThrownBy(() -> Db.open(file(), backups())).isInstanceOf(DamagedDataFileException.class)
                .hasMessageContaining("the file is missing");
        assertThat(file()).doesNotExist();
    }

    @Test
    void aFileOverwrittenWithGarbageIsRefused() throws Exception {
        writeData(50);
        byte[] junk = new byte[(int) Files.size(file())];
        java.util.Arrays.fill(junk, (byte) 0x5A);
        Files.write(file(), junk);
        String before = sha(file());

        assertThatThrownBy(() -> Db.open(file(), backups())).isInstanceOf(DamagedDataFileException.class)
                .hasMessageContaining("not a readable database file");
        assertThat(sha(file())).isEqualTo(before);
    }

    @Test
    void aNewFolderAndAnIntactFileOpen() throws Exception {
        writeData(20);
        try (Db db = Db.open(file(), backups())) {
            assertThat(db.responses().countDocuments()).isEqualTo(20);
        }
    }

    @Test
    void anOnlineBackupRestoresAfterDamageAndTheDamagedFileIsKeptAside() throws Exception {
        Files.createDirectories(file().getParent());
        EmbeddedBackups.Backup backup;
        try (Db db = Db.open(file(), backups())) {
            for (int i = 0; i < 100; i++) {
                db.responses().insertOne(new Document("_id", "r-" + i).append("n", i));
            }
            try (EmbeddedBackups backups = new EmbeddedBackups(db.backend(), backups(), 3, Duration.ZERO, CLOCK)) {
                backup = backups.backupNow();
            }
            db.responses().insertOne(new Document("_id", "after-backup"));
        }
        Files.write(file(), new byte[0]);
        assertThatThrownBy(() -> Db.open(file(), backups())).isInstanceOf(DamagedDataFileException.class)
                .hasMessageContaining("The latest backup is " + backup.file());

        new EmbeddedDataFile(file(), backups(), CLOCK).restoreFrom(Path.of(backup.file()));
        try (Db db = Db.open(file(), backups())) {
            assertThat(db.responses().countDocuments()).isEqualTo(100);
            assertThat(db.responses().find(new Document("_id", "r-99")).first()).isNotNull();
        }
        try (var aside = Files.list(file().getParent())) {
            assertThat(aside.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("placera.mv.replaced-"));
        }
        // Left on the command line by mistake, the same restore is not repeated at the next start.
        try (Db db = Db.open(file(), backups())) {
            db.responses().insertOne(new Document("_id", "after-restore"));
        }
        new EmbeddedDataFile(file(), backups(), CLOCK).restoreFrom(Path.of(backup.file()));
        try (Db db = Db.open(file(), backups())) {
            assertThat(db.responses().countDocuments()).isEqualTo(101);
        }
    }

    @Test
    void restoreRefusesAFileThatARunningAppHasOpen() throws Exception {
        Files.createDirectories(file().getParent());
        try (Db db = Db.open(file(), backups())) {
            db.responses().insertOne(new Document("_id", "x"));
            EmbeddedBackups.Backup backup;
            try (EmbeddedBackups backups = new EmbeddedBackups(db.backend(), backups(), 3, Duration.ZERO, CLOCK)) {
                backup = backups.backupNow();
            }
            assertThatThrownBy(() -> new EmbeddedDataFile(file(), backups(), CLOCK).restoreFrom(Path.of(backup.file())))
                    .hasMessageContaining("in use");
            assertThat(db.responses().countDocuments()).isEqualTo(1);
        }
    }

    @Test
    void scheduledBackupsKeepTheNewestN() throws Exception {
        Files.createDirectories(file().getParent());
        try (Db db = Db.open(file(), backups());
                EmbeddedBackups backups = new EmbeddedBackups(db.backend(), backups(), 2, Duration.ofMillis(30), CLOCK)) {
            db.responses().insertOne(new Document("_id", "x"));
            java.util.Set<String> seen = new java.util.HashSet<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (seen.size() < 4 && System.nanoTime() < deadline) {
                backups.list().forEach(b -> seen.add(b.file()));
                TimeUnit.MILLISECONDS.sleep(5); // polling the schedule's progress
            }
            assertThat(seen).hasSizeGreaterThanOrEqualTo(4);
            backups.close(); // lets a backup under way finish its pruning
            List<EmbeddedBackups.Backup> kept = backups.list();
            assertThat(kept).hasSize(2);
        }
    }
}
