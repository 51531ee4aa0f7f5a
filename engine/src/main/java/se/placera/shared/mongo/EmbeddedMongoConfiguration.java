package se.placera.shared.mongo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.mongodb.uri}, Placera runs on an in-process MongoDB-compatible server
 * (mongo-java-server) whose H2 MVStore file lives in {@code placera.embedded-db.data-dir}. With a URI set,
 * Spring Boot connects to that real MongoDB instead and this configuration stays out of the way.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.mongodb.uri:}'.isEmpty()")
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedMongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

    @Bean(destroyMethod = "shutdown")
    MongoServer embeddedMongoServer(EmbeddedDatabaseProperties props) throws IOException {
        H2Backend backend;
        if (props.inMemory()) {
            backend = H2Backend.inMemory();
            log.info("Embedded database: in memory (nothing is kept after shutdown)");
        } else {
            Path dir = Path.of(props.dataDir()).toAbsolutePath().normalize();
            Files.createDirectories(dir);
            Path file = dir.resolve("placera.mv");
            backend = new H2Backend(file.toString());
            log.info("Embedded database: {}", file);
        }
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        return server;
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
        var connectionString = new ConnectionString(
                "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database);
        return () -> connectionString;
    }
}
