package se.placera.samples.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

import se.placera.metadata.Metadata;
import se.placera.providers.Register;
import se.placera.security.UserDirectory;

/**
 * Issue #18, item 5: readiness waits for what a request needs (the metadata library imported, the accounts there)
 * and for nothing else; the sample municipality is loaded after it, in the background, and {@code /actuator/info}
 * says when it is there. What held at the moment readiness was reported is recorded by a listener.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"placera.embedded-db.in-memory=true", "placera.metadata.fail-on-invalid=true",
                "placera.attachments.spool-dir=target/spool", "placera.signing.local.directory=target/signing",
                "placera.samples.enabled=true", "placera.samples.scale=0.1"})
class SampleStartupIntegrationTests {

    /** What was true when the app said it accepts traffic. */
    static final Map<String, Object> AT_READINESS = new ConcurrentHashMap<>();

    @TestConfiguration
    static class AtReadiness {

        @Bean
        ApplicationListener<AvailabilityChangeEvent<ReadinessState>> recordAtReadiness(Metadata metadata,
                UserDirectory users, SampleStartup samples) {
            return event -> {
                if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC && AT_READINESS.isEmpty()) {
                    AT_READINESS.put("method", metadata.latestPublished("method", "barn-unga-hvb-uppfoljning")
                            .isPresent());
                    AT_READINESS.put("agreementTemplates", metadata.list("agreement-template").size());
                    AT_READINESS.put("demoUser", users.byUsername("handlaggare").isPresent());
                    AT_READINESS.put("samples", samples.state());
                }
            };
        }
    }

    @Autowired
    SampleStartup samples;

    @Autowired
    Register register;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    void readinessWaitsForTheLibraryAndTheAccountsButNotForSampleData() throws Exception {
        assertThat(AT_READINESS.get("method")).as("the standard method imported before readiness").isEqualTo(true);
        assertThat((Integer) AT_READINESS.get("agreementTemplates")).isPositive();
        assertThat(AT_READINESS.get("demoUser")).as("the demo accounts exist before readiness").isEqualTo(true);
        assertThat(AT_READINESS.get("samples")).as("sample data is loaded after readiness")
                .isIn(SampleStartup.State.LOADING);

        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (samples.state() == SampleStartup.State.LOADING && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(samples.state()).isEqualTo(SampleStartup.State.LOADED);
        assertThat(register.units()).isNotEmpty();
        var info = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/actuator/info")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(info.body()).contains("\"samples\":\"loaded\"");
    }
}
