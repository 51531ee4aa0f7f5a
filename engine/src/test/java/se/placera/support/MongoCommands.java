package se.placera.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonDocument;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the commands the app sends to the database (issue #18, item 3: round trips per request), as a driver
 * {@link CommandListener}: a test starts recording, makes its request and reads what was sent.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MongoCommands {

    /** One command sent: its name ({@code find}, {@code update}, {@code insert}…), collection and the command. */
    public record Command(String name, String collection, BsonDocument command) {
    }

    /** What the listener records while a test wants it. */
    public static final class Recorder implements CommandListener {

        private final ConcurrentLinkedQueue<Command> seen = new ConcurrentLinkedQueue<>();
        private volatile boolean on;

        @Override
        public void commandStarted(CommandStartedEvent event) {
            if (on) {
                BsonDocument c = event.getCommand();
                String name = event.getCommandName();
                String collection = c.isString(name) ? c.getString(name).getValue() : null;
                seen.add(new Command(name, collection, c.clone()));
            }
        }

        public void start() {
            seen.clear();
            on = true;
        }

        public List<Command> stop() {
            on = false;
            return new ArrayList<>(seen);
        }
    }

    @Bean
    Recorder mongoCommandRecorder() {
        return new Recorder();
    }

    @Bean
    MongoClientSettingsBuilderCustomizer mongoCommandListener(Recorder recorder) {
        return settings -> settings.addCommandListener(recorder);
    }
}
