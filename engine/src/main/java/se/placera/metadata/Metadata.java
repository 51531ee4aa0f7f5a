package se.placera.metadata;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/** The metadata store: versioned definitions of every kind and their lifecycle. */
public interface Metadata {

    Collection<MetadataKind> kinds();

    MetadataKind kind(String nameOrPlural);

    /** The newest version of each definition of a kind (any status). */
    List<Definition> list(String kind);

    List<Definition> versions(String kind, String id);

    Definition get(String kind, String id, int version);

    Definition latest(String kind, String id);

    Optional<Definition> latestPublished(String kind, String id);

    /**
     * Saves content as the definition's draft: updates the open draft, or starts a new draft version after
     * the newest one. The content must satisfy the kind's meta-schema; hook problems come back as warnings.
     * Changing an open draft needs the {@code revision} of the draft read (428 {@code VERSION_REQUIRED} without
     * it, 409 if it is stale); starting a new draft needs none (of two starts of the same version one wins).
     */
    SaveResult saveDraft(String kind, JsonNode content, Long revision);

    /**
     * Saves content as the first draft of a new definition: like {@link #saveDraft}, but refuses (409
     * {@link MetadataProblemCodes#ID_TAKEN}) when a definition with that id exists in any status.
     */
    SaveResult createDraft(String kind, JsonNode content);

    ValidationReport validate(String kind, JsonNode content);

    Definition publish(String kind, String id, int version);

    Definition retire(String kind, String id, int version);

    Bundle export(Collection<String> kinds);

    ImportReport importBundle(Bundle bundle, boolean validateOnly);

    /** A saved draft and the non-blocking problems found in it. */
    record SaveResult(Definition definition, ValidationReport report) {
    }
}
