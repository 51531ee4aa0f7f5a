package se.placera.agreements;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;

import se.placera.placements.PlacementCases;
import se.placera.support.Api;
import se.placera.support.TestUnits;

/** A decided placement to make agreements from: provider, unit (with its agreement type), case placed there. */
final class AgreementFixtures {

    record Placed(String caseId, String unitId, String providerId) {
    }

    private AgreementFixtures() {
    }

    static String provider(Api admin, String name) {
        long n = Math.abs(UUID.randomUUID().getMostSignificantBits()) % 10_000_000_000L;
        String digits = String.format("%010d", n);
        return admin.post("/api/register/providers", Map.of("name", name, "orgNumber", digits.substring(0, 6) + "-"
                + digits.substring(6), "regi", "extern")).expect(201).json().get("id").asString();
    }

    /** A unit; {@code agreementType} ramavtal (under a framework agreement made here) or direktupphandling. */
    static String unit(Api admin, String providerId, String name, String agreementType, Integer noticeDays) {
        Map<String, Object> u = new HashMap<>(TestUnits.hvbForYoungPeople(providerId, name));
        Map<String, Object> agreement = new HashMap<>();
        agreement.put("type", agreementType);
        if ("ramavtal".equals(agreementType)) {
            String framework = "ra-" + UUID.randomUUID().toString().substring(0, 8);
            admin.put("/api/register/framework-agreements/" + framework, Map.of("name", "HVB Barn och unga",
                    "placementForms", List.of("hvb-barn-unga"), "validFrom", "2025-01-01", "validTo", "2028-12-31",
                    "active", true)).expect(200);
            agreement.put("frameworkAgreementId", framework);
        }
        u.put("agreement", agreement);
        if (noticeDays != null) {
            u.put("noticePeriodDays", noticeDays);
        }
        u.put("address", Map.of("street", "Ängsvägen 1", "postalCode", "752 20", "city", "Uppsala"));
        return admin.post("/api/register/units", u).expect(201).json().at("/unit/id").asString();
    }

    /** A case of the caseworker, sent to inquiry. */
    static String sentCase(Api caseworker, String clientName) {
        JsonNode c = caseworker.post("/api/cases", Map.of("personalIdentityNumber", "19121212-1212", "clientName",
                clientName, "targetGroup", "barn-unga", "placementForm", "hvb-barn-unga", "legalBasis", "sol"))
                .expect(201).json();
        String id = c.get("id").asString();
        caseworker.post("/api/cases/" + id + "/skicka-forfragan", Map.of("revision", c.get("revision").asLong()))
                .expect(200);
        return id;
    }

    /** Places the case at the unit (what the inquiry decision does), as the caseworker. */
    static void place(PlacementCases cases, Api caseworker, String caseId, String unitId, String providerId,
            int pricePerDay, LocalDate start) {
        long revision = caseworker.get("/api/cases/" + caseId).expect(200).json().get("revision").asLong();
        as("handlaggare", () -> cases.recordPlacement(caseId, "besluta", new PlacementCases.Placement(revision, unitId,
                "Enhet " + unitId, providerId, "Utförare " + providerId, pricePerDay, start, "round-x", "inquiry-x",
                "Bäst matchning.")));
    }

    static Placed placed(PlacementCases cases, Api admin, Api caseworker, String agreementType, Integer noticeDays,
            String clientName) {
        String providerId = provider(admin, "Ängsgården Omsorg AB " + UUID.randomUUID().toString().substring(0, 6));
        String unitId = unit(admin, providerId, "Ängsgårdens HVB", agreementType, noticeDays);
        String caseId = sentCase(caseworker, clientName);
        place(cases, caseworker, caseId, unitId, providerId, 4100, LocalDate.of(2027, 1, 20));
        return new Placed(caseId, unitId, providerId);
    }

    static <T> T as(String username, Supplier<T> action) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
