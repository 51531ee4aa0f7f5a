package se.placera.security;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.placera.support.Api;
import se.placera.support.AppIntegrationTest;
import se.placera.support.Mails;

/**
 * Base of the identity integration tests: the booted app with a real SMTP server (GreenMail) behind the mail
 * outbox. All subclasses share one application context (and GreenMail); each test uses its own user names.
 */
@AppIntegrationTest
public abstract class IdentityTestBase {

    protected static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        MAIL.start();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("placera.notifications.poll-interval", () -> "200ms");
        // Every test client is 127.0.0.1: throttle by user name only here (LoginAttemptsTests covers clients), and
        // with a first delay long enough that a slow machine cannot outrun it between two requests.
        registry.add("placera.security.login-throttle.client-free-failures", () -> "100000");
        registry.add("placera.security.login-throttle.first-delay", () -> "1m");
    }

    @LocalServerPort
    protected int port;

    protected Api admin() {
        return Api.at(port).asAdmin();
    }

    protected Browser browser() {
        return new Browser(port);
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Waits for a mail to {@code to} whose subject contains {@code subject}; returns its text. */
    protected static String awaitMail(String to, String subject) {
        return Mails.await(MAIL, to, subject);
    }

    protected static String tokenIn(String mailBody, String path) {
        return Mails.tokenIn(mailBody, path);
    }

    /** A new user of the given administration and permissions, invited; returns its id. */
    protected String createUser(String username, String administration, Map<String, String> permissions) {
        return admin().post("/api/users", Map.of("username", username, "firstName", "Test", "lastName", "Person",
                "email", username + "@exempelkommun.se", "jobRole", "Socialsekreterare",
                "administrations", List.of(administration), "permissions", permissions)).expect(201)
                .json().get("id").asString();
    }

    /** Creates, invites and activates a user with {@code password}; returns its id. */
    protected String activeUser(String username, String administration, Map<String, String> permissions,
            String password) {
        String id = createUser(username, administration, permissions);
        String token = tokenIn(awaitMail(username + "@exempelkommun.se", "Välkommen"), "/activate");
        Api.at(port).post("/api/auth/activate", Map.of("token", token, "password", password)).expect(204);
        return id;
    }
}
