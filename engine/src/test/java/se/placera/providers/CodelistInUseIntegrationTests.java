package se.placera.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import se.placera.support.Api;
import se.placera.support.AppIntegrationTest;

/**
 * A codelist version that drops a value still in use is refused (issue 12, item 5): the problem lists each use
 * (kind, id, field) from the register's units and the forms' methods and responses, and asks to retire the value
 * instead; a retired value stays on the units that hold it but cannot be chosen anew, and the register's error
 * for a value outside the codelist names the value.
 */
@AppIntegrationTest
class CodelistInUseIntegrationTests {

    @LocalServerPort
    int port;

    Api admin() {
        return Api.at(port).asAdmin();
    }

    /** The revision of a draft left open by a refused publish, per codelist (changing it needs If-Match). */
    final Map<Object, Long> openDrafts = new java.util.HashMap<>();

    /** Publishes the codelist as a new version; returns the response (200, or the refusal). */
    Api.Response publish(Map<String, Object> codelist) {
        Object id = codelist.get("id");
        Map<String, String> ifMatch = openDrafts.containsKey(id)
                ? Map.of("If-Match", String.valueOf(openDrafts.get(id))) : Map.of();
        JsonNode saved = admin().send("POST", "/api/metadata/codelists", codelist, ifMatch).expect(200).json();
        int version = saved.at("/definition/version").asInt();
        Api.Response published = admin().post("/api/metadata/codelists/" + id + "/versions/" + version + "/publish",
                null);
        if (published.status() == 200) {
            openDrafts.remove(id);
        } else {
            openDrafts.put(id, saved.at("/definition/revision").asLong());
        }
        return published;
    }

    /** The published codelist's content, as a map to change. */
    @SuppressWarnings("unchecked")
    Map<String, Object> published(String id) {
        JsonNode content = admin().get("/api/metadata/codelists/" + id + "?status=published").expect(200).json()
                .get("content");
        return new LinkedHashMap<>(Api.mapper().convertValue(content, Map.class));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> withItems(Map<String, Object> codelist, java.util.function.UnaryOperator<List<Map<String, Object>>> change) {
        Map<String, Object> copy = new LinkedHashMap<>(codelist);
        List<Map<String, Object>> items = new ArrayList<>();
        ((List<Map<String, Object>>) codelist.get("items")).forEach(i -> items.add(new LinkedHashMap<>(i)));
        copy.put("items", change.apply(items));
        return copy;
    }

    @Test
    void droppingAValueAUnitHoldsIsRefusedRetiringItKeepsTheUnitSaveable() {
        RegisterFixtures f = new RegisterFixtures(port);
        String need = "test-behov-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> behov = published("behov");
        assertThat(publish(withItems(behov, items -> {
            items.add(new LinkedHashMap<>(Map.of("value", need, "label", "Testbehov")));
            return items;
        })).status()).isEqualTo(200);

        String providerId = f.createProvider("Kodtestet AB", "extern").get("id").asString();
        Map<String, Object> unit = RegisterFixtures.hvb(providerId, "Kodtestgården", "Kodområdet", 3000);
        unit.put("needs", List.of("npf", need));
        JsonNode created = f.createUnit(unit).get("unit");
        String unitId = created.get("id").asString();

        // Dropping the value: refused, nothing published, the use listed with kind, id and field.
        Map<String, Object> withItsValue = published("behov");
        Api.Response refused = publish(withItems(withItsValue, items -> {
            items.removeIf(i -> need.equals(i.get("value")));
            return items;
        }));
        assertThat(refused.status()).isEqualTo(409);
        JsonNode problem = refused.json();
        assertThat(problem.get("code").asString()).isEqualTo("METADATA_CODE_IN_USE");
        assertThat(problem.get("usages").toString()).contains("\"value\":\"" + need + "\"", "\"kind\":\"unit\"",
                "\"id\":\"" + unitId + "\"", "\"field\":\"/needs\"", "\"name\":\"Kodtestgården\"");
        JsonNode error = problem.get("errors").get(0);
        assertThat(error.get("code").asString()).isEqualTo("codelist.value-in-use");
        assertThat(error.get("pointer").asString()).isEqualTo("/items");
        assertThat(error.at("/params/value").asString()).isEqualTo(need);
        assertThat(error.at("/params/id").asString()).isEqualTo(unitId);
        assertThat(error.get("detail").asString()).contains("active: false");
        JsonNode stillPublished = admin().get("/api/metadata/codelists/behov?status=published").expect(200).json();
        assertThat(stillPublished.get("content").toString()).contains(need);
        // The draft's save already warned about it.
        JsonNode draft = admin().get("/api/metadata/codelists/behov").expect(200).json();
        assertThat(draft.get("status").asString()).isEqualTo("draft");

        // Retiring it instead is published; the unit that holds it can still be saved.
        assertThat(publish(withItems(withItsValue, items -> {
            items.stream().filter(i -> need.equals(i.get("value"))).forEach(i -> i.put("active", false));
            return items;
        })).status()).isEqualTo(200);
        Map<String, Object> update = new HashMap<>(unit);
        update.put("version", created.get("version").asLong());
        update.put("places", 9);
        admin().put("/api/register/units/" + unitId, update).expect(200);

        // A new unit cannot choose the retired value; the error names it.
        Map<String, Object> another = RegisterFixtures.hvb(providerId, "Kodtestgården 2", "Kodområdet", 3000);
        another.put("needs", List.of(need));
        JsonNode invalid = admin().post("/api/register/units", another).expect(400).json();
        JsonNode notIn = invalid.get("errors").get(0);
        assertThat(notIn.get("code").asString()).isEqualTo("not-in-codelist");
        assertThat(notIn.get("pointer").asString()).isEqualTo("/needs/0");
        assertThat(notIn.at("/params/value").asString()).isEqualTo(need);
        assertThat(notIn.at("/params/codelist").asString()).isEqualTo("behov");
    }

    @Test
    void droppingAValueAMethodOrAResponseUsesIsRefused() {
        String list = "testfarger-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> codelist = new LinkedHashMap<>(Map.of("kind", "codelist", "id", list, "title", "Färger",
                "items", List.of(Map.of("value", "rod", "label", "Röd"), Map.of("value", "bla", "label", "Blå"),
                        Map.of("value", "gron", "label", "Grön"), Map.of("value", "gul", "label", "Gul"))));
        assertThat(publish(codelist).status()).isEqualTo(200);
        String methodId = "fargmetod-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> method = new LinkedHashMap<>();
        method.put("kind", "method");
        method.put("id", methodId);
        method.put("title", "Färgmetoden");
        method.put("purpose", "evaluation");
        method.put("subjectType", "client");
        method.put("areas", List.of(Map.of("id", "a", "title", "Färg", "questions", List.of(
                Map.of("id", "farg", "text", "Vilken färg?", "kind", "background", "answerType", "single",
                        "options", Map.of("codelist", list)),
                Map.of("id", "varfor", "text", "Varför blått?", "kind", "background", "answerType", "text",
                        "visibleWhen", "answers.farg == 'bla'")))));
        admin().post("/api/metadata/methods", method).expect(200);
        admin().post("/api/metadata/methods/" + methodId + "/versions/1/publish", null).expect(200);
        Api caseworker = Api.at(port).asCaseworker();
        JsonNode started = caseworker.post("/api/responses", Map.of("methodId", methodId,
                "subject", Map.of("type", "client", "id", "K-" + list))).expect(201).json();
        String responseId = started.get("responseId").asString();
        caseworker.patch("/api/responses/" + responseId + "/answers", Map.of("answers", Map.of("farg", "rod"),
                "revision", started.get("revision").asLong())).expect(200);

        // Dropping "rod" (a response's answer), "bla" (a rule of the method) and "gul" (unused) is refused for the
        // first two; the problem names the uses.
        Api.Response refused = publish(withItems(codelist, items -> new ArrayList<>(
                items.stream().filter(i -> "gron".equals(i.get("value"))).toList())));
        assertThat(refused.status()).isEqualTo(409);
        String usages = refused.json().get("usages").toString();
        assertThat(usages).contains("{\"value\":\"rod\",\"kind\":\"response\",\"id\":\"" + responseId + "\"",
                "\"field\":\"/answers/farg\"");
        assertThat(usages).contains("{\"value\":\"bla\",\"kind\":\"method\",\"id\":\"" + methodId + "\"",
                "\"field\":\"/areas/0/questions/1/visibleWhen\"");
        assertThat(usages).doesNotContain("\"gul\"");

        // Dropping only the unused value is published.
        assertThat(publish(withItems(codelist, items -> new ArrayList<>(
                items.stream().filter(i -> !"gul".equals(i.get("value"))).toList()))).status()).isEqualTo(200);
    }
}
