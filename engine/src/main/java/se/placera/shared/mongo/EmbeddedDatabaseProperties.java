package se.placera.shared.mongo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded database, used when no {@code spring.mongodb.uri} is configured.
 *
 * @param dataDir  folder of the H2 MVStore file ({@code placera.mv}); default {@code ./data}
 * @param inMemory keep nothing on disk (tests that need no restart)
 */
@ConfigurationProperties("placera.embedded-db")
record EmbeddedDatabaseProperties(@DefaultValue("./data") String dataDir, @DefaultValue("false") boolean inMemory) {
}
