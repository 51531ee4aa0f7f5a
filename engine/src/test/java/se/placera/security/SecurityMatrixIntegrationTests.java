package se.placera.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import se.placera.support.Api;

/**
 * The endpoint × role matrix: for each endpoint and each kind of user the expected status (or "allowed": the
 * request passed the access rules, whatever the endpoint then said). Plus: every documented endpoint refuses
 * anonymous callers with 401, except the public ones.
 */
class SecurityMatrixIntegrationTests extends IdentityTestBase {

    static final int ALLOWED = -1;

    record Row(String method, String path, Object body, int anonymous, int reader, int caseworker, int otherAdmin,
            int admin) {
    }

    /** reader = READ everywhere; caseworker = handlaggare; otherAdmin = omsorg (other administration, no console). */
    static final List<Row> MATRIX = List.of(
            new Row("GET", "/actuator/health", null, 200, 200, 200, 200, 200),
            new Row("GET", "/api/auth/me", null, 401, 200, 200, 200, 200),
            new Row("GET", "/api/auth/providers", null, 200, 200, 200, 200, 200),
            new Row("GET", "/api/organisation", null, 401, 200, 200, 200, 200),
            new Row("GET", "/api/metadata/kinds", null, 401, 200, 200, 200, 200),
            new Row("POST", "/api/metadata/methods/validate", Map.of(), 401, 403, 403, 403, ALLOWED),
            new Row("POST", "/api/metadata/methods", Map.of(), 401, 403, 403, 403, ALLOWED),
            new Row("GET", "/api/autoanswer-presets/handlaggare", null, 401, 403, 403, 403, 200),
            new Row("GET", "/api/responses", null, 401, 403, 200, 200, 200),
            new Row("POST", "/api/responses", Map.of("methodId", "finns-inte"), 401, 403, ALLOWED, ALLOWED, ALLOWED),
            new Row("GET", "/api/responses/finns-inte", null, 401, 403, 404, 404, 404),
            new Row("GET", "/api/users", null, 401, 403, 403, 403, 200),
            new Row("POST", "/api/users", Map.of(), 401, 403, 403, 403, 400),
            new Row("GET", "/api/users/finns-inte", null, 401, 403, 403, 403, 404),
            new Row("PUT", "/api/users/finns-inte", Map.of(), 401, 403, 403, 403, 404),
            new Row("POST", "/api/users/finns-inte/deactivate", null, 401, 403, 403, 403, 404),
            new Row("POST", "/api/users/finns-inte/reactivate", null, 401, 403, 403, 403, 404),
            new Row("POST", "/api/users/finns-inte/invitation", null, 401, 403, 403, 403, 404),
            new Row("POST", "/api/users/finns-inte/unlock", null, 401, 403, 403, 403, 404),
            new Row("GET", "/api/audit", null, 401, 403, 403, 403, 200),
            new Row("GET", "/api/audit/verify", null, 401, 403, 403, 403, 200),
            new Row("GET", "/api/usage", null, 401, 403, 403, 403, 200),
            new Row("GET", "/api/usage/export", null, 401, 403, 403, 403, 200),
            // Embedded database backups: the vendor's system administrator only, not a municipality's administrator
            // (EmbeddedBackupEndpointIntegrationTests has the system administrator's answers).
            new Row("GET", "/api/admin/backups", null, 401, 403, 403, 403, 403),
            new Row("POST", "/api/admin/backups", null, 401, 403, 403, 403, 403),
            // Provider users: invited by administrators and placement officers; the portal is for provider users.
            new Row("GET", "/api/provider-users", null, 401, 403, 403, 403, 200),
            new Row("POST", "/api/provider-users", Map.of(), 401, 403, 403, 403, 400),
            new Row("GET", "/api/portal/me", null, 401, 403, 403, 403, 403),
            new Row("GET", "/api/portal/inquiries", null, 401, 403, 403, 403, 403),
            new Row("GET", "/api/portal/inquiries/finns-inte", null, 401, 403, 403, 403, 403),
            new Row("POST", "/api/portal/inquiries/finns-inte/answer", Map.of(), 401, 403, 403, 403, 403),
            new Row("GET", "/api/portal/inquiries/finns-inte/attachments/x", null, 401, 403, 403, 403, 403),
            new Row("POST", "/api/auth/activate", Map.of("token", "x", "password", "y"), 400, 400, 400, 400, 400),
            new Row("POST", "/api/auth/password-reset", Map.of("username", "finns-inte"), 202, 202, 202, 202, 202),
            new Row("POST", "/api/auth/password-reset/confirm", Map.of("token", "x", "password", "y"),
                    400, 400, 400, 400, 400));

    @Test
    void everyEndpointAnswersEachRoleAsExpected() {
        Map<String, Api> users = new LinkedHashMap<>();
        users.put("anonymous", Api.at(port));
        users.put("reader", Api.at(port).as("lasare", "placera-demo"));
        users.put("caseworker", Api.at(port).asCaseworker());
        users.put("otherAdmin", Api.at(port).as("omsorg", "placera-demo"));
        users.put("admin", Api.at(port).asAdmin());
        List<String> failures = new ArrayList<>();
        for (Row row : MATRIX) {
            int[] expected = {row.anonymous(), row.reader(), row.caseworker(), row.otherAdmin(), row.admin()};
            int i = 0;
            for (var user : users.entrySet()) {
                int want = expected[i++];
                int got = user.getValue().send(row.method(), row.path(), row.body()).status();
                boolean ok = want == ALLOWED ? got != 401 && got != 403 : got == want;
                if (!ok) {
                    failures.add(row.method() + " " + row.path() + " as " + user.getKey() + ": expected "
                            + (want == ALLOWED ? "allowed" : want) + " got " + got);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void theSameRulesHoldForBrowserSessions() {
        Browser reader = browser();
        reader.login("lasare", "placera-demo");
        assertThat(reader.get("/api/users").status()).isEqualTo(403);
        assertThat(reader.get("/api/responses").status()).isEqualTo(403);
        Browser admin = browser();
        admin.login("admin", "placera-demo");
        admin.get("/api/users").expect(200);
        admin.get("/api/audit/verify").expect(200);
    }

    @Test
    void everyDocumentedEndpointRefusesAnonymousCallers() {
        JsonNode paths = admin().get("/v3/api-docs").expect(200).json().get("paths");
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String path : paths.propertyNames()) {
            if (path.startsWith("/api/auth/") && !path.equals("/api/auth/me") || path.startsWith("/api/setup/")) {
                continue; // public: sign-in, activation, reset, the first administrator's set-up
            }
            for (String method : paths.get(path).propertyNames()) {
                String concrete = path.replaceAll("\\{[^}]+}", "x");
                var r = Api.at(port).send(method.toUpperCase(), concrete,
                        method.equals("get") || method.equals("delete") ? null : Map.of());
                checked++;
                if (r.status() != 401) {
                    failures.add(method + " " + path + " -> " + r.status());
                }
            }
        }
        assertThat(checked).isGreaterThan(20);
        assertThat(failures).isEmpty();
    }
}
