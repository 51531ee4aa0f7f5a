package se.placera.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import se.placera.support.Api;

/** No password and no personal identity number reaches the logs, whatever the request. */
@ExtendWith(OutputCaptureExtension.class)
class SensitiveLoggingIntegrationTests extends IdentityTestBase {

    @Test
    void passwordsAndPersonalIdentityNumbersStayOutOfTheLogs(CapturedOutput output) {
        String pin = "19121212-1212";
        String secret = "Hemligt-Losen-" + unique("x");
        browser().post("/api/auth/login", Map.of("username", pin, "password", secret));
        browser().post("/api/auth/login", Map.of("username", "handlaggare", "password", secret));
        Api.at(port).as(pin, secret).get("/api/auth/me");
        Api.at(port).post("/api/auth/activate", Map.of("token", pin, "password", secret));
        String methodId = unique("pnr-metod");
        IdentityFixtures.publish(admin(), methodId);
        var r = IdentityFixtures.start(Api.at(port).asCaseworker(), methodId, unique("klient"));
        Api.at(port).asCaseworker().patch("/api/responses/" + r.get("responseId").asString() + "/answers",
                Map.of("answers", Map.of("notering", "Personnummer " + pin), "revision", r.get("revision").asLong()))
                .expect(200);
        Api.at(port).asCaseworker().post("/api/users", "{\"username\": \"" + pin + "\", broken json " + secret);

        assertThat(output.getAll()).doesNotContain(secret).doesNotContain(pin).doesNotContain("191212121212");
    }
}
