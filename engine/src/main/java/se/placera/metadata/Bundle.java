package se.placera.metadata;

import jakarta.validation.constraints.Size;
import se.placera.shared.InputLimits;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A portable set of definitions: the unit of export, import and the start-up load of {@code metadata/}.
 */
public record Bundle(@Size(max = InputLimits.ID) String format, Instant exportedAt,
        @Size(max = InputLimits.LONG_LIST) List<@Valid Entry> definitions) {

    public static final String FORMAT = "placera-bundle/1";

    public Bundle {
        definitions = definitions == null ? List.of() : List.copyOf(definitions);
    }

    /**
     * One definition. {@code version} is informative on import (the store numbers versions itself);
     * {@code status} is {@code published} (default) or {@code draft}.
     */
    public record Entry(@Size(max = InputLimits.ID) String kind, @Size(max = InputLimits.ID) String id, Integer version,
            DefinitionStatus status, JsonNode content, @Size(max = InputLimits.SHORT_TEXT) String source) {
    }
}
