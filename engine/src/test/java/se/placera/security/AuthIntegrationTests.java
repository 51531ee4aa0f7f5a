package se.placera.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import se.placera.support.Api;

/** The browser's session login contract, CSRF, session fixation, lockout, and HTTP Basic for API clients. */
class AuthIntegrationTests extends IdentityTestBase {

    @Test
    void loginReturnsTheUserAndASessionThatMeRecognises() {
        Browser b = browser();
        var me = b.login("handlaggare", "placera-demo").json();
        assertThat(me.get("username").asString()).isEqualTo("handlaggare");
        assertThat(me.get("firstName").asString()).isEqualTo("Hugo");
        assertThat(me.get("municipality").asString()).isEqualTo("Exempelkommun");
        assertThat(me.get("administrations").get(0).get("name").asString()).isEqualTo("Socialförvaltningen");
        assertThat(me.get("permissions").get("FOLLOW_UP").asString()).isEqualTo("WRITE");
        assertThat(me.get("permissions").get("REPORTS").asString()).isEqualTo("READ");
        assertThat(me.get("roles").toString()).contains("CASEWORKER").doesNotContain("ADMIN");
        assertThat(b.cookie("JSESSIONID")).isPresent();
        assertThat(b.cookie("XSRF-TOKEN")).isPresent();

        var again = b.get("/api/auth/me").expect(200).json();
        assertThat(again.get("username").asString()).isEqualTo("handlaggare");
        assertThat(again.get("loginMethod").asString()).isEqualTo("local");
    }

    @Test
    void signedOutMeIs401ProblemWithoutBasicChallenge() {
        var x = browser().exchange("GET", "/api/auth/me", null);
        assertThat(x.response().status()).isEqualTo(401);
        assertThat(x.response().contentType()).startsWith("application/problem+json");
        assertThat(x.response().json().get("code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(x.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(x.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void wrongPasswordIs401LoginFailed() {
        var r = browser().post("/api/auth/login", Map.of("username", unique("nobody"), "password", "wrong"));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("code").asString()).isEqualTo("LOGIN_FAILED");
    }

    @Test
    void sessionIdChangesOnLoginAndTheOldIdIsWorthless() {
        Browser b = browser();
        b.login("handlaggare", "placera-demo");
        String first = b.cookie("JSESSIONID").orElseThrow();
        b.login("handlaggare", "placera-demo");
        String second = b.cookie("JSESSIONID").orElseThrow();
        assertThat(second).isNotEqualTo(first);
        b.get("/api/auth/me").expect(200);

        // An attacker who planted or learnt the first id gets nothing from it.
        Browser attacker = browser();
        attacker.setSessionCookie(first);
        attacker.get("/api/auth/me").expect(401);
    }

    @Test
    void stateChangingSessionRequestsNeedTheCsrfToken() {
        Browser b = browser();
        b.login("handlaggare", "placera-demo");
        b.withoutCsrf();
        var refused = b.post("/api/auth/logout", null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("code").asString()).isEqualTo("CSRF_TOKEN_INVALID");
        assertThat(b.post("/api/responses", Map.of("methodId", "x")).status()).isEqualTo(403);
        b.get("/api/auth/me").expect(200);

        b.withCsrf();
        b.post("/api/auth/logout", null).expect(204);
        b.get("/api/auth/me").expect(401);
    }

    @Test
    void csrfEndpointHandsOutTheToken() {
        Browser b = browser();
        var token = b.get("/api/auth/csrf").expect(200).json();
        assertThat(token.get("headerName").asString()).isEqualTo("X-XSRF-TOKEN");
        assertThat(b.cookie("XSRF-TOKEN")).contains(token.get("token").asString());
    }

    @Test
    void httpBasicStaysStatelessAndCsrfExempt() {
        var x = Api.at(port).asAdmin();
        var me = x.get("/api/auth/me").expect(200).json();
        assertThat(me.get("loginMethod").asString()).isEqualTo("basic");
        assertThat(me.get("permissions").get("ADMIN_CONSOLE").asString()).isEqualTo("ADMIN");
        // A state-changing Basic request needs no CSRF token (it is not a cookie session).
        x.post("/api/users", Map.of()).expect(400);
    }

    @Test
    void badBasicCredentialsChallengeApiClientsOnly() {
        var r = Api.at(port).as("admin", "wrong").get("/api/auth/me");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("code").asString()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void repeatedFailuresThrottleTheNameWith429AndRetryAfterWithoutCheckingThePassword() {
        String username = unique("lockout");
        activeUser(username, "exempelkommun-sof", Map.of("FOLLOW_UP", "WRITE"), "Korrekt-Hast-Batteri-9");
        Browser b = browser();
        b.login(username, "Korrekt-Hast-Batteri-9");
        for (int i = 0; i < 5; i++) {
            assertThat(browser().post("/api/auth/login", Map.of("username", username, "password", "fel" + i))
                    .status()).isEqualTo(401);
        }
        var x = browser().exchange("POST", "/api/auth/login", Map.of("username", username,
                "password", "Korrekt-Hast-Batteri-9"));
        assertThat(x.response().status()).isEqualTo(429);
        assertThat(x.response().json().get("code").asString()).isEqualTo("LOGIN_THROTTLED");
        assertThat(Long.parseLong(x.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        // HTTP Basic is throttled too.
        assertThat(Api.at(port).as(username, "Korrekt-Hast-Batteri-9").get("/api/auth/me").status()).isEqualTo(401);

        // The administrator sees until when, and can lift it.
        var user = admin().get("/api/users").json().valueStream()
                .filter(u -> u.get("username").asString().equals(username)).findFirst().orElseThrow();
        assertThat(user.get("lockedUntil").isNull()).isFalse();
        admin().post("/api/users/" + user.get("id").asString() + "/unlock", null).expect(204);
        browser().login(username, "Korrekt-Hast-Batteri-9");
    }
}
