package se.placera;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import se.placera.support.Api;
import se.placera.support.AppIntegrationTest;

/** Operations: health, readiness, the API description, and how unauthenticated calls are answered. */
@AppIntegrationTest
class ApplicationIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void healthAndReadinessAreUpWithoutSigningIn() {
        assertThat(Api.at(port).get("/actuator/health").expect(200).json().get("status").asString()).isEqualTo("UP");
        assertThat(Api.at(port).get("/actuator/health/readiness").expect(200).json().get("status").asString())
                .isEqualTo("UP");
        assertThat(Api.at(port).get("/actuator/health/liveness").expect(200).json().get("status").asString())
                .isEqualTo("UP");
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpoint() {
        JsonNode doc = Api.at(port).get("/v3/api-docs").expect(200).json();
        assertThat(doc.get("openapi").asString()).startsWith("3.");
        JsonNode paths = doc.get("paths");
        assertThat(paths.has("/api/metadata/{kind}")).isTrue();
        assertThat(paths.has("/api/metadata/{kind}/{id}/versions/{version}/publish")).isTrue();
        assertThat(paths.has("/api/metadata/bundle")).isTrue();
        assertThat(paths.has("/api/responses")).isTrue();
        assertThat(paths.has("/api/responses/{id}/answers")).isTrue();
        assertThat(paths.has("/api/responses/{id}/submit")).isTrue();
        assertThat(paths.has("/api/autoanswer-presets/{username}/{methodId}")).isTrue();
    }

    @Test
    void anUnauthenticatedCallIsRefused() {
        Api.at(port).get("/api/responses").expect(401);
        Api.at(port).as("handlaggare", "fel-losenord").get("/api/responses").expect(401);
    }

    @Test
    void springsOwnErrorsAreProblemDetailsWithACode() {
        Api admin = Api.at(port).asAdmin();
        JsonNode notAllowed = admin.send("DELETE", "/api/metadata/methods", null).expect(405).json();
        assertThat(notAllowed.get("code").asString()).isEqualTo("HTTP_METHOD_NOT_ALLOWED");
        JsonNode badVersion = admin.get("/api/metadata/methods/x/versions/ett").expect(400).json();
        assertThat(badVersion.get("code").asString()).isEqualTo("HTTP_BAD_REQUEST");
    }
}
