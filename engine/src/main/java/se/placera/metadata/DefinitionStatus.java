package se.placera.metadata;

import com.fasterxml.jackson.annotation.JsonValue;

/** Lifecycle of one version of a definition. Published versions never change. */
public enum DefinitionStatus {
    DRAFT, PUBLISHED, RETIRED;

    @JsonValue
    public String json() {
        return name().toLowerCase();
    }

    public static DefinitionStatus parse(String s) {
        return valueOf(s.trim().toUpperCase());
    }
}
