package se.placera.shared.mongo;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded database, used when no {@code spring.mongodb.uri} is configured.
 *
 * @param dataDir           folder of the H2 MVStore file ({@code placera.mv}); default {@code ./data}
 * @param inMemory          keep nothing on disk (tests that need no restart)
 * @param syncWrites        answer a write only after the file is committed and synced to disk (default true);
 *                          false still commits before answering but leaves flushing to the operating system
 * @param backup            online backups of the data file
 * @param restoreFrom       a backup file ({@code .zip}) to put in place of the data file before starting; the
 *                          file it replaces is kept aside as {@code placera.mv.replaced-<time>}
 * @param exposePort        also serve the embedded database on this TCP port (for a second instance or tools);
 *                          unset: only an ephemeral loopback port for the app itself
 * @param exposeAddress     the address to serve it on; default {@code 127.0.0.1}
 * @param exposeAllowRemote allow a non-loopback {@link #exposeAddress()}: the embedded server has no
 *                          authentication, so anyone who reaches the port can read and change all data
 */
@ConfigurationProperties("placera.embedded-db")
record EmbeddedDatabaseProperties(@DefaultValue("./data") String dataDir, @DefaultValue("false") boolean inMemory,
        @DefaultValue("true") boolean syncWrites, @DefaultValue Backup backup, String restoreFrom, Integer exposePort,
        @DefaultValue("127.0.0.1") String exposeAddress, @DefaultValue("false") boolean exposeAllowRemote) {

    /**
     * Online backups.
     *
     * @param folder   where backups go; default {@code <data-dir>/backups}
     * @param interval time between scheduled backups, the first one a minute after start; {@code 0} turns the
     *                 schedule off (default 24h)
     * @param keep     how many backups to keep; older ones are deleted after each backup (default 7)
     */
    record Backup(String folder, @DefaultValue("24h") Duration interval, @DefaultValue("7") int keep) {
    }

    Path dataFile() {
        return Path.of(dataDir).toAbsolutePath().normalize().resolve("placera.mv");
    }

    Path backupFolder() {
        return backup.folder() == null || backup.folder().isBlank()
                ? Path.of(dataDir).toAbsolutePath().normalize().resolve("backups")
                : Path.of(backup.folder()).toAbsolutePath().normalize();
    }
}
