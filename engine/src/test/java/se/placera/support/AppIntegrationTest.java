package se.placera.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The booted app on a random port with the embedded database in memory. All classes with this annotation
 * share one application context (and database), so each test uses its own ids. The demo users of application.yml
 * are seeded by {@link DemoUsers} (the app itself seeds them only with sample data).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"placera.embedded-db.in-memory=true", "placera.metadata.fail-on-invalid=true",
                "placera.attachments.spool-dir=target/spool",
                "placera.signing.local.directory=target/signing"})
@Import({DemoUsers.class, MongoCommands.class})
public @interface AppIntegrationTest {
}
