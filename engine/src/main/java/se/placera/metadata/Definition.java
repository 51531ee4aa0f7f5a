package se.placera.metadata;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * One version of one definition of some kind.
 *
 * @param contentHash SHA-256 of the canonical JSON of {@code content}; equal content, equal hash
 * @param source      where it came from: {@code api}, {@code bundle} or {@code file:<path>}
 * @param revision    the stored revision: a change of a draft names it (If-Match), see {@link Metadata#saveDraft}
 */
public record Definition(String kind, String id, int version, DefinitionStatus status, JsonNode content,
        String contentHash, Instant createdAt, String createdBy, Instant updatedAt, Instant publishedAt,
        String publishedBy, Instant retiredAt, String source, Long revision) {

    public String title() {
        JsonNode t = content.get("title");
        return t == null ? id : t.asString();
    }
}
