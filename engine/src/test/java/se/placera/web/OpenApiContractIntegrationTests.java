package se.placera.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import se.placera.support.Api;
import se.placera.support.AppIntegrationTest;

/**
 * The front ends' typed API client is generated from {@code runtime-ui/src/api/openapi.json}; this checks that
 * snapshot against the live {@code /v3/api-docs} (the paths the front ends call and every schema they reach).
 * On a difference it writes {@code engine/target/openapi-frontends.json}: copy it over the snapshot and run
 * {@code npm run openapi} in runtime-ui (Vitest then checks schema.d.ts against it).
 */
@AppIntegrationTest
class OpenApiContractIntegrationTests {

    static final String[] PREFIXES = {"/api/responses", "/api/methods", "/api/metadata", "/api/autoanswer-presets",
            "/api/register", "/api/matching", "/api/users", "/api/organisation", "/api/audit", "/api/usage",
            "/api/cases", "/api/portal", "/api/schedules", "/api/manual"};
    static final Path SNAPSHOT = Path.of("..", "runtime-ui", "src", "api", "openapi.json");

    @LocalServerPort
    int port;

    @Test
    void theFrontEndsSnapshotMatchesTheServersApiDescription() throws Exception {
        JsonNode live = Api.at(port).get("/v3/api-docs").expect(200).json();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "openapi.json"), live.toPrettyString());
        ObjectNode fresh = frontEndPart(live);
        JsonNode committed = Api.json(Files.readString(SNAPSHOT));
        boolean same = fresh.get("paths").equals(committed.get("paths"))
                && fresh.get("components").equals(committed.get("components"));
        if (!same) {
            ((ObjectNode) fresh).set("info", committed.get("info"));
            Files.writeString(Path.of("target", "openapi-frontends.json"), fresh.toPrettyString());
        }
        assertThat(same)
                .as("runtime-ui/src/api/openapi.json differs from /v3/api-docs: copy engine/target/openapi-frontends.json "
                        + "there and run 'npm run openapi' in runtime-ui, then fix the front ends where the types changed")
                .isTrue();
    }

    /** The paths with the front ends' prefixes and the component schemas they reference, transitively. */
    static ObjectNode frontEndPart(JsonNode doc) {
        ObjectNode out = Api.mapper().createObjectNode();
        out.set("openapi", doc.get("openapi"));
        ObjectNode paths = out.putObject("paths");
        for (Map.Entry<String, JsonNode> e : doc.get("paths").properties()) {
            for (String prefix : PREFIXES) {
                if (e.getKey().startsWith(prefix)) {
                    // operationIds are numbered across all controllers (list_1, get_2), so they are left out.
                    ObjectNode item = (ObjectNode) e.getValue().deepCopy();
                    for (Map.Entry<String, JsonNode> op : item.properties()) {
                        if (op.getValue().isObject()) {
                            ((ObjectNode) op.getValue()).remove("operationId");
                        }
                    }
                    paths.set(e.getKey(), item);
                    break;
                }
            }
        }
        JsonNode all = doc.path("components").path("schemas");
        Set<String> keep = new LinkedHashSet<>();
        collect(paths, all, keep);
        ObjectNode schemas = out.putObject("components").putObject("schemas");
        keep.stream().sorted().forEach(name -> schemas.set(name, all.get(name)));
        return out;
    }

    private static void collect(JsonNode node, JsonNode all, Set<String> keep) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isString() && ref.asString().startsWith("#/components/schemas/")) {
                String name = ref.asString().substring("#/components/schemas/".length());
                if (keep.add(name) && all.has(name)) {
                    collect(all.get(name), all, keep);
                }
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                collect(e.getValue(), all, keep);
            }
        } else if (node.isArray()) {
            for (Iterator<JsonNode> it = node.iterator(); it.hasNext();) {
                collect(it.next(), all, keep);
            }
        }
    }
}
