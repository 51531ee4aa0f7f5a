package se.placera.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import se.placera.security.IdentityTestBase;
import se.placera.support.Api;

/**
 * Issue #11, item 10: the edges that reached the register or the designer without their permission. The
 * {@code providers} option source offers units (and their prices) only to users with REGISTER READ; the form
 * preview needs method design rights (administration console at ADMIN).
 */
class RegisterEdgesIntegrationTests extends IdentityTestBase {

    static final String PASSWORD = "Blå-Cykel-Vid-Sjön-42";

    private String publish(Map<String, Object> method) {
        JsonNode saved = admin().post("/api/metadata/methods", method).expect(200).json();
        int version = saved.at("/definition/version").asInt();
        admin().post("/api/metadata/methods/" + method.get("id") + "/versions/" + version + "/publish", null)
                .expect(200);
        return (String) method.get("id");
    }

    @Test
    void theProvidersOptionSourceNeedsRegisterRead() {
        RegisterFixtures f = new RegisterFixtures(port);
        String area = RegisterFixtures.unique("kant");
        String provider = f.createProvider("Kant AB", "extern").get("id").asString();
        String unit = f.createUnit(RegisterFixtures.hvb(provider, "Kantgården", area, 3000)).at("/unit/id").asString();
        String method = publish(Map.of("kind", "method", "id", RegisterFixtures.unique("kant-val"), "title", "Val",
                "purpose", "placement-inquiry", "areas", List.of(Map.of("id", "val", "title", "Val", "questions",
                        List.of(Map.of("id", "enhet", "text", "Vilket HVB?", "kind", "background", "answerType",
                                "single", "options", Map.of("source", "providers", "params",
                                        Map.of("tenderArea", area))))))));

        // With REGISTER READ (the demo caseworker): the unit, with its price.
        JsonNode withRead = Api.at(port).asCaseworker().post("/api/responses", Map.of("methodId", method))
                .expect(201).json();
        assertThat(withRead.at("/areas/0/questions/0/options").toString()).contains(unit).contains("pricePerDay");

        // Without any REGISTER right: no units, no prices.
        String username = unique("utan-register");
        activeUser(username, "exempelkommun-sof", Map.of("FOLLOW_UP", "WRITE"), PASSWORD);
        JsonNode without = Api.at(port).as(username, PASSWORD).post("/api/responses", Map.of("methodId", method))
                .expect(201).json();
        assertThat(without.at("/areas/0/questions/0").toString()).doesNotContain(unit).doesNotContain("Kantgården")
                .doesNotContain("pricePerDay");
    }

    @Test
    void theFormPreviewNeedsMethodDesignRights() {
        String method = publish(se.placera.security.IdentityFixtures.simpleMethod(unique("forhands")));
        String path = "/api/methods/" + method + "/versions/1/preview";
        var refused = Api.at(port).asCaseworker().post(path, Map.of("answers", Map.of()));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("code").asString()).isEqualTo("FORBIDDEN");
        admin().post(path, Map.of("answers", Map.of())).expect(200);
    }
}
