package se.placera.metadata;

import java.util.Optional;

import tools.jackson.databind.JsonNode;

/** What a {@link MetadataKind#validate} hook may look at, and where it reports problems. */
public interface ValidationContext {

    /**
     * The content another definition will have once this save or import is done: the same bundle's entry if
     * it has one, else the latest published version in the store.
     */
    Optional<JsonNode> resolve(String kind, String id);

    /**
     * Every definition of a kind as it will be once this save or import is done: the bundle's entries, and the
     * latest published version of each other definition in the store (for checks across definitions, e.g. two
     * agreement templates that apply to the same placement).
     */
    default java.util.List<JsonNode> published(String kind) {
        return java.util.List.of();
    }

    /** Reports one problem at a JSON pointer into the definition's content. */
    void problem(String pointer, String code, String detail);
}
