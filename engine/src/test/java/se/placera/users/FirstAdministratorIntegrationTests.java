package se.placera.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.placera.support.Api;

/**
 * Item 13 of issue #11: without sample data no demo user with a known password exists; the first start logs a
 * one-time link whose token creates exactly one (system) administrator. Its own application context: a fresh
 * database without the demo users the other tests seed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"placera.embedded-db.in-memory=true", "placera.samples.enabled=false"})
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorIntegrationTests {

    static final String PASSWORD = "Blå-Cykel-Vid-Sjön-42";

    @LocalServerPort
    int port;

    @Test
    void withoutSampleDataThereAreNoDemoUsersAndTheLoggedLinkCreatesOneAdministrator(CapturedOutput output) {
        // No demo users: their known password signs nobody in.
        for (String demo : new String[] {"admin", "handlaggare", "leverantor"}) {
            assertThat(Api.at(port).as(demo, "placera-demo").get("/api/auth/me").status()).isEqualTo(401);
        }

        // The start logged a one-time link (the context starts after the capture began, in this class only).
        Matcher m = Pattern.compile("/admin/first-admin\\?token=([A-Za-z0-9_-]+)").matcher(output.getAll());
        assertThat(m.find()).as("the first-administrator link in the log").isTrue();
        String token = m.group(1);

        var weak = Api.at(port).post("/api/setup/first-admin", Map.of("token", token, "username", "forsta",
                "email", "forsta@placera.example", "password", "kort"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().get("code").asString()).isEqualTo("PASSWORD_POLICY");

        Api.at(port).post("/api/setup/first-admin", Map.of("token", token, "username", "forsta",
                "email", "forsta@placera.example", "password", PASSWORD)).expect(201);
        var me = Api.at(port).as("forsta", PASSWORD).get("/api/auth/me").expect(200).json();
        assertThat(me.get("roles").toString()).contains("SYSTEM").contains("ADMIN");
        assertThat(Api.at(port).as("forsta", PASSWORD).get("/api/users").expect(200).json().size()).isEqualTo(1);

        // Single use.
        var again = Api.at(port).post("/api/setup/first-admin", Map.of("token", token, "username", "andra",
                "email", "andra@placera.example", "password", PASSWORD));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("code").asString()).isEqualTo("TOKEN_INVALID");
        assertThat(Api.at(port).as("forsta", PASSWORD).get("/api/users").expect(200).json().size()).isEqualTo(1);
    }
}
