package se.placera.metadata.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Canonical form (object keys sorted, no whitespace) and content hash of a JSON document. */
final class CanonicalJson {

    private CanonicalJson() {
    }

    static JsonNode canonical(JsonMapper mapper, JsonNode node) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(node.properties());
            entries.sort(Map.Entry.comparingByKey());
            ObjectNode out = mapper.createObjectNode();
            for (var e : entries) {
                out.set(e.getKey(), canonical(mapper, e.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            var out = mapper.createArrayNode();
            node.forEach(n -> out.add(canonical(mapper, n)));
            return out;
        }
        return node;
    }

    static String toString(JsonMapper mapper, JsonNode node) {
        return mapper.writeValueAsString(canonical(mapper, node));
    }

    static String hash(String canonicalJson) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalJson.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
