package se.placera.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.placera.support.Api;
import se.placera.support.AppIntegrationTest;

/**
 * US-3 with Keycloak: a real Keycloak (distribution zip, loopback, the example realm of docs/keycloak).
 * Browser: OIDC authorization code with PKCE, ending in a Placera session. API clients: bearer JWT.
 * Permissions stay in Placera on the account linked to the Keycloak user.
 */
@AppIntegrationTest
class KeycloakIntegrationTests {

    static final String KC_PASSWORD = "kc-demo-losenord";

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("placera.security.keycloak.issuer-uri", () -> KeycloakServer.get().issuer());
        registry.add("placera.security.keycloak.client-id", () -> "placera");
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Api admin() {
        return Api.at(port).asAdmin();
    }

    /** Creates the Placera account for a Keycloak user unless it exists. */
    void account(String username, String email, String keycloakId, Map<String, String> permissions) {
        if (admin().get("/api/users").text().contains("\"" + username + "\"")) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("firstName", "Kc");
        body.put("lastName", "Användare");
        body.put("email", email);
        body.put("administrations", List.of("exempelkommun-sof"));
        body.put("permissions", permissions);
        body.put("sendInvitation", false);
        if (keycloakId != null) {
            body.put("keycloakId", keycloakId);
        }
        admin().post("/api/users", body).expect(201);
    }

    String token(String username) throws Exception {
        return token("placera", username);
    }

    /**
     * An access token from the authorization code flow with PKCE, as the browser gets one (the realm has no
     * password grant): the test signs in on Keycloak's form and exchanges the code itself.
     */
    String token(String clientId, String username) throws Exception {
        String verifier = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                java.security.SecureRandom.getSeed(32));
        String challenge = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                java.security.MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String redirect = "http://127.0.0.1:" + port + "/login/oauth2/code/keycloak";
        String issuer = KeycloakServer.get().issuer();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new PlainCookies())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        var page = browser.send(get(issuer + "/protocol/openid-connect/auth?" + form(Map.of("client_id", clientId,
                "response_type", "code", "scope", "openid", "redirect_uri", redirect, "state", "s",
                "code_challenge", challenge, "code_challenge_method", "S256"))), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(page.body());
        assertThat(action.find()).as(page.body()).isTrue();
        var submitted = browser.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", KC_PASSWORD,
                        "credentialId", ""))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(302);
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(submitted.headers().firstValue("Location").orElseThrow());
        assertThat(code.find()).isTrue();
        var r = http.send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                        "client_id", clientId, "code", java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8),
                        "redirect_uri", redirect, "code_verifier", verifier)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Api.json(r.body()).get("access_token").asString();
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        account("karin.kc", "kc.handlaggare@exempelkommun.se", null,
                Map.of("FOLLOW_UP", "WRITE", "PLACEMENT", "WRITE", "REPORTS", "READ"));
        // Same realm, valid signature and issuer, but issued to another client: its aud lacks "placera".
        var refused = bearer(token(KeycloakServer.OTHER_CLIENT, "kc-handlaggare"), "/api/auth/me");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
        assertThat(bearer(token("kc-handlaggare"), "/api/auth/me").statusCode()).isEqualTo(200);
    }

    HttpResponse<String> bearer(String token, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aKeycloakUserCallsTheApiWithABearerToken() throws Exception {
        // Linked on first use by the verified e-mail address.
        account("karin.kc", "kc.handlaggare@exempelkommun.se", null,
                Map.of("FOLLOW_UP", "WRITE", "PLACEMENT", "WRITE", "REPORTS", "READ"));
        String token = token("kc-handlaggare");
        var me = bearer(token, "/api/auth/me");
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        var json = Api.json(me.body());
        assertThat(json.get("username").asString()).isEqualTo("karin.kc");
        assertThat(json.get("loginMethod").asString()).isEqualTo("keycloak");
        assertThat(json.get("permissions").get("FOLLOW_UP").asString()).isEqualTo("WRITE");
        assertThat(bearer(token, "/api/responses").statusCode()).isEqualTo(200);
        // Permissions are Placera's: no administration console for this user.
        var refused = bearer(token, "/api/users");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Api.json(refused.body()).get("code").asString()).isEqualTo("FORBIDDEN");
    }

    @Test
    void aKeycloakUserWithoutThePermissionIsRefused() throws Exception {
        // Linked explicitly by Keycloak's user id; read-only rights.
        account("leo.kc", "leo.annan@exempelkommun.se", "6f1c2a4e-0b8e-4d6c-9a51-1f1d2c3b4a02",
                Map.of("REPORTS", "READ", "FOLLOW_UP", "READ"));
        String token = token("kc-lasare");
        assertThat(bearer(token, "/api/auth/me").statusCode()).isEqualTo(200);
        assertThat(bearer(token, "/api/responses").statusCode()).isEqualTo(403);
        assertThat(bearer(token, "/api/audit").statusCode()).isEqualTo(403);
    }

    @Test
    void aKeycloakUserWithoutAnAccountIsRefused() throws Exception {
        var r = bearer(token("kc-utan-konto"), "/api/auth/me");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(Api.json(r.body()).get("code").asString()).isEqualTo("ACCOUNT_NOT_PROVISIONED");
    }

    @Test
    void aForgedTokenIsRefused() throws Exception {
        String token = token("kc-handlaggare");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        assertThat(bearer(forged, "/api/auth/me").statusCode()).isEqualTo(401);
    }

    @Test
    void theBrowserSignsInWithTheAuthorizationCodeFlowAndPkce() throws Exception {
        account("karin.kc", "kc.handlaggare@exempelkommun.se", null,
                Map.of("FOLLOW_UP", "WRITE", "PLACEMENT", "WRITE", "REPORTS", "READ"));
        var cookies = new PlainCookies();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        String app = "http://127.0.0.1:" + port;

        var start = browser.send(get(app + "/oauth2/authorization/keycloak"), HttpResponse.BodyHandlers.ofString());
        assertThat(start.statusCode()).isEqualTo(302);
        String authorize = start.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith(KeycloakServer.get().issuer() + "/protocol/openid-connect/auth")
                .contains("code_challenge=").contains("code_challenge_method=S256");

        var page = browser.send(get(authorize), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(page.body());
        assertThat(action.find()).as(page.body()).isTrue();
        String loginUrl = action.group(1).replace("&amp;", "&");
        var submitted = browser.send(HttpRequest.newBuilder(URI.create(loginUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", "kc-handlaggare",
                        "password", KC_PASSWORD, "credentialId", ""))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(302);
        String callback = submitted.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith(app + "/login/oauth2/code/keycloak").contains("code=");

        var done = browser.send(get(callback), HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElseThrow()).isIn("/", app + "/");

        var me = browser.send(HttpRequest.newBuilder(URI.create(app + "/api/auth/me"))
                .header("X-Requested-With", "XMLHttpRequest").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(Api.json(me.body()).get("username").asString()).isEqualTo("karin.kc");
        assertThat(Api.json(me.body()).get("loginMethod").asString()).isEqualTo("keycloak");

        var logins = admin().get("/api/audit?actor=karin.kc&action=login.success").expect(200).json();
        assertThat(logins.toString()).contains("keycloak");

        // Signing out ends the Keycloak session too (RP-initiated logout): the app answers with Keycloak's
        // end-session address; opening it signs out at Keycloak and comes back to the app; a new sign-in then
        // shows Keycloak's login form again instead of passing straight through on the single sign-on session.
        var csrf = browser.send(get(app + "/api/auth/csrf"), HttpResponse.BodyHandlers.ofString());
        String token = Api.json(csrf.body()).get("token").asString();
        var logout = browser.send(HttpRequest.newBuilder(URI.create(app + "/api/auth/logout"))
                .header("X-XSRF-TOKEN", token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(logout.statusCode()).as(logout.body()).isEqualTo(200);
        String endSession = Api.json(logout.body()).get("endSessionUrl").asString();
        assertThat(endSession).startsWith(KeycloakServer.get().issuer() + "/protocol/openid-connect/logout")
                .contains("id_token_hint=").contains("post_logout_redirect_uri=");
        var ended = browser.send(get(endSession), HttpResponse.BodyHandlers.ofString());
        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(302);
        assertThat(ended.headers().firstValue("Location").orElseThrow()).isEqualTo(app + "/app/");

        var signedOut = browser.send(HttpRequest.newBuilder(URI.create(app + "/api/auth/me"))
                .header("X-Requested-With", "XMLHttpRequest").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedOut.statusCode()).isEqualTo(401);
        var again = browser.send(get(app + "/oauth2/authorization/keycloak"), HttpResponse.BodyHandlers.ofString());
        var loginAgain = browser.send(get(again.headers().firstValue("Location").orElseThrow()),
                HttpResponse.BodyHandlers.ofString());
        assertThat(loginAgain.statusCode()).as("Keycloak asks for the password again").isEqualTo(200);
        assertThat(loginAgain.body()).contains("action=\"");
        assertThat(admin().get("/api/audit?actor=karin.kc&action=logout").expect(200).json().toString())
                .contains("keycloak");
    }

    /**
     * A cookie jar per host that ignores the Secure flag: Keycloak in development mode marks its login
     * cookies Secure even over plain http on loopback, which java.net.CookieManager would then never send.
     */
    static final class PlainCookies extends java.net.CookieHandler {
        private final Map<String, Map<String, String>> byHost = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            Map<String, String> jar = byHost.getOrDefault(uri.getHost(), Map.of());
            if (jar.isEmpty()) {
                return Map.of();
            }
            return Map.of("Cookie", List.of(jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; "))));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) {
            Map<String, String> jar = byHost.computeIfAbsent(uri.getHost(),
                    h -> new java.util.concurrent.ConcurrentHashMap<>());
            responseHeaders.forEach((name, values) -> {
                if (name == null || !name.equalsIgnoreCase("Set-Cookie")) {
                    return;
                }
                for (String v : values) {
                    String pair = v.split(";", 2)[0];
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        continue;
                    }
                    String cookie = pair.substring(0, eq).trim();
                    String value = pair.substring(eq + 1).trim();
                    String lower = v.toLowerCase(java.util.Locale.ROOT);
                    if (value.isEmpty() || lower.contains("max-age=0") || lower.contains("expires=thu, 01 jan 1970")) {
                        jar.remove(cookie);
                    } else {
                        jar.put(cookie, value);
                    }
                }
            });
        }
    }

    static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).GET().build();
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
