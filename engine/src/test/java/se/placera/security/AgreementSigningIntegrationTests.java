package se.placera.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import se.placera.agreements.AgreedPrices;
import se.placera.agreements.AgreementFixturesAccess;
import se.placera.documents.PdfSignatures;
import se.placera.placements.PlacementCases;
import se.placera.support.Api;

/**
 * IN-3, PA-7: the municipality's representative signs in the app, then the provider's signatory in the portal
 * (PAdES B-T, local test CA, validated with DSS and the report kept); a tilläggsavtal changes the agreed price from
 * its date once signed; the economy reads the price by date ({@link AgreedPrices}).
 */
class AgreementSigningIntegrationTests extends IdentityTestBase {

    static final String PASSWORD = "Grön-Eld-Vid-Ån-77";

    @Autowired
    PlacementCases cases;

    @Autowired
    PdfSignatures signatures;

    @Autowired
    AgreedPrices prices;

    Api providerUser(String providerId) {
        String username = unique("signatar");
        admin().post("/api/provider-users", Map.of("username", username, "firstName", "Örjan", "lastName", "Ägare",
                "email", username + "@angsgarden.example", "providerId", providerId)).expect(201);
        String mail = awaitMail(username + "@angsgarden.example", "Välkommen");
        Api.at(port).post("/api/auth/activate", Map.of("token", tokenIn(mail, "/activate"), "password", PASSWORD))
                .expect(204);
        return Api.at(port).as(username, PASSWORD);
    }

    @Test
    void bothPartiesSignInOrderAndASupplementChangesTheAgreedPriceFromItsDate() throws Exception {
        Api caseworker = Api.at(port).asCaseworker();
        var placed = AgreementFixturesAccess.placed(cases, admin(), caseworker, "ramavtal", 30, "Åke Ström");
        Api signatory = providerUser(placed.providerId());
        Api otherProvider = providerUser(AgreementFixturesAccess.provider(admin(), unique("Annan Omsorg AB")));
        JsonNode a = caseworker.post("/api/cases/" + placed.caseId() + "/agreements", Map.of()).expect(201).json();
        String id = a.get("id").asString();

        // Not the provider's turn yet, and the portal does not show an agreement the municipality has not signed.
        assertThat(signatory.get("/api/portal/agreements").expect(200).json()).isEmpty();
        signatory.post("/api/portal/agreements/" + id + "/signatures", Map.of("revision", a.get("revision")))
                .expect(404);
        caseworker.post("/api/agreements/" + id + "/signatures", Map.of()).expect(428);

        JsonNode first = caseworker.post("/api/agreements/" + id + "/signatures",
                Map.of("revision", a.get("revision").asLong())).expect(200).json();
        assertThat(first.get("status").asString()).isEqualTo("signeras");
        assertThat(first.get("nextSigner").asString()).isEqualTo("utforare");
        assertThat(first.at("/signatures/0/role").asString()).isEqualTo("kommun");
        assertThat(first.at("/signatures/0/provider").asString()).isEqualTo("local");
        // The municipality cannot sign twice; the free text is frozen.
        caseworker.post("/api/agreements/" + id + "/signatures", Map.of("revision", first.get("revision").asLong()))
                .expect(409);
        caseworker.put("/api/agreements/" + id + "/free-text", Map.of("revision", first.get("revision").asLong(),
                "freeText", Map.of("sarskildaVillkor", "ändrat"))).expect(409);

        // Another provider sees nothing of it; the right one reads and signs in the portal.
        assertThat(otherProvider.get("/api/portal/agreements").expect(200).text()).doesNotContain(id);
        assertThat(otherProvider.download("/api/portal/agreements/" + id + "/pdf").status()).isEqualTo(404);
        assertThat(signatory.get("/api/portal/agreements").expect(200).text()).contains(id);
        JsonNode second = signatory.post("/api/portal/agreements/" + id + "/signatures",
                Map.of("revision", first.get("revision").asLong())).expect(200).json();
        assertThat(second.get("status").asString()).isEqualTo("signerat");
        assertThat(second.get("nextSigner").isNull()).isTrue();
        assertThat(second.at("/history").toString()).contains("signerat av kommunen", "signerat av utföraren");

        byte[] pdf = caseworker.download("/api/agreements/" + id + "/pdf").bytes();
        PdfSignatures.Validation validation = signatures.validate(pdf);
        assertThat(validation.problems()).isEmpty();
        assertThat(validation.signatures()).hasSize(2);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getSignatureDictionaries()).hasSize(2);
        }

        // Before the supplement is signed, the main agreement's price holds throughout.
        JsonNode supplement = caseworker.post("/api/agreements/" + id + "/supplements", Map.of("revision",
                second.get("revision").asLong(), "pricePerDay", 4400, "validFrom", "2027-06-01", "freeText",
                Map.of("andring", "Utökad bemanning nattetid."))).expect(201).json();
        assertThat(supplement.get("templateId").asString()).isEqualTo("tillaggsavtal");
        assertThat(supplement.get("mainAgreementId").asString()).isEqualTo(id);
        String supplementId = supplement.get("id").asString();
        assertThat(caseworker.download("/api/agreements/" + supplementId + "/preview").text())
                .contains("4100 kronor", "4400 kronor", "2027-06-01");
        JsonNode before = caseworker.get("/api/cases/" + placed.caseId() + "/agreed-prices").expect(200).json();
        assertThat(before).hasSize(1);
        assertThat(before.at("/0/pricePerDay").asLong()).isEqualTo(4100);

        JsonNode s1 = caseworker.post("/api/agreements/" + supplementId + "/signatures", Map.of("revision",
                supplement.get("revision").asLong())).expect(200).json();
        signatory.post("/api/portal/agreements/" + supplementId + "/signatures", Map.of("revision",
                s1.get("revision").asLong())).expect(200);

        JsonNode after = caseworker.get("/api/cases/" + placed.caseId() + "/agreed-prices").expect(200).json();
        assertThat(after).hasSize(2);
        assertThat(after.at("/0/from").asString()).isEqualTo("2027-01-20");
        assertThat(after.at("/0/until").asString()).isEqualTo("2027-05-31");
        assertThat(after.at("/1/pricePerDay").asLong()).isEqualTo(4400);
        assertThat(AgreementFixturesAccess.as("handlaggare", () -> prices.on(placed.caseId(),
                LocalDate.of(2027, 5, 31)))).contains(4100L);
        assertThat(AgreementFixturesAccess.as("handlaggare", () -> prices.on(placed.caseId(),
                LocalDate.of(2027, 6, 1)))).contains(4400L);

        // The economy prices the placement's days from the signed agreements (EC-1): 4 400 kr from 1 June.
        JsonNode costs = caseworker.get("/api/economy/placements/" + placed.caseId()
                + "/costs?from=2027-05-30&to=2027-06-02").expect(200).json();
        java.util.List<String> perDay = costs.get("lines").valueStream()
                .map(l -> l.get("from").asString() + " " + l.path("perDayOre").asLong()).toList();
        assertThat(perDay).containsExactly("2027-05-30 410000", "2027-06-01 440000");
    }
}
