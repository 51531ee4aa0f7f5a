package se.placera.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import se.placera.support.Api;
import se.placera.support.AppIntegrationTest;
import se.placera.support.TestMethods;

/**
 * "Ny metod" with an id that exists is refused instead of silently becoming a new version of that method (issue
 * 12, item 4): {@code ?create=true} answers 409 {@code METADATA_ID_TAKEN} naming the existing definition, and
 * nothing is stored; without it a save still updates the draft or starts a new version.
 */
@AppIntegrationTest
class NewDefinitionIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void creatingADefinitionWhoseIdExistsIsRefusedAndStoresNothing() {
        Api admin = Api.at(port).asAdmin();
        String id = "ny-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> method = new HashMap<>(TestMethods.cascading(id));
        JsonNode first = admin.post("/api/metadata/methods?create=true", method).expect(200).json();
        assertThat(first.at("/definition/version").asInt()).isEqualTo(1);
        admin.post("/api/metadata/methods/" + id + "/versions/1/publish", null).expect(200);

        method.put("title", "Någon annans metod med samma id");
        JsonNode taken = admin.post("/api/metadata/methods?create=true", method).expect(409).json();
        assertThat(taken.get("code").asString()).isEqualTo("METADATA_ID_TAKEN");
        assertThat(taken.get("id").asString()).isEqualTo(id);
        assertThat(taken.get("version").asInt()).isEqualTo(1);
        assertThat(taken.get("status").asString()).isEqualTo("published");
        assertThat(taken.at("/errors/0/pointer").asString()).isEqualTo("/id");
        assertThat(admin.get("/api/metadata/methods/" + id + "/versions").expect(200).json().size()).isEqualTo(1);

        // A standard method's id is taken too; saving without create=true still starts a new draft version.
        admin.post("/api/metadata/methods?create=true", new HashMap<>(TestMethods.cascading("vuxna-missbruk-uppfoljning")))
                .expect(409);
        assertThat(admin.post("/api/metadata/methods", method).expect(200).json().at("/definition/version").asInt())
                .isEqualTo(2);
    }
}
