package se.placera.metadata.internal;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Storage shape of one version. The content is kept as canonical JSON text so that it round-trips exactly
 * (keys such as {@code $schema} are not legal MongoDB field names) and its hash is stable.
 * The id {@code kind:definitionId:version} makes creating the same version twice fail on the primary key,
 * which serialises concurrent "new version" requests without transactions.
 */
@Document("metadata_definitions")
class DefinitionDocument {

    @Id
    String key;
    String kind;
    String definitionId;
    int version;
    String status;
    String content;
    String contentHash;
    Instant createdAt;
    String createdBy;
    Instant updatedAt;
    Instant publishedAt;
    String publishedBy;
    Instant retiredAt;
    String retiredBy;
    String source;
    @Version
    Long revision;

    static String key(String kind, String id, int version) {
        return kind + ":" + id + ":" + version;
    }
}
