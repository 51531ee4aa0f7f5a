package se.placera.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import se.placera.shared.PlaceraException;
import se.placera.support.Api;

/**
 * Provider users (issue #13, item 4): invited by mail for a provider of the register by an administrator or a
 * placement officer, activated and signed in like every account, and then confined to the provider portal. The
 * walk over the OpenAPI document proves that a provider user reaches no municipality API at all.
 */
class PortalAccessIntegrationTests extends IdentityTestBase {

    static final String PASSWORD = "Blå-Cykel-Vid-Sjön-42";

    @Autowired
    MongoTemplate mongo;

    record ProviderUser(String id, String username, String providerId, String orgNumber, Api api) {
    }

    private String provider(String name, String orgNumber) {
        return admin().post("/api/register/providers", Map.of("name", name, "orgNumber", orgNumber, "regi", "extern"))
                .expect(201).json().get("id").asString();
    }

    private static String orgNumber() {
        long n = Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000_0000L;
        String digits = String.format("%010d", n);
        return digits.substring(0, 6) + "-" + digits.substring(6);
    }

    /** A provider of the register and an activated user of it, invited by {@code inviter}. */
    private ProviderUser providerUser(Api inviter) {
        String org = orgNumber();
        String providerId = provider(unique("Solgårdens Omsorg AB"), org);
        String username = unique("utforare");
        JsonNode created = inviter.post("/api/provider-users", Map.of("username", username, "firstName", "Ulla",
                "lastName", "Utförare", "email", username + "@solgarden.example", "providerId", providerId))
                .expect(201).json();
        assertThat(created.get("providerId").asString()).isEqualTo(providerId);
        assertThat(created.get("administration").asString()).isEqualTo("exempelkommun-sof");
        String mail = awaitMail(username + "@solgarden.example", "Välkommen");
        assertThat(mail).contains("portal för utförare").contains("Solgårdens Omsorg AB")
                .doesNotContain("Förvaltning");
        Api.at(port).post("/api/auth/activate", Map.of("token", tokenIn(mail, "/activate"), "password", PASSWORD))
                .expect(204);
        return new ProviderUser(created.get("id").asString(), username, providerId, org,
                Api.at(port).as(username, PASSWORD));
    }

    @Test
    void aProviderUserSeesTheirOrganisationInThePortal() {
        ProviderUser p = providerUser(admin());
        JsonNode me = p.api().get("/api/auth/me").expect(200).json();
        assertThat(me.get("providerId").asString()).isEqualTo(p.providerId());
        assertThat(me.get("roles").toString()).isEqualTo("[\"PROVIDER\"]");
        assertThat(me.get("permissions").size()).isZero();
        assertThat(me.get("administrations").size()).isZero();

        JsonNode portal = p.api().get("/api/portal/me").expect(200).json();
        assertThat(portal.at("/organisation/id").asString()).isEqualTo(p.providerId());
        assertThat(portal.at("/organisation/name").asString()).startsWith("Solgårdens Omsorg AB");
        assertThat(portal.at("/organisation/orgNumber").asString()).isEqualTo(p.orgNumber());
        assertThat(portal.get("username").asString()).isEqualTo(p.username());

        // Signed in locally with the session login, as the portal in the browser does.
        var browser = browser();
        browser.login(p.username(), PASSWORD);
        assertThat(browser.get("/api/portal/me").expect(200).json().at("/organisation/id").asString())
                .isEqualTo(p.providerId());

        // The municipality's own users are not provider users: the portal is closed to them.
        JsonNode denied = admin().get("/api/portal/me").expect(403).json();
        assertThat(denied.get("code").asString()).isEqualTo("FORBIDDEN");
        Api.at(port).asCaseworker().get("/api/portal/me").expect(403);
    }

    /**
     * Every documented operation but sign-in, {@code /api/auth/me}, the portal and the user manual answers a provider
     * user 403:
     * responses, cases, the register, metadata, matching, users, audit, tokens, organisation, backups.
     */
    @Test
    void aProviderUserReachesNoMunicipalityApi() {
        ProviderUser p = providerUser(admin());
        JsonNode paths = admin().get("/v3/api-docs").expect(200).json().get("paths");
        List<String> failures = new ArrayList<>();
        int walked = 0;
        for (String path : paths.propertyNames()) {
            for (String method : paths.get(path).propertyNames()) {
                String op = method + " " + path;
                var rule = DataSeparationIntegrationTests.RULES.get(op);
                if (rule != null && rule.scope() == DataSeparationIntegrationTests.Scope.PUBLIC
                        || op.equals("get /api/auth/me") || path.startsWith("/api/portal/")
                        // The user manual: a provider user reads its provider page only (ManualIntegrationTests).
                        || path.equals("/api/manual") || path.startsWith("/api/manual/")) {
                    continue;
                }
                String concrete = path.replaceAll("\\{[^}]+}", p.id());
                Object body = method.equals("get") || method.equals("delete") ? null : Map.of();
                var r = p.api().send(method.toUpperCase(), concrete, body);
                if (r.status() != 403) {
                    failures.add(op + " -> " + r.status() + " " + r.text());
                }
                walked++;
            }
        }
        assertThat(failures).isEmpty();
        assertThat(walked).isGreaterThan(80);
        // Nothing was changed by the attempts: the provider user's own account is as it was.
        JsonNode account = admin().get("/api/users/" + p.id()).expect(200).json();
        assertThat(account.get("active").asBoolean()).isTrue();
        assertThat(account.get("permissions").size()).isZero();
    }

    @Test
    void invitationsAreCheckedScopedAndAudited() {
        ProviderUser p = providerUser(admin());
        // Audited with the provider and the inviting administration.
        JsonNode audit = admin().get("/api/audit?action=provider-user.create&subjectId=" + p.id()).expect(200).json();
        assertThat(audit.size()).isEqualTo(1);
        assertThat(audit.get(0).toString()).contains(p.providerId()).contains("exempelkommun-sof");
        assertThat(admin().get("/api/audit?action=user.invite&subjectId=" + p.id()).expect(200).json().size())
                .isEqualTo(1);
        // Listed for the inviting administration.
        assertThat(admin().get("/api/provider-users?providerId=" + p.providerId()).expect(200).text())
                .contains(p.username());

        // An unknown provider, and a caseworker without placement-officer rights.
        String username = unique("utforare");
        JsonNode unknown = admin().post("/api/provider-users", Map.of("username", username, "firstName", "A",
                "lastName", "B", "email", username + "@x.example", "providerId", "finns-inte")).expect(400).json();
        assertThat(unknown.get("code").asString()).isEqualTo("USER_INVALID");
        assertThat(unknown.at("/errors/0/pointer").asString()).isEqualTo("/providerId");
        assertThat(unknown.at("/errors/0/code").asString()).isEqualTo("unknown-provider");
        JsonNode caseworker = Api.at(port).asCaseworker().post("/api/provider-users", Map.of("username", username,
                "firstName", "A", "lastName", "B", "email", username + "@x.example", "providerId", p.providerId()))
                .expect(403).json();
        assertThat(caseworker.get("code").asString()).isEqualTo("FORBIDDEN"); // the access rule, before the service
        // Not into another administration than the caller's own.
        JsonNode other = admin().post("/api/provider-users", Map.of("username", username, "firstName", "A",
                "lastName", "B", "email", username + "@x.example", "providerId", p.providerId(),
                "administration", "exempelkommun-vof")).expect(403).json();
        assertThat(other.at("/errors/0/pointer").asString()).isEqualTo("/administration");
        assertThat(admin().get("/api/provider-users").expect(200).text()).doesNotContain(username);

    }

    /**
     * A provider user is never granted a municipality permission, and permissions written into the document by any
     * other means are ignored: the account stays portal-only.
     */
    @Test
    void aProviderUserNeverHasPermissionsWhateverIsStored() {
        ProviderUser p = providerUser(admin());
        JsonNode account = admin().get("/api/users/" + p.id()).expect(200).json();
        JsonNode grant = admin().put("/api/users/" + p.id(), Map.of("firstName", "Ulla", "lastName", "Utförare",
                "email", account.get("email").asString(), "administrations", List.of("exempelkommun-sof"),
                "permissions", Map.of("PLACEMENT", "READ"), "revision", account.get("revision").asLong()))
                .expect(400).json();
        assertThat(grant.at("/errors/0/pointer").asString()).isEqualTo("/permissions");
        assertThat(grant.at("/errors/0/code").asString()).isEqualTo("provider-user");

        mongo.updateFirst(Query.query(Criteria.where("_id").is(p.id())), new Update().set("permissions",
                        Map.of("REGISTER", "ADMIN", "ADMIN_CONSOLE", "ADMIN")).set("administrations",
                        List.of("exempelkommun-sof")), "users");
        JsonNode me = p.api().get("/api/auth/me").expect(200).json();
        assertThat(me.get("permissions").size()).isZero();
        assertThat(me.get("administrations").size()).isZero();
        assertThat(me.get("roles").toString()).isEqualTo("[\"PROVIDER\"]");
    }

    @Test
    void aPlacementOfficerInvitesProviderUsers() {
        String officer = unique("plac");
        activeUser(officer, "exempelkommun-sof", Map.of("PLACEMENT", "ADMIN"), PASSWORD);
        ProviderUser p = providerUser(Api.at(port).as(officer, PASSWORD));
        p.api().get("/api/portal/me").expect(200);
    }

    /** The portal services' second line: whoever is not a provider user gets 403, whatever the URL rules say. */
    @Test
    void portalServicesRequireAProviderUser() {
        CurrentUser municipal = new CurrentUser("1", "kalle", "K", "A", "k@x", "", "", "sof", "", java.util.Set.of());
        CurrentUsers notProvider = () -> Optional.of(municipal);
        assertThatThrownBy(notProvider::requireProviderId).isInstanceOfSatisfying(PlaceraException.class,
                e -> assertThat(e.code()).isEqualTo(CurrentUsers.PORTAL_PROVIDER_USERS_ONLY));
        CurrentUsers nobody = Optional::empty;
        assertThatThrownBy(nobody::requireProviderId).isInstanceOf(PlaceraException.class);
    }
}
