package se.placera.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import tools.jackson.databind.JsonNode;

import se.placera.security.IdentityTestBase;
import se.placera.shared.SwedishTime;
import se.placera.support.Api;

/**
 * Personal API tokens (OP-1, US-3): created by their user (value shown once, only a keyed hash stored), used as
 * {@code Authorization: Bearer plc_…} with the user's rights at the time of use, stateless, revocable, expiring.
 * The app's clock is replaced by one the test can move (so this class has its own application context).
 */
@Import(ApiTokenIntegrationTests.MovableClockConfiguration.class)
class ApiTokenIntegrationTests extends IdentityTestBase {

    static final String PASSWORD = "Grön-Lykta-Över-Ån-93";

    /** The system clock in Swedish time plus an offset the test moves. */
    static final class MovableClock extends Clock {
        final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

        @Override
        public ZoneId getZone() {
            return SwedishTime.ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset.get());
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class MovableClockConfiguration {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }

        /**
         * Stands in for Keycloak's decoder, so the resource server is on: it accepts the bearer token {@code test-jwt}
         * (a Keycloak user without a Placera account) and refuses every other.
         */
        @Bean
        JwtDecoder jwtDecoder() {
            return token -> {
                if (!"test-jwt".equals(token)) {
                    throw new BadJwtException("not a test token");
                }
                Instant now = Instant.now();
                return Jwt.withTokenValue(token).header("alg", "none").subject("kc-" + token).issuedAt(now)
                        .expiresAt(now.plusSeconds(60)).build();
            };
        }
    }

    @Autowired
    MovableClock clock;

    @Autowired
    MongoTemplate mongo;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void resetClock() {
        clock.offset.set(Duration.ZERO);
    }

    @Test
    void aTokenWorksAsItsUserAndOnlyItsHashIsStored() throws Exception {
        String username = unique("integration");
        activeUser(username, "exempelkommun-sof", Map.of("FOLLOW_UP", "WRITE"), PASSWORD);
        JsonNode created = asUser(username).post("/api/me/tokens",
                Map.of("name", "Verksamhetssystemet", "expiresInDays", 30)).expect(201).json();
        String token = created.get("token").asString();
        assertThat(token).startsWith("plc_").hasSize(4 + 43);
        assertThat(Duration.between(Instant.parse(created.get("createdAt").asString()),
                Instant.parse(created.get("expiresAt").asString()))).isEqualTo(Duration.ofDays(30));

        var me = bearer("GET", "/api/auth/me", token);
        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode user = Api.json(me.body());
        assertThat(user.get("username").asString()).isEqualTo(username);
        assertThat(user.get("loginMethod").asString()).isEqualTo("token");
        // The user's rights apply: no console rights, so the user administration is refused.
        assertThat(bearer("GET", "/api/users", token).statusCode()).isEqualTo(403);

        // Listed without the value; the use is recorded.
        JsonNode list = Api.json(bearer("GET", "/api/me/tokens", token).body());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("name").asString()).isEqualTo("Verksamhetssystemet");
        assertThat(list.get(0).get("lastUsedAt").isNull()).isFalse();
        assertThat(list.toString()).doesNotContain(token).doesNotContain("hash");

        // The raw value appears nowhere in the collection (nor its random part).
        String secretPart = token.substring(4);
        for (Document d : mongo.getCollection("api_tokens").find()) {
            assertThat(d.toJson()).doesNotContain(secretPart);
        }
        assertThat(mongo.getCollection("api_tokens").countDocuments(new Document("_id", created.get("id").asString())))
                .isEqualTo(1);
    }

    @Test
    void aTokenNeverCreatesASessionAndNeedsNoCsrfToken() throws Exception {
        String username = unique("tillstand");
        activeUser(username, "exempelkommun-sof", Map.of("FOLLOW_UP", "WRITE"), PASSWORD);
        String token = create(username, "skript", 7);
        for (String path : new String[] {"/api/auth/me", "/api/me/tokens", "/api/responses"}) {
            var r = bearer("GET", path, token);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().allValues("Set-Cookie")).as(path).isEmpty();
        }
        // A state-changing request without any CSRF token is accepted (here: revoking a token of one's own).
        String other = asUser(username).post("/api/me/tokens", Map.of("name", "annan", "expiresInDays", 1))
                .expect(201).json().get("id").asString();
        var revoke = bearer("DELETE", "/api/me/tokens/" + other, token);
        assertThat(revoke.statusCode()).isEqualTo(204);
        assertThat(revoke.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void aRevokedTokenIsRefused() throws Exception {
        String username = unique("aterkallad");
        activeUser(username, "exempelkommun-sof", Map.of("FOLLOW_UP", "WRITE"), PASSWORD);
        JsonNode created = asUser(username).post("/api/me/tokens", Map.of("name", "gammal", "expiresInDays", 30))
                .expect(201).json();
        String token = created.get("token").asString();
        assertThat(bearer("GET", "/api/auth/me", token).statusCode()).isEqualTo(200);

        asUser(username).delete("/api/me/tokens/" + created.get("id").asString()).expect(204);

        assertInvalid(bearer("GET", "/api/auth/me", token));
        assertThat(asUser(username).get("/api/me/tokens").expect(200).json()).isEmpty();
        // Revoking again: not found.
        assertThat(asUser(username).delete("/api/me/tokens/" + created.get("id").asString()).status()).isEqualTo(404);
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        String username = unique("utgangen");
        activeUser(username, "exempelkommun-sof", Map.of("FOLLOW_UP", "WRITE"), PASSWORD);
        String token = create(username, "kortlivad", 1);
        assertThat(bearer("GET", "/api/auth/me", token).statusCode()).isEqualTo(200);

        clock.offset.set(Duration.ofDays(1).plusMinutes(1));

        assertInvalid(bearer("GET", "/api/auth/me", token));
        assertThat(asUser(username).get("/api/me/tokens").expect(200).json().get(0).get("expired").asBoolean())
                .isTrue();
    }

    @Test
    void aTokenOfADeactivatedUserIsRefused() throws Exception {
        String username = unique("avslutad");
        String id = activeUser(username, "exempelkommun-sof", Map.of("FOLLOW_UP", "WRITE"), PASSWORD);
        String token = create(username, "integration", 30);
        assertThat(bearer("GET", "/api/auth/me", token).statusCode()).isEqualTo(200);

        admin().post("/api/users/" + id + "/deactivate", null).expect(200);

        var refused = bearer("GET", "/api/auth/me", token);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(Api.json(refused.body()).get("code").asString()).isEqualTo("ACCOUNT_INACTIVE");
    }

    @Test
    void aUserCannotRevokeAnothersToken() throws Exception {
        String owner = unique("agare");
        String stranger = unique("framling");
        activeUser(owner, "exempelkommun-sof", Map.of("FOLLOW_UP", "WRITE"), PASSWORD);
        activeUser(stranger, "exempelkommun-sof", Map.of("FOLLOW_UP", "WRITE"), PASSWORD);
        JsonNode created = asUser(owner).post("/api/me/tokens", Map.of("name", "min", "expiresInDays", 30))
                .expect(201).json();
        String id = created.get("id").asString();

        var refused = asUser(stranger).delete("/api/me/tokens/" + id);
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.json().get("code").asString()).isEqualTo("API_TOKEN_NOT_FOUND");
        assertThat(asUser(stranger).get("/api/me/tokens").expect(200).json()).isEmpty();
        assertThat(bearer("GET", "/api/auth/me", created.get("token").asString()).statusCode()).isEqualTo(200);
    }

    @Test
    void anAdministratorListsAndRevokesAUsersTokens() throws Exception {
        String username = unique("administrerad");
        String userId = activeUser(username, "exempelkommun-sof", Map.of("FOLLOW_UP", "WRITE"), PASSWORD);
        JsonNode created = asUser(username).post("/api/me/tokens", Map.of("name", "export", "expiresInDays", 90))
                .expect(201).json();
        JsonNode listed = admin().get("/api/users/" + userId + "/tokens").expect(200).json();
        assertThat(listed).hasSize(1);
        assertThat(listed.toString()).doesNotContain(created.get("token").asString());
        // Only administrators: the user themself may not use the administration endpoints.
        assertThat(asUser(username).get("/api/users/" + userId + "/tokens").status()).isEqualTo(403);
        // A token id under another user is not found.
        assertThat(admin().delete("/api/users/" + userId + "/tokens/finns-inte").status()).isEqualTo(404);

        admin().delete("/api/users/" + userId + "/tokens/" + created.get("id").asString()).expect(204);
        assertInvalid(bearer("GET", "/api/auth/me", created.get("token").asString()));
    }

    @Test
    void requestsAreValidatedAndATokenCannotMakeTokens() throws Exception {
        String username = unique("validering");
        activeUser(username, "exempelkommun-sof", Map.of("FOLLOW_UP", "WRITE"), PASSWORD);
        var tooLong = asUser(username).post("/api/me/tokens", Map.of("name", "x".repeat(101), "expiresInDays", 366));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("code").asString()).isEqualTo("API_TOKEN_INVALID_REQUEST");
        assertThat(tooLong.json().get("errors").toString()).contains("/name").contains("/expiresInDays");
        asUser(username).post("/api/me/tokens", Map.of("name", "x".repeat(100), "expiresInDays", 365)).expect(201);

        String token = create(username, "skript", 30);
        var renewed = bearer("POST", "/api/me/tokens", token, "{\"name\":\"evig\",\"expiresInDays\":365}");
        assertThat(renewed.statusCode()).isEqualTo(403);
        assertThat(Api.json(renewed.body()).get("code").asString()).isEqualTo("API_TOKEN_FROM_TOKEN");
    }

    @Test
    void unknownTokensAreRefusedAndOtherBearerTokensAreNotOurs() throws Exception {
        assertInvalid(bearer("GET", "/api/auth/me", "plc_" + "A".repeat(43)));
        assertInvalid(bearer("GET", "/api/auth/me", "plc_" + "A".repeat(500)));
        // Other bearer tokens are not ours: they go to the (here: stand-in) Keycloak JWT decoder.
        var bad = bearer("GET", "/api/auth/me", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(Api.json(bad.body()).get("code").asString()).isEqualTo("UNAUTHENTICATED");
        var jwt = bearer("GET", "/api/auth/me", "test-jwt");
        assertThat(jwt.statusCode()).isEqualTo(403);
        assertThat(Api.json(jwt.body()).get("code").asString()).isEqualTo("ACCOUNT_NOT_PROVISIONED");
    }

    // ---- helpers ----

    private Api asUser(String username) {
        return Api.at(port).as(username, PASSWORD);
    }

    private String create(String username, String name, int days) {
        return asUser(username).post("/api/me/tokens", Map.of("name", name, "expiresInDays", days)).expect(201)
                .json().get("token").asString();
    }

    private HttpResponse<String> bearer(String method, String path, String token) throws Exception {
        return bearer(method, path, token, null);
    }

    private HttpResponse<String> bearer(String method, String path, String token, String json) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, application/problem+json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertInvalid(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(Api.json(response.body()).get("code").asString()).isEqualTo("API_TOKEN_INVALID");
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }
}
