package se.placera.shared.mongo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.mongodb.uri}, Placera runs on an in-process MongoDB-compatible server
 * (mongo-java-server) whose H2 MVStore file lives in {@code placera.embedded-db.data-dir}. With a URI set,
 * Spring Boot connects to that real MongoDB instead and this configuration stays out of the way.
 *
 * <p>On disk, a write is answered only once it is committed and synced ({@link DurableH2Backend}); the file is
 * checked before it is opened for writing and the app refuses to start on a damaged one
 * ({@link EmbeddedDataFile}); backups run on a schedule and on demand ({@link EmbeddedBackups}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.mongodb.uri:}'.isEmpty()")
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedMongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

    @Bean(destroyMethod = "close")
    H2Backend embeddedMongoBackend(EmbeddedDatabaseProperties props, Clock clock) throws IOException {
        if (props.inMemory()) {
            log.info("Embedded database: in memory (nothing is kept after shutdown)");
            return H2Backend.inMemory();
        }
        Path file = props.dataFile();
        Files.createDirectories(file.getParent());
        EmbeddedDataFile dataFile = new EmbeddedDataFile(file, props.backupFolder(), clock);
        if (props.restoreFrom() != null && !props.restoreFrom().isBlank()) {
            dataFile.restoreFrom(Path.of(props.restoreFrom()).toAbsolutePath().normalize());
        }
        long started = System.nanoTime();
        dataFile.check();
        long checked = System.nanoTime();
        MVStore store = MVStore.open(file.toString());
        DurableH2Backend backend = new DurableH2Backend(store, props.syncWrites());
        dataFile.markCommitted(store.getCurrentVersion(), true);
        backend.afterCommit(version -> dataFile.markCommitted(version, false));
        log.info("Embedded database: {} (checked in {} ms, opened in {} ms; writes {})", file,
                (checked - started) / 1_000_000, (System.nanoTime() - checked) / 1_000_000,
                props.syncWrites() ? "committed and synced before they are answered" : "committed before they are answered");
        return backend;
    }

    @Bean(destroyMethod = "shutdown")
    MongoServer embeddedMongoServer(H2Backend backend, EmbeddedDatabaseProperties props) throws IOException {
        MongoServer server = new MongoServer(backend);
        if (props.exposePort() == null) {
            server.bind("127.0.0.1", 0);
        } else {
            InetAddress address = InetAddress.getByName(props.exposeAddress());
            if (!address.isLoopbackAddress() && !props.exposeAllowRemote()) {
                throw new IllegalStateException("placera.embedded-db.expose-address=" + props.exposeAddress()
                        + " is not a loopback address. The embedded database has no authentication: anyone who reaches "
                        + "the port can read and change all data. Expose it on 127.0.0.1 (and tunnel), use a real "
                        + "MongoDB with authentication, or set placera.embedded-db.expose-allow-remote=true on a "
                        + "network you control (docs/security.md).");
            }
            server.bind(new InetSocketAddress(address, props.exposePort()));
            log.warn("Embedded database served on {}:{} without authentication", props.exposeAddress(),
                    props.exposePort());
        }
        return server;
    }

    /** Once the app is ready, every write is synced before it is answered (start-up's writes are synced here). */
    @Bean
    org.springframework.context.ApplicationListener<org.springframework.boot.context.event.ApplicationReadyEvent> embeddedDatabaseSyncOnReady(
            H2Backend backend) {
        return event -> {
            if (backend instanceof DurableH2Backend durable) {
                try {
                    durable.startSyncing();
                } catch (Exception e) {
                    throw new IllegalStateException("Could not sync the embedded database", e);
                }
            }
        };
    }

    @Bean(destroyMethod = "close")
    EmbeddedBackups embeddedBackups(H2Backend backend, EmbeddedDatabaseProperties props, Clock clock) {
        if (!(backend instanceof DurableH2Backend durable)) {
            return new EmbeddedBackups(null, props.backupFolder(), props.backup().keep(), Duration.ZERO, clock);
        }
        return new EmbeddedBackups(durable, props.backupFolder(), props.backup().keep(), props.backup().interval(),
                clock);
    }

    @Bean
    EmbeddedBackupController embeddedBackupController(EmbeddedBackups backups, ApplicationEventPublisher events) {
        return new EmbeddedBackupController(backups, events);
    }

    /**
     * Replaces Boot's MongoDB health check, whose {@code hello} command mongo-java-server does not know:
     * the embedded server is healthy when it answers a {@code ping}.
     */
    @Bean
    HealthIndicator mongoHealthIndicator(MongoClient client,
            @org.springframework.beans.factory.annotation.Value("${spring.mongodb.database:placera}") String database) {
        return () -> {
            try {
                client.getDatabase(database).runCommand(new Document("ping", 1));
                return Health.up().withDetail("server", "embedded").build();
            } catch (RuntimeException e) {
                return Health.down(e).withDetail("server", "embedded").build();
            }
        };
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer server,
            @org.springframework.beans.factory.annotation.Value("${spring.mongodb.database:placera}") String database) {
        InetSocketAddress address = server.getLocalAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getHostString();
        var connectionString = new ConnectionString(
                "mongodb://" + host + ":" + address.getPort() + "/" + database);
        return () -> connectionString;
    }
}
