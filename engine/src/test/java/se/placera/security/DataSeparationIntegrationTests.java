package se.placera.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import se.placera.support.Api;

/**
 * GD-1, generated from the OpenAPI document: every documented operation must have a row in {@link #RULES} saying
 * how it is scoped, or this test fails (a new endpoint without a rule fails the build). The stranger is the
 * strongest outsider there is: an administrator with every module at ADMIN, of another administration <em>and</em>
 * of another municipality. Every operation scoped by administration answers the stranger 404 for the fixtures
 * (not 403: no existence leak) or leaves them out of its list, and nothing changes.
 */
class DataSeparationIntegrationTests extends IdentityTestBase {

    /** How an operation is scoped. */
    enum Scope {
        /** No sign-in needed (sign-in, activation, reset, the first administrator's set-up). */
        PUBLIC,
        /** Any signed-in user; the caller's own account or data that is not any administration's. */
        SIGNED_IN,
        /** A module permission guards data shared by the deployment (the register, metadata), not client data. */
        MODULE,
        /** Client or case data, or users and their presets: scoped to the caller's administrations (404 outside). */
        ADMINISTRATION,
        /** A list scoped to the caller's administrations: the fixture never appears in it. */
        ADMINISTRATION_LIST,
        /** Only the caller's own municipality. */
        MUNICIPALITY,
        /** The vendor's system administrator only (403 for everyone else). */
        SYSTEM,
        /** The provider portal: provider users only, their own organisation (403 for the municipality's users). */
        PORTAL
    }

    /** The scope of an operation; {@code probe} names the fixture a list must not show. */
    record Rule(Scope scope, String probe) {
        static Rule of(Scope scope) {
            return new Rule(scope, null);
        }
    }

    static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static void rule(String operation, Scope scope) {
        RULES.put(operation, Rule.of(scope));
    }

    static void list(String operation, String probe) {
        RULES.put(operation, new Rule(Scope.ADMINISTRATION_LIST, probe));
    }

    static {
        for (String op : List.of("post /api/auth/login", "post /api/auth/activate", "post /api/auth/password-reset",
                "post /api/auth/password-reset/confirm", "get /api/auth/providers", "get /api/auth/csrf",
                "post /api/auth/logout", "post /api/setup/first-admin")) {
            rule(op, Scope.PUBLIC);
        }
        rule("get /api/auth/me", Scope.SIGNED_IN);
        // The caller's own personal API tokens.
        rule("get /api/me/tokens", Scope.SIGNED_IN);
        rule("post /api/me/tokens", Scope.SIGNED_IN);
        rule("delete /api/me/tokens/{id}", Scope.SIGNED_IN);
        // The user manual: no administration's data (a provider user reads the provider page only).
        rule("get /api/manual", Scope.SIGNED_IN);
        rule("get /api/manual/pages/{id}", Scope.SIGNED_IN);
        rule("get /api/manual/images/{name}", Scope.SIGNED_IN);
        rule("get /api/manual/pdf", Scope.SIGNED_IN);
        rule("get /api/manual/pages/{id}/pdf", Scope.SIGNED_IN);
        // The embedded database's backups hold every municipality's data.
        rule("get /api/admin/backups", Scope.SYSTEM);
        rule("post /api/admin/backups", Scope.SYSTEM);
        rule("get /api/organisation", Scope.MUNICIPALITY);
        // Client and case data.
        list("get /api/responses", "response");
        rule("post /api/responses", Scope.SIGNED_IN); // creates in the caller's own home administration
        rule("get /api/responses/{id}", Scope.ADMINISTRATION);
        rule("patch /api/responses/{id}/answers", Scope.ADMINISTRATION);
        rule("post /api/responses/{id}/submit", Scope.ADMINISTRATION);
        rule("get /api/responses/{id}/receipt.pdf", Scope.ADMINISTRATION);
        // Placement cases.
        list("get /api/cases", "case");
        list("post /api/cases/search", "case");
        rule("post /api/cases", Scope.SIGNED_IN); // raised in the caller's own administration
        rule("get /api/cases/{id}", Scope.ADMINISTRATION);
        rule("post /api/cases/{id}/reveal", Scope.ADMINISTRATION);
        rule("post /api/cases/{id}/transfer", Scope.ADMINISTRATION);
        rule("get /api/cases/{id}/notes", Scope.ADMINISTRATION);
        rule("post /api/cases/{id}/notes", Scope.ADMINISTRATION);
        rule("post /api/cases/{id}/{verb}", Scope.ADMINISTRATION);
        // Inquiry rounds of a case (scoped like the case).
        rule("get /api/cases/{id}/inquiries", Scope.ADMINISTRATION);
        rule("post /api/cases/{id}/inquiries", Scope.ADMINISTRATION);
        rule("put /api/cases/{id}/inquiries/{inquiryId}/deadline", Scope.ADMINISTRATION);
        rule("post /api/cases/{id}/inquiries/{inquiryId}/answer", Scope.ADMINISTRATION);
        rule("post /api/cases/{id}/decision", Scope.ADMINISTRATION);
        rule("get /api/cases/{id}/inquiries/{inquiryId}/attachments/{attachmentId}", Scope.ADMINISTRATION);
        // Agreements of a case (scoped like the case).
        rule("post /api/cases/{id}/agreements", Scope.ADMINISTRATION);
        rule("get /api/cases/{id}/agreements", Scope.ADMINISTRATION);
        rule("get /api/cases/{id}/agreed-prices", Scope.ADMINISTRATION);
        rule("get /api/agreements/{id}", Scope.ADMINISTRATION);
        rule("put /api/agreements/{id}/free-text", Scope.ADMINISTRATION);
        rule("post /api/agreements/{id}/supplements", Scope.ADMINISTRATION);
        rule("get /api/agreements/{id}/preview", Scope.ADMINISTRATION);
        rule("get /api/agreements/{id}/pdf", Scope.ADMINISTRATION);
        rule("get /api/agreements/{id}/docx", Scope.ADMINISTRATION);
        rule("post /api/agreements/{id}/signatures", Scope.ADMINISTRATION);
        rule("post /api/agreements/{id}/signatures/{reference}", Scope.ADMINISTRATION);
        // The portal's agreements: only those with the provider user's own organisation.
        rule("get /api/portal/agreements", Scope.PORTAL);
        rule("get /api/portal/agreements/{id}/pdf", Scope.PORTAL);
        rule("post /api/portal/agreements/{id}/signatures", Scope.PORTAL);
        // The mail outbox: an administrator sees the mails of the administrations they administer.
        list("get /api/admin/mail-outbox", "username");
        rule("post /api/admin/mail-outbox/{id}/retry", Scope.ADMINISTRATION);
        rule("get /api/cases/{id}/events", Scope.ADMINISTRATION);
        // Statutory clocks of a case, PA-10 extension and end (scoped like the case); the preview holds no client data.
        rule("get /api/cases/{id}/clocks", Scope.ADMINISTRATION);
        rule("post /api/cases/{id}/clocks/{taskId}/complete", Scope.ADMINISTRATION);
        rule("post /api/cases/{id}/placement/extend", Scope.ADMINISTRATION);
        rule("post /api/cases/{id}/placement/end", Scope.ADMINISTRATION);
        rule("post /api/schedules/preview", Scope.MODULE);
        // imports only into the caller's granted administrations (a row of another is refused by row and column)
        rule("post /api/integrations/lifecare/import", Scope.SIGNED_IN);
        list("get /api/integrations/lifecare/coverage", "username");
        list("get /api/cases/tasks", "case");
        list("get /api/cases/decisions", "case");
        rule("post /api/methods/{methodId}/versions/{version}/preview", Scope.MODULE);
        // Users, their changes and presets.
        list("get /api/users", "user");
        rule("post /api/users", Scope.ADMINISTRATION); // only into the caller's own administrations
        rule("get /api/users/{id}", Scope.ADMINISTRATION);
        rule("put /api/users/{id}", Scope.ADMINISTRATION);
        rule("post /api/users/{id}/changes", Scope.ADMINISTRATION);
        rule("post /api/users/{id}/deactivate", Scope.ADMINISTRATION);
        rule("post /api/users/{id}/reactivate", Scope.ADMINISTRATION);
        rule("post /api/users/{id}/invitation", Scope.ADMINISTRATION);
        rule("post /api/users/{id}/unlock", Scope.ADMINISTRATION);
        rule("get /api/users/{userId}/tokens", Scope.ADMINISTRATION);
        rule("delete /api/users/{userId}/tokens/{id}", Scope.ADMINISTRATION);
        list("get /api/users/changes", "change");
        rule("post /api/users/changes/{changeId}/approve", Scope.ADMINISTRATION);
        rule("post /api/users/changes/{changeId}/reject", Scope.ADMINISTRATION);
        // Provider users: invited into the caller's own administrations, listed only there.
        rule("post /api/provider-users", Scope.ADMINISTRATION);
        list("get /api/provider-users", "providerUser");
        rule("get /api/portal/me", Scope.PORTAL);
        // The portal's inquiries: only those sent to the provider user's own organisation (PortalInquiriesIntegrationTests).
        rule("get /api/portal/inquiries", Scope.PORTAL);
        rule("get /api/portal/inquiries/{id}", Scope.PORTAL);
        rule("post /api/portal/inquiries/{id}/form", Scope.PORTAL);
        rule("post /api/portal/inquiries/{id}/answer", Scope.PORTAL);
        rule("post /api/portal/inquiries/{id}/attachments", Scope.PORTAL);
        rule("get /api/portal/inquiries/{id}/attachments/{attachmentId}", Scope.PORTAL);
        rule("get /api/autoanswer-presets/{username}", Scope.ADMINISTRATION);
        rule("put /api/autoanswer-presets/{username}/{methodId}", Scope.ADMINISTRATION);
        rule("delete /api/autoanswer-presets/{username}/{methodId}", Scope.ADMINISTRATION);
        // Reports: the definitions are the deployment's (REPORTS READ); every run counts only the caller's
        // administrations' responses (ReportsIntegrationTests, StandardReportsIntegrationTests: another
        // administration's user gets none of the fixture's responses, and the totals are exact per administration).
        rule("get /api/reports", Scope.MODULE);
        rule("get /api/reports/{id}/result", Scope.MODULE);
        rule("get /api/reports/{id}/export.xlsx", Scope.MODULE);
        rule("get /api/reports/{id}/export.pdf", Scope.MODULE);
        // Economy (issue #16): costs, loyalty and invoices of the caller's administrations (ECONOMY permission).
        list("get /api/economy/costs", "case");
        list("get /api/economy/loyalty", "case");
        list("get /api/economy/invoices", "case");
        list("get /api/economy/costs/export.xlsx", "case");
        list("get /api/economy/forecast", "case"); // sums of the caller's administrations' placements only
        list("get /api/index/units", "case"); // cost of the caller's placements per unit (INDEX permission)
        rule("get /api/economy/invoices/{id}/export.xlsx", Scope.ADMINISTRATION);
        rule("get /api/economy/placements/{id}/costs", Scope.ADMINISTRATION);
        rule("post /api/economy/placements/{id}/extra-costs", Scope.ADMINISTRATION);
        rule("get /api/economy/invoices/{id}", Scope.ADMINISTRATION);
        rule("post /api/economy/invoices/{id}/flags/{flagId}/decision", Scope.ADMINISTRATION);
        rule("post /api/economy/invoices", Scope.SIGNED_IN); // imported into the caller's own administration
        // Audit log and usage report.
        list("get /api/audit", "client");
        rule("get /api/audit/verify", Scope.MODULE); // a yes/no over the chain, no entries
        list("get /api/usage", "caseworker");
        rule("get /api/usage/export", Scope.MODULE); // the same report as /api/usage, as a workbook
        // The register of providers and matching: shared by the deployment, REGISTER permission.
        for (String op : List.of("get /api/register/export.xlsx", "get /api/register/framework-agreements",
                "put /api/register/framework-agreements/{id}", "post /api/register/import",
                "get /api/register/providers", "post /api/register/providers", "get /api/register/providers/{id}",
                "put /api/register/providers/{id}", "get /api/register/template.xlsx", "get /api/register/units",
                "post /api/register/units", "get /api/register/units/{id}", "put /api/register/units/{id}",
                "post /api/register/units/{id}/deviations", "post /api/register/units/{id}/documents",
                "delete /api/register/units/{id}/documents/{documentId}",
                "get /api/register/units/{id}/documents/{documentId}",
                "get /api/register/units/{id}/ivo-permit/document", "put /api/register/units/{id}/ivo-permit/document",
                "get /api/register/units/{id}/quality", "patch /api/register/units/{id}/vacancies",
                "post /api/matching/compare", "post /api/matching/export.xlsx", "post /api/matching/search")) {
            rule(op, Scope.MODULE);
        }
        // Metadata: the deployment's methods, code lists and kinds (reading needs a login, changing ADMIN_CONSOLE).
        for (String op : List.of("get /api/metadata/bundle", "post /api/metadata/bundle", "get /api/metadata/kinds",
                "get /api/metadata/{kind}", "post /api/metadata/{kind}", "post /api/metadata/{kind}/validate",
                "get /api/metadata/{kind}/{id}", "put /api/metadata/{kind}/{id}/draft",
                "get /api/metadata/{kind}/{id}/versions", "get /api/metadata/{kind}/{id}/versions/{version}",
                "post /api/metadata/{kind}/{id}/versions/{version}/publish",
                "post /api/metadata/{kind}/{id}/versions/{version}/retire")) {
            rule(op, Scope.MODULE);
        }
    }

    static final String PASSWORD = "Blå-Cykel-Vid-Sjön-42";

    @Test
    void everyDocumentedOperationHasAScopeRule() {
        JsonNode paths = admin().get("/v3/api-docs").expect(200).json().get("paths");
        var documented = new TreeSet<String>();
        for (String path : paths.propertyNames()) {
            for (String method : paths.get(path).propertyNames()) {
                documented.add(method + " " + path);
            }
        }
        assertThat(documented).as("operations without a scope rule in DataSeparationIntegrationTests.RULES")
                .allMatch(RULES::containsKey);
        assertThat(RULES.keySet()).as("rules for operations that no longer exist").allMatch(documented::contains);
    }

    /** The stranger: an administrator of Grannkommun's Socialtjänsten with every module at ADMIN. */
    private Api stranger() {
        String username = unique("grann-admin");
        Map<String, String> all = new LinkedHashMap<>();
        for (PlaceraModule m : PlaceraModule.values()) {
            all.put(m.name(), "ADMIN");
        }
        Api.at(port).asSystemAdmin().post("/api/users", Map.of("username", username, "firstName", "Greta",
                "lastName", "Granne", "email", username + "@grannkommun.se", "administrations",
                List.of("grannkommun-sof"), "permissions", all)).expect(201);
        String token = tokenIn(awaitMail(username + "@grannkommun.se", "Välkommen"), "/activate");
        Api.at(port).post("/api/auth/activate", Map.of("token", token, "password", PASSWORD)).expect(204);
        return Api.at(port).as(username, PASSWORD);
    }

    @Test
    void anAdministratorOfAnotherMunicipalitySeesNothingAndChangesNothing() {
        // Fixtures of Exempelkommun's Socialförvaltningen: a response, a user with a preset, a pending change.
        String methodId = unique("gd1-metod");
        IdentityFixtures.publish(admin(), methodId);
        Api owner = Api.at(port).asCaseworker();
        String clientId = unique("klient");
        JsonNode started = IdentityFixtures.start(owner, methodId, clientId);
        String responseId = started.get("responseId").asString();
        JsonNode answered = owner.patch("/api/responses/" + responseId + "/answers",
                Map.of("answers", Map.of("notering", "hemligt"), "revision", started.get("revision").asLong()))
                .expect(200).json();
        String username = unique("fixtur");
        String userId = createUser(username, "exempelkommun-sof", Map.of("FOLLOW_UP", "WRITE"));
        admin().put("/api/autoanswer-presets/" + username + "/" + methodId, Map.of("values", Map.of("notering", "x")))
                .expect(200);
        String changeId = admin().post("/api/users/" + userId + "/changes",
                Map.of("email", username + "@ny.exempelkommun.se")).expect(202).json().get("id").asString();
        JsonNode userBefore = admin().get("/api/users/" + userId).expect(200).json();
        String providerId = admin().post("/api/register/providers", Map.of("name", unique("Portalens Omsorg AB"),
                "orgNumber", String.format("556%03d-%04d", new java.util.Random().nextInt(1000),
                        new java.util.Random().nextInt(10_000)), "regi", "extern"))
                .expect(201).json().get("id").asString();
        String providerUser = unique("utforare");
        admin().post("/api/provider-users", Map.of("username", providerUser, "firstName", "Ulla", "lastName",
                "Utförare", "email", providerUser + "@utforare.example", "providerId", providerId)).expect(201);
        // an imported Lifecare intervention whose evaluations are due, with the fixture user as its caseworker
        owner.raw("/api/integrations/lifecare/import", "text/csv", ("personnummer;insatskod;lagrum;beslutsdatum;"
                + "startdatum;handläggare;förvaltning\n20150101-2387;hvb-barn-unga;lvu-2;2024-01-10;2024-01-15;"
                + username + ";exempelkommun-sof\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)).expect(200);
        if (!admin().get("/api/integrations/lifecare/coverage").expect(200).text().contains(username)) {
            throw new AssertionError("the Lifecare fixture is not in the owner's coverage report");
        }
        Map<String, String> fixtures = Map.ofEntries(Map.entry("id", responseId), Map.entry("changeId", changeId),
                Map.entry("username", username), Map.entry("methodId", methodId), Map.entry("version", "1"),
                Map.entry("response", responseId), Map.entry("user", userId), Map.entry("change", changeId),
                Map.entry("client", clientId), Map.entry("caseworker", "handlaggare"),
                Map.entry("providerUser", providerUser));

        Map<String, String> userFixtures = new java.util.HashMap<>(fixtures);
        userFixtures.put("id", userId);
        userFixtures.put("userId", userId);
        Map<String, String> caseFixtures = new java.util.HashMap<>(fixtures);
        JsonNode raised = owner.post("/api/cases", Map.of("personalIdentityNumber", "19121212-1212",
                "clientName", "Hemlig Klient", "targetGroup", "barn-unga", "legalBasis", "lvu-2")).expect(201).json();
        String caseId = raised.get("id").asString();
        caseFixtures.put("id", caseId);
        caseFixtures.put("verb", "avbryt");
        caseFixtures.put("case", caseId);
        fixtures = new java.util.HashMap<>(fixtures);
        fixtures.put("case", caseId);
        Api stranger = stranger();
        List<String> failures = new ArrayList<>();
        List<String> walked = new ArrayList<>();
        JsonNode paths = admin().get("/v3/api-docs").expect(200).json().get("paths");
        for (String path : paths.propertyNames()) {
            for (String method : paths.get(path).propertyNames()) {
                Rule rule = RULES.get(method + " " + path);
                if (rule == null) {
                    failures.add("no rule: " + method + " " + path);
                    continue;
                }
                String concrete = concrete(path, path.startsWith("/api/users/") ? userFixtures
                        : path.startsWith("/api/cases/") ? caseFixtures : fixtures);
                Object body = method.equals("get") || method.equals("delete") ? null : bodyFor(path, username);
                switch (rule.scope()) {
                    case ADMINISTRATION -> {
                        if (path.equals("/api/users") || path.equals("/api/responses") || path.equals("/api/cases")
                                || path.equals("/api/provider-users")) {
                            break; // creating: only into the caller's own administration, tested in its own test
                        }
                        var r = stranger.send(method.toUpperCase(), concrete, body);
                        if (r.status() != 404 || !r.json().path("code").asString("").endsWith("NOT_FOUND")) {
                            failures.add(method + " " + concrete + " -> " + r.status() + " " + r.text());
                        }
                        walked.add(method + " " + path);
                    }
                    case ADMINISTRATION_LIST -> {
                        String query = path.equals("/api/audit") ? "?subjectId=" + clientId : "";
                        var r = stranger.send(method.toUpperCase(), concrete + query,
                                method.equals("get") ? null : bodyFor(path, username));
                        String probe = fixtures.get(rule.probe());
                        if (r.status() != 200 || r.text().contains(probe)) {
                            failures.add(method + " " + concrete + query + " shows " + probe + ": " + r.status());
                        }
                        walked.add(method + " " + path);
                    }
                    case SYSTEM -> {
                        var r = stranger.send(method.toUpperCase(), concrete, body);
                        if (r.status() != 403) {
                            failures.add(method + " " + concrete + " -> " + r.status() + " (system only)");
                        }
                    }
                    case PORTAL -> {
                        var r = stranger.send(method.toUpperCase(), concrete, body);
                        if (r.status() != 403) {
                            failures.add(method + " " + concrete + " -> " + r.status() + " (provider users only)");
                        }
                        walked.add(method + " " + path);
                    }
                    default -> { }
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(walked).contains("get /api/responses/{id}", "patch /api/responses/{id}/answers",
                "post /api/responses/{id}/submit", "get /api/responses", "get /api/users/{id}", "put /api/users/{id}",
                "post /api/users/changes/{changeId}/approve", "put /api/autoanswer-presets/{username}/{methodId}",
                "get /api/usage", "get /api/users", "get /api/provider-users", "get /api/portal/me");

        // Nothing changed.
        JsonNode after = owner.get("/api/responses/" + responseId).expect(200).json();
        assertThat(after.get("revision").asLong()).isEqualTo(answered.get("revision").asLong());
        assertThat(after.get("status").asString()).isEqualTo("draft");
        assertThat(after.get("answers").get("notering").asString()).isEqualTo("hemligt");
        JsonNode userAfter = admin().get("/api/users/" + userId).expect(200).json();
        assertThat(userAfter.get("revision").asLong()).isEqualTo(userBefore.get("revision").asLong());
        assertThat(userAfter.get("active").asBoolean()).isTrue();
        assertThat(admin().get("/api/users/changes?status=pending").expect(200).text()).contains(changeId);
        assertThat(admin().get("/api/autoanswer-presets/" + username).expect(200).text()).contains(methodId);

        // The organisation shows the stranger only their own municipality.
        String org = stranger.get("/api/organisation").expect(200).text();
        assertThat(org).contains("Grannkommun").doesNotContain("Exempelkommun");
        // The owner's administrator does see the response.
        admin().get("/api/responses/" + responseId).expect(200);
    }

    /**
     * PA-9: a case moves with all its documents. A response filled in on a case is read and continued by whoever
     * holds the case now; the former caseworker, a colleague not involved and a stranger from another municipality
     * get 404 — and nobody may start a document on a case they cannot see.
     */
    @Test
    void aResponseOnACaseMovesWithTheCaseAndStaysHiddenFromOthers() {
        String methodId = unique("gd1-arende");
        IdentityFixtures.publish(admin(), methodId);
        Api former = Api.at(port).asCaseworker();
        JsonNode raised = former.post("/api/cases", Map.of("personalIdentityNumber", "19121212-1212",
                "clientName", "Flytt Klient", "targetGroup", "barn-unga", "legalBasis", "lvu-2")).expect(201).json();
        String caseId = raised.get("id").asString();
        JsonNode started = former.post("/api/responses", Map.of("methodId", methodId, "subject",
                Map.of("type", "case", "id", caseId, "attributes", Map.of()))).expect(201).json();
        String responseId = started.get("responseId").asString();
        JsonNode draft = former.patch("/api/responses/" + responseId + "/answers", Map.of("answers",
                Map.of("notering", "före flytten"), "revision", started.get("revision").asLong())).expect(200).json();

        String next = unique("ny-handlaggare");
        activeUser(next, "exempelkommun-sof", Map.of("PLACEMENT", "WRITE", "FOLLOW_UP", "WRITE"), PASSWORD);
        Api holder = Api.at(port).as(next, PASSWORD);
        // Before the transfer the next caseworker is not involved: the response does not exist for them.
        holder.get("/api/responses/" + responseId).expect(404);
        former.post("/api/cases/" + caseId + "/transfer", Map.of("revision", raised.get("revision").asLong(),
                "to", next)).expect(200);

        // The new holder reads and continues it, and it is among their responses.
        JsonNode read = holder.get("/api/responses/" + responseId).expect(200).json();
        assertThat(read.get("answers").get("notering").asString()).isEqualTo("före flytten");
        holder.patch("/api/responses/" + responseId + "/answers", Map.of("answers", Map.of("notering", "efter"),
                "revision", draft.get("revision").asLong())).expect(200);
        holder.post("/api/responses/" + responseId + "/submit", Map.of("revision",
                draft.get("revision").asLong() + 1)).expect(200);
        assertThat(former.get("/api/responses").expect(200).text()).doesNotContain(responseId);

        // The former caseworker and a stranger: 404, as for a response that does not exist (like the colleague
        // before the transfer, above).
        former.get("/api/responses/" + responseId).expect(404);
        former.patch("/api/responses/" + responseId + "/answers", Map.of("answers", Map.of("notering", "x"),
                "revision", 0)).expect(404);
        Api stranger = stranger();
        var r = stranger.send("GET", "/api/responses/" + responseId, null);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().path("code").asString()).isEqualTo("FORM_RESPONSE_NOT_FOUND");
        // Nor may anyone start a document on a case that is not theirs.
        stranger.post("/api/responses", Map.of("methodId", methodId, "subject", Map.of("type", "case", "id", caseId,
                "attributes", Map.of()))).expect(404);
        former.post("/api/responses", Map.of("methodId", methodId, "subject", Map.of("type", "case", "id", caseId,
                "attributes", Map.of()))).expect(404);
    }

    @Test
    void responsesAreTaggedWithTheCreatorsAdministration() {
        String methodId = unique("gd1-tagg");
        IdentityFixtures.publish(admin(), methodId);
        String clientId = unique("klient");
        JsonNode started = IdentityFixtures.start(Api.at(port).as("omsorg", "placera-demo"), methodId, clientId);
        var entries = admin().get("/api/audit?action=response.start&subjectId=" + clientId).expect(200).json();
        // The Socialförvaltningen administrator cannot see Vård och omsorg's audit entries either.
        assertThat(entries.size()).isZero();
        Api.at(port).asCaseworker().get("/api/responses/" + started.get("responseId").asString()).expect(404);
    }

    private static String concrete(String path, Map<String, String> fixtures) {
        var m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
        var sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, fixtures.getOrDefault(m.group(1), "x"));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static Object bodyFor(String path, String username) {
        if (path.equals("/api/cases/search")) {
            return Map.of("personalIdentityNumber", "19121212-1212");
        }
        if (path.equals("/api/cases/{id}/transfer")) {
            return Map.of("to", "handlaggare");
        }
        if (path.equals("/api/cases/{id}/notes")) {
            return Map.of("text", "kapad");
        }
        if (path.startsWith("/api/responses")) {
            return Map.of("answers", Map.of("notering", "ändrat"));
        }
        if (path.startsWith("/api/autoanswer-presets")) {
            return Map.of("values", Map.of("notering", "ändrat"));
        }
        if (path.endsWith("/changes")) {
            return Map.of("administrations", List.of("grannkommun-sof"));
        }
        if (path.equals("/api/users/{id}")) {
            return Map.of("firstName", "Kapad", "lastName", "Konto", "email", username + "@exempelkommun.se",
                    "administrations", List.of("exempelkommun-sof"), "permissions", Map.of("FOLLOW_UP", "WRITE"));
        }
        return Map.of();
    }
}
