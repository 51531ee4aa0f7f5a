package se.placera.metadata;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A portable set of definitions: the unit of export, import and the start-up load of {@code metadata/}.
 */
public record Bundle(String format, Instant exportedAt, List<Entry> definitions) {

    public static final String FORMAT = "placera-bundle/1";

    public Bundle {
        definitions = definitions == null ? List.of() : List.copyOf(definitions);
    }

    /**
     * One definition. {@code version} is informative on import (the store numbers versions itself);
     * {@code status} is {@code published} (default) or {@code draft}.
     */
    public record Entry(String kind, String id, Integer version, DefinitionStatus status, JsonNode content,
            String source) {
    }
}
