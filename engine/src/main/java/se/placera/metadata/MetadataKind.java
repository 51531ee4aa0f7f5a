package se.placera.metadata;

import tools.jackson.databind.JsonNode;

/**
 * Descriptor of one metadata kind, with its lifecycle hooks. Adding a kind means adding one bean of this type
 * and one meta-schema file under {@code metadata/schemas/}; no other kind changes.
 */
public interface MetadataKind {

    /** Singular name, the value of {@code "kind"} in every definition, e.g. {@code method}. */
    String name();

    /** Plural, the collection name in the API path, e.g. {@code methods}. */
    String plural();

    /** Swedish display name for the console, e.g. {@code Metod}. */
    String title();

    /** Classpath location of the JSON Schema 2020-12 that every definition of this kind must satisfy. */
    default String metaSchema() {
        return "metadata/schemas/" + name() + ".schema.json";
    }

    /** Import order: kinds others refer to (codelists) come first. */
    default int importOrder() {
        return 100;
    }

    /**
     * Semantic checks beyond the meta-schema (references, rules). Runs on every save, where its problems are
     * warnings, and on publish, where they block. Only called once the content satisfies the meta-schema.
     */
    default void validate(JsonNode content, ValidationContext context) {
    }

    /** Called after a version has been published and stored. */
    default void afterPublish(Definition definition) {
    }
}
