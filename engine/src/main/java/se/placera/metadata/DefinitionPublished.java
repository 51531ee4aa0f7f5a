package se.placera.metadata;

/** Event: a version was published (and is from now on immutable). */
public record DefinitionPublished(String kind, String id, int version) {
}
