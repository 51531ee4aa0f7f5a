package se.placera.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import se.placera.security.IdentityFixtures;
import se.placera.security.IdentityTestBase;
import se.placera.support.Api;

/**
 * GD-1, US-3, US-4 for administrators: the vendor's system administrator sets up municipalities' first
 * administrators; a municipality's administrator manages only users of administrations they administer, grants
 * nothing above their own, and changes administrations or login identity only with a second administrator.
 */
class AdministratorSeparationIntegrationTests extends IdentityTestBase {

    static final String PASSWORD = "Blå-Cykel-Vid-Sjön-42";

    private static Map<String, Object> user(String username, String domain, List<String> administrations,
            Map<String, String> permissions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("firstName", "Test");
        body.put("lastName", "Person");
        body.put("email", username + "@" + domain);
        body.put("administrations", administrations);
        body.put("permissions", permissions);
        return body;
    }

    /** Creates a user as {@code creator}, activates it and returns an API client signed in as it. */
    private Api activated(Api creator, String username, String domain, List<String> administrations,
            Map<String, String> permissions) {
        creator.post("/api/users", user(username, domain, administrations, permissions)).expect(201);
        String token = tokenIn(awaitMail(username + "@" + domain, "Välkommen"), "/activate");
        Api.at(port).post("/api/auth/activate", Map.of("token", token, "password", PASSWORD)).expect(204);
        return Api.at(port).as(username, PASSWORD);
    }

    private static Map<String, String> allAdmin() {
        Map<String, String> all = new LinkedHashMap<>();
        for (String m : List.of("PLACEMENT", "FOLLOW_UP", "ECONOMY", "INDEX", "REPORTS", "REGISTER", "ADMIN_CONSOLE")) {
            all.put(m, "ADMIN");
        }
        return all;
    }

    @Test
    void aMunicipalityAdministratorCannotCreateUsersOutsideTheirAdministrations() {
        // Another municipality (the issue's "ADMIN in Grannkommun") and another administration of the same one.
        for (String administration : List.of("grannkommun-sof", "exempelkommun-vof")) {
            var refused = admin().post("/api/users", user(unique("utanfor"), "grannkommun.se",
                    List.of(administration), Map.of("ADMIN_CONSOLE", "ADMIN")));
            assertThat(refused.status()).as(refused.text()).isEqualTo(403);
            assertThat(refused.json().get("code").asString()).isEqualTo("USER_GRANT_FORBIDDEN");
            assertThat(refused.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/administrations/0");
        }
        // The system administrator creates the first administrator of a municipality.
        String first = unique("grann-forsta");
        Api.at(port).asSystemAdmin().post("/api/users", user(first, "grannkommun.se", List.of("grannkommun-sof"),
                Map.of("ADMIN_CONSOLE", "ADMIN"))).expect(201);
        assertThat(admin().get("/api/users").expect(200).text()).doesNotContain(first);
        assertThat(Api.at(port).asSystemAdmin().get("/api/users").expect(200).text()).contains(first)
                .contains("handlaggare");
    }

    @Test
    void noRightAboveTheAdministratorsOwn() {
        Api limited = activated(admin(), unique("begransad"), "exempelkommun.se", List.of("exempelkommun-sof"),
                Map.of("ADMIN_CONSOLE", "ADMIN", "FOLLOW_UP", "READ"));
        var refused = limited.post("/api/users", user(unique("hog"), "exempelkommun.se",
                List.of("exempelkommun-sof"), Map.of("FOLLOW_UP", "WRITE")));
        assertThat(refused.status()).as(refused.text()).isEqualTo(403);
        assertThat(refused.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/permissions/FOLLOW_UP");
        limited.post("/api/users", user(unique("lag"), "exempelkommun.se", List.of("exempelkommun-sof"),
                Map.of("FOLLOW_UP", "READ"))).expect(201);
    }

    @Test
    void administrationsAndLoginIdentityChangeOnlyWithASecondAdministrator() {
        String username = unique("fyra-ogon");
        String id = createUser(username, "exempelkommun-sof", Map.of("FOLLOW_UP", "WRITE"));
        JsonNode before = admin().get("/api/users/" + id).expect(200).json();

        // A direct update of the Keycloak link (account takeover) or the e-mail is refused.
        Map<String, Object> update = user(username, "exempelkommun.se", List.of("exempelkommun-sof"),
                Map.of("FOLLOW_UP", "WRITE"));
        update.put("keycloakId", "kapad-identitet");
        update.put("revision", before.get("revision").asLong());
        var refused = admin().put("/api/users/" + id, update);
        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("USER_CHANGE_NEEDS_APPROVAL");
        assertThat(refused.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/keycloakId");
        assertThat(admin().get("/api/users/" + id).json().get("keycloakId").isNull()).isTrue();

        // Requested: pending; the requester cannot approve it.
        JsonNode change = admin().post("/api/users/" + id + "/changes",
                Map.of("keycloakId", "ny-identitet", "email", username + "@ny.exempelkommun.se")).expect(202).json();
        assertThat(change.get("status").asString()).isEqualTo("pending");
        String changeId = change.get("id").asString();
        var own = admin().post("/api/users/changes/" + changeId + "/approve", null);
        assertThat(own.status()).as(own.text()).isEqualTo(403);
        assertThat(own.json().get("code").asString()).isEqualTo("USER_CHANGE_OWN");
        assertThat(admin().get("/api/users/" + id).json().get("email").asString())
                .isEqualTo(before.get("email").asString());

        // A second administrator of the same administration approves it.
        Api second = activated(admin(), unique("andra-admin"), "exempelkommun.se", List.of("exempelkommun-sof"),
                allAdmin());
        assertThat(second.get("/api/users/changes?status=pending").expect(200).text()).contains(changeId);
        JsonNode approved = second.post("/api/users/changes/" + changeId + "/approve", null).expect(200).json();
        assertThat(approved.get("status").asString()).isEqualTo("approved");
        JsonNode after = admin().get("/api/users/" + id).expect(200).json();
        assertThat(after.get("keycloakId").asString()).isEqualTo("ny-identitet");
        assertThat(after.get("email").asString()).isEqualTo(username + "@ny.exempelkommun.se");
        assertThat(after.get("history").toString()).contains("identity-changed");
        var decided = second.post("/api/users/changes/" + changeId + "/reject", null);
        assertThat(decided.status()).isEqualTo(409);

        // Rejected changes apply nothing; all of it is in the audit log.
        String rejectId = admin().post("/api/users/" + id + "/changes", Map.of("email", username + "@x.se"))
                .expect(202).json().get("id").asString();
        second.post("/api/users/changes/" + rejectId + "/reject", null).expect(200);
        assertThat(admin().get("/api/users/" + id).json().get("email").asString())
                .isEqualTo(username + "@ny.exempelkommun.se");
        String audit = admin().get("/api/audit?action=user.change.*&subjectId=" + id).expect(200).text();
        assertThat(audit).contains("user.change.request").contains("user.change.approve")
                .contains("user.change.reject");
    }

    /**
     * The decision is claimed before the account changes, and an approval that cannot be applied (the Keycloak user
     * is linked to another account by then) leaves the request pending, the account unchanged and no approval in the
     * log.
     */
    @Test
    void anApprovalThatCannotBeAppliedLeavesTheRequestPending() {
        String taken = unique("tagen-identitet");
        String first = admin().post("/api/users", user(unique("forsta"), "exempelkommun.se",
                List.of("exempelkommun-sof"), Map.of("FOLLOW_UP", "READ"))).expect(201).json().get("id").asString();
        String other = admin().post("/api/users", user(unique("andra"), "exempelkommun.se",
                List.of("exempelkommun-sof"), Map.of("FOLLOW_UP", "READ"))).expect(201).json().get("id").asString();
        Api second = activated(admin(), unique("godkannare"), "exempelkommun.se", List.of("exempelkommun-sof"),
                allAdmin());
        String linkFirst = admin().post("/api/users/" + first + "/changes", Map.of("keycloakId", taken)).expect(202)
                .json().get("id").asString();
        String linkOther = admin().post("/api/users/" + other + "/changes", Map.of("keycloakId", taken)).expect(202)
                .json().get("id").asString();
        second.post("/api/users/changes/" + linkFirst + "/approve", null).expect(200);

        var refused = second.post("/api/users/changes/" + linkOther + "/approve", null);
        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("KEYCLOAK_ID_TAKEN");
        assertThat(second.get("/api/users/changes?status=pending").expect(200).text()).contains(linkOther);
        assertThat(admin().get("/api/users/" + other).json().get("keycloakId").isNull()).isTrue();
        assertThat(admin().get("/api/audit?action=user.change.approve&subjectId=" + other).expect(200).text())
                .doesNotContain(linkOther);
        // Still decidable: the second administrator turns it down.
        second.post("/api/users/changes/" + linkOther + "/reject", null).expect(200);
    }

    @Test
    void anAdministratorCannotAddAnotherAdministrationToTheirOwnAccount() {
        Api self = activated(admin(), unique("sjalv"), "exempelkommun.se", List.of("exempelkommun-sof"), allAdmin());
        JsonNode me = self.get("/api/auth/me").expect(200).json();
        String myId = me.get("id").asString();
        // Not directly ...
        Map<String, Object> update = user(me.get("username").asString(), "exempelkommun.se",
                List.of("exempelkommun-sof", "exempelkommun-vof"), allAdmin());
        update.put("email", me.get("email").asString());
        update.put("revision", admin().get("/api/users/" + myId).expect(200).json().get("revision").asLong());
        assertThat(self.put("/api/users/" + myId, update).status()).isEqualTo(409);
        // ... nor by a change request for an administration they do not administer.
        var refused = self.post("/api/users/" + myId + "/changes",
                Map.of("administrations", List.of("exempelkommun-sof", "exempelkommun-vof")));
        assertThat(refused.status()).as(refused.text()).isEqualTo(403);
        assertThat(refused.json().get("code").asString()).isEqualTo("USER_GRANT_FORBIDDEN");
        // And omsorg's responses (Vård och omsorg) stay invisible to them.
        String methodId = unique("egen-metod");
        IdentityFixtures.publish(admin(), methodId);
        String response = IdentityFixtures.start(Api.at(port).as("omsorg", "placera-demo"), methodId,
                unique("klient")).get("responseId").asString();
        self.get("/api/responses/" + response).expect(404);
    }

    @Test
    void presetsAndTheUsageReportAreScopedToTheAdministratorsAdministrations() {
        String methodId = unique("preset-metod");
        IdentityFixtures.publish(admin(), methodId);
        Api grann = activated(Api.at(port).asSystemAdmin(), unique("grann-admin"), "grannkommun.se",
                List.of("grannkommun-sof"), allAdmin());
        var refused = grann.put("/api/autoanswer-presets/handlaggare/" + methodId,
                Map.of("values", Map.of("notering", "x")));
        assertThat(refused.status()).as(refused.text()).isEqualTo(404);
        assertThat(grann.get("/api/autoanswer-presets/handlaggare").status()).isEqualTo(404);
        admin().put("/api/autoanswer-presets/handlaggare/" + methodId, Map.of("values", Map.of("notering", "x")))
                .expect(200);
        admin().delete("/api/autoanswer-presets/handlaggare/" + methodId).expect(204);

        // Hugo (Exempelkommun) signs in: his administrator's report shows him, Grannkommun's does not.
        browser().login("handlaggare", "placera-demo");
        assertThat(admin().get("/api/usage").expect(200).text()).contains("handlaggare");
        assertThat(grann.get("/api/usage").expect(200).text()).doesNotContain("handlaggare");
        assertThat(grann.get("/api/users").expect(200).text()).doesNotContain("handlaggare");
    }
}
