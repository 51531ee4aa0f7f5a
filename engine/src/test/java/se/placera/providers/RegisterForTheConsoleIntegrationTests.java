package se.placera.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import se.placera.support.AppIntegrationTest;

/**
 * What the console needs of the register (issue 12, items 10 and 11): a unit says why matching leaves it out
 * (no IVO permit, an expired one, one that does not cover a placement form, no price, inactive), the
 * organisationsnummer is accepted without its dash, and a wrong one has its own code.
 */
@AppIntegrationTest
class RegisterForTheConsoleIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void aUnitSaysWhyMatchingLeavesItOut() {
        RegisterFixtures f = new RegisterFixtures(port);
        String providerId = f.createProvider("Uteslutna AB", "extern").get("id").asString();
        Map<String, Object> unit = RegisterFixtures.hvb(providerId, "Utan tillstånd", "Uteområdet", 3000);
        unit.remove("ivoPermit");
        unit.put("prices", List.of());
        JsonNode created = f.createUnit(unit);
        String unitId = created.at("/unit/id").asString();
        assertThat(created.get("matchingExclusions").toString())
                .contains("{\"code\":\"ivo-tillstand\",\"detail\":\"missing\",\"placementForm\":\"hvb-barn-unga\"")
                .contains("{\"code\":\"pris\",\"detail\":\"missing\",\"placementForm\":null");

        // An expired permit, then one that does not cover the placement form; then a valid one and a price.
        Map<String, Object> update = new HashMap<>(unit);
        update.put("version", created.at("/unit/version").asLong());
        update.put("ivoPermit", Map.of("number", "IVO-1", "scope", List.of("hvb-barn-unga"), "validFrom", "2015-01-01",
                "validTo", "2016-12-31"));
        JsonNode expired = f.admin.put("/api/register/units/" + unitId, update).expect(200).json();
        assertThat(expired.get("matchingExclusions").toString()).contains("\"detail\":\"expired\"");
        update.put("version", expired.at("/unit/version").asLong());
        update.put("ivoPermit", Map.of("number", "IVO-1", "scope", List.of("stodboende"), "validFrom", "2015-01-01"));
        JsonNode scope = f.admin.put("/api/register/units/" + unitId, update).expect(200).json();
        assertThat(scope.get("matchingExclusions").toString()).contains("\"detail\":\"scope\"");
        update.put("version", scope.at("/unit/version").asLong());
        update.put("ivoPermit", Map.of("number", "IVO-1", "scope", List.of("hvb-barn-unga"), "validFrom", "2015-01-01"));
        update.put("prices", List.of(Map.of("validFrom", "2020-01-01", "model", "nivaer",
                "levels", Map.of("1", 2800, "3", 4200))));
        JsonNode fine = f.admin.put("/api/register/units/" + unitId, update).expect(200).json();
        assertThat(fine.get("matchingExclusions").size()).as(fine.get("matchingExclusions").toString()).isZero();
        assertThat(fine.at("/unit/prices/0/levels/3").asInt()).isEqualTo(4200);

        // Inactive: a search can never find it, whatever the criteria.
        update.put("version", fine.at("/unit/version").asLong());
        update.put("active", false);
        JsonNode inactive = f.admin.put("/api/register/units/" + unitId, update).expect(200).json();
        assertThat(inactive.get("matchingExclusions").toString()).contains("{\"code\":\"inaktiv\",\"detail\":\"unit\"");
        assertThat(inactive.at("/matchingExclusions/0/date").asString()).isEqualTo(LocalDate.now().toString());
    }

    @Test
    void theOrganisationNumberIsAcceptedWithoutItsDashAndAWrongOneHasItsOwnCode() {
        RegisterFixtures f = new RegisterFixtures(port);
        String dashed = RegisterFixtures.orgNumber();
        String digits = dashed.replace("-", "");
        JsonNode created = f.admin.post("/api/register/providers", Map.of("name", "Strecklösa AB",
                "orgNumber", " " + digits + " ", "regi", "extern")).expect(201).json();
        assertThat(created.get("orgNumber").asString()).isEqualTo(dashed);
        // The same number with the dash is the same provider.
        JsonNode duplicate = f.admin.post("/api/register/providers", Map.of("name", "Streckade AB",
                "orgNumber", dashed, "regi", "extern")).expect(400).json();
        assertThat(duplicate.at("/errors/0/code").asString()).isEqualTo("duplicate");

        for (String wrong : List.of("12345", "55667788990", "556677-889X", "5566-778899" + UUID.randomUUID())) {
            JsonNode refused = f.admin.post("/api/register/providers", Map.of("name", "Felaktiga AB",
                    "orgNumber", wrong, "regi", "extern")).expect(400).json();
            assertThat(refused.at("/errors/0/pointer").asString()).isEqualTo("/orgNumber");
            assertThat(refused.at("/errors/0/code").asString()).as(wrong).isEqualTo("invalid-org-number");
        }
    }
}
