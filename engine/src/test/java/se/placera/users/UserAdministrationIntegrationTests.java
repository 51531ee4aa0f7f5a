package se.placera.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.placera.security.Browser;
import se.placera.security.IdentityTestBase;
import se.placera.support.Api;

/** US-1–US-3: invite, activate, password policy, reset, update rights, deactivate; mail through real SMTP. */
class UserAdministrationIntegrationTests extends IdentityTestBase {

    static final String PASSWORD = "Blå-Cykel-Vid-Sjön-42";

    @Test
    void anInvitedUserActivatesOnceAndSignsIn() {
        String username = unique("inbjuden");
        String id = createUser(username, "exempelkommun-sof", Map.of("FOLLOW_UP", "WRITE", "REPORTS", "READ"));
        String mail = awaitMail(username + "@exempelkommun.se", "Välkommen till Placera");
        assertThat(mail).contains(username).contains("FOLLOW_UP: WRITE").contains("Socialförvaltningen");
        String token = tokenIn(mail, "/activate");

        // Not activated yet: no password works.
        assertThat(browser().post("/api/auth/login", Map.of("username", username, "password", PASSWORD)).status())
                .isEqualTo(401);

        // A weak password is refused with a pointer, and the link still works afterwards.
        var weak = Api.at(port).post("/api/auth/activate", Map.of("token", token, "password", "kort"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().get("code").asString()).isEqualTo("PASSWORD_POLICY");
        assertThat(weak.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/password");
        var personal = Api.at(port).post("/api/auth/activate", Map.of("token", token, "password", username + "-xyz-123"));
        assertThat(personal.json().get("errors").toString()).contains("password.personal");

        Api.at(port).post("/api/auth/activate", Map.of("token", token, "password", PASSWORD)).expect(204);
        var me = browser().login(username, PASSWORD).json();
        assertThat(me.get("permissions").get("FOLLOW_UP").asString()).isEqualTo("WRITE");
        assertThat(me.get("administrations").get(0).get("id").asString()).isEqualTo("exempelkommun-sof");

        // Single use.
        var again = Api.at(port).post("/api/auth/activate", Map.of("token", token, "password", PASSWORD + "x"));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("code").asString()).isEqualTo("TOKEN_INVALID");

        var view = admin().get("/api/users/" + id).expect(200).json();
        assertThat(view.get("activated").asBoolean()).isTrue();
        assertThat(view.toString()).doesNotContain("passwordHash").doesNotContain("$2a$");
    }

    @Test
    void passwordResetByMailReplacesThePassword() {
        String username = unique("glomsk");
        activeUser(username, "exempelkommun-sof", Map.of("FOLLOW_UP", "WRITE"), PASSWORD);
        Api.at(port).post("/api/auth/password-reset", Map.of("username", username)).expect(202);
        String token = tokenIn(awaitMail(username + "@exempelkommun.se", "Återställ"), "/reset-password");
        Api.at(port).post("/api/auth/password-reset/confirm",
                Map.of("token", token, "password", "Ny-Tallrik-Under-Bron-7")).expect(204);
        assertThat(browser().post("/api/auth/login", Map.of("username", username, "password", PASSWORD)).status())
                .isEqualTo(401);
        browser().login(username, "Ny-Tallrik-Under-Bron-7");
        // Unknown accounts get the same answer (nothing disclosed).
        Api.at(port).post("/api/auth/password-reset", Map.of("username", unique("finns-inte"))).expect(202);
    }

    @Test
    void changedRightsApplyAtOnceAndAreMailed() {
        String username = unique("andrad");
        String id = activeUser(username, "exempelkommun-sof", Map.of("FOLLOW_UP", "WRITE"), PASSWORD);
        Browser b = browser();
        b.login(username, PASSWORD);
        admin().put("/api/users/" + id, Map.of("firstName", "Test", "lastName", "Person",
                "email", username + "@exempelkommun.se", "phone", "070-123 45 67",
                "administrations", List.of("exempelkommun-sof"),
                "permissions", Map.of("FOLLOW_UP", "READ", "REPORTS", "READ"),
                "methodPermissions", Map.of("vuxna-missbruk-uppfoljning", "WRITE"),
                "revision", admin().get("/api/users/" + id).expect(200).json().get("revision").asLong())).expect(200);
        var me = b.get("/api/auth/me").expect(200).json();
        assertThat(me.get("permissions").get("FOLLOW_UP").asString()).isEqualTo("READ");
        assertThat(me.get("methodPermissions").get("vuxna-missbruk-uppfoljning").asString()).isEqualTo("WRITE");
        assertThat(me.get("phone").asString()).isEqualTo("070-123 45 67");
        assertThat(awaitMail(username + "@exempelkommun.se", "behörigheter")).contains("FOLLOW_UP: READ");
        var history = admin().get("/api/users/" + id).json().get("history");
        assertThat(history.toString()).contains("\"updated\"").contains("before").contains("after");
    }

    @Test
    void deactivationEndsOpenSessionsAndKeepsTheHistory() {
        String username = unique("slutat");
        String id = activeUser(username, "exempelkommun-sof", Map.of("FOLLOW_UP", "WRITE"), PASSWORD);
        Browser b = browser();
        b.login(username, PASSWORD);
        admin().post("/api/users/" + id + "/deactivate", null).expect(200);

        var refused = b.get("/api/auth/me");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(browser().post("/api/auth/login", Map.of("username", username, "password", PASSWORD)).status())
                .isEqualTo(401);
        assertThat(Api.at(port).as(username, PASSWORD).get("/api/auth/me").status()).isEqualTo(401);
        assertThat(awaitMail(username + "@exempelkommun.se", "avslutat")).contains(username);

        var view = admin().get("/api/users/" + id).expect(200).json();
        assertThat(view.get("active").asBoolean()).isFalse();
        assertThat(view.get("history").toString()).contains("created").contains("activated").contains("deactivated");
        assertThat(admin().get("/api/users?active=false").json().toString()).contains(username);

        admin().post("/api/users/" + id + "/reactivate", null).expect(200);
        browser().login(username, PASSWORD);
    }

    @Test
    void invalidUsersAreRefusedWithPointers() {
        var r = admin().post("/api/users", Map.of("username", "X Y", "firstName", "", "lastName", "P",
                "email", "not-an-email", "administrations", List.of("no-such-admin"),
                "permissions", Map.of("NOPE", "WRITE", "REPORTS", "MAYBE")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("code").asString()).isEqualTo("USER_INVALID");
        assertThat(r.json().get("errors").toString()).contains("/username").contains("/firstName")
                .contains("/email").contains("/administrations/0").contains("/permissions/NOPE")
                .contains("/permissions/REPORTS");
    }

    @Test
    void userNamesAreUnique() {
        String username = unique("dubbel");
        createUser(username, "exempelkommun-sof", Map.of());
        var r = admin().post("/api/users", Map.of("username", username, "firstName", "A", "lastName", "B",
                "email", "x@exempelkommun.se", "administrations", List.of("exempelkommun-sof")));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("code").asString()).isEqualTo("USERNAME_TAKEN");
    }

    @Test
    void theOrganisationIsListed() {
        var org = Api.at(port).asCaseworker().get("/api/organisation").expect(200).json();
        assertThat(org.toString()).contains("Exempelkommun").contains("Vård- och omsorgsförvaltningen")
                .doesNotContain("Grannkommun");
        // The vendor's system administrator sees every municipality.
        assertThat(Api.at(port).asSystemAdmin().get("/api/organisation").expect(200).text())
                .contains("Exempelkommun").contains("Grannkommun");
    }

    @Test
    void anUpdateWithAnOldRevisionIsRefused() {
        String username = unique("samtidig");
        String id = createUser(username, "exempelkommun-sof", Map.of("FOLLOW_UP", "READ"));
        long read = admin().get("/api/users/" + id).expect(200).json().get("revision").asLong();
        Map<String, Object> change = new java.util.HashMap<>(Map.of("firstName", "Ny", "lastName", "Person",
                "email", username + "@exempelkommun.se", "administrations", List.of("exempelkommun-sof"),
                "permissions", Map.of("FOLLOW_UP", "WRITE"), "revision", read));
        var saved = admin().put("/api/users/" + id, change).expect(200).json();
        assertThat(saved.get("revision").asLong()).isGreaterThan(read);

        // A second administrator still holding the old revision.
        change.put("firstName", "Annan");
        var refused = admin().put("/api/users/" + id, change);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("USER_CHANGED");
        assertThat(admin().get("/api/users/" + id).json().get("firstName").asString()).isEqualTo("Ny");

        // Without a revision the update is refused (428): it would overwrite what it never read.
        change.remove("revision");
        var unversioned = admin().put("/api/users/" + id, change);
        assertThat(unversioned.status()).isEqualTo(428);
        assertThat(unversioned.json().get("code").asString()).isEqualTo("VERSION_REQUIRED");
        assertThat(unversioned.json().at("/errors/0/pointer").asString()).isEqualTo("/revision");
        assertThat(admin().get("/api/users/" + id).json().get("firstName").asString()).isEqualTo("Ny");
    }
}
