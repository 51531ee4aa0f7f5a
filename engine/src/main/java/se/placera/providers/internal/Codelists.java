package se.placera.providers.internal;

import se.placera.shared.CacheGenerations;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import se.placera.metadata.DefinitionPublished;
import se.placera.metadata.Metadata;

/**
 * The published standard codelists as the register reads them: value → item (label, attributes). Cached until a
 * new version is published. The metadata store is looked up lazily: it needs the option source, which needs this.
 */
@Component
public class Codelists {

    public static final String TARGET_GROUPS = "malgrupper";
    public static final String PLACEMENT_FORMS = "placeringsformer";
    public static final String LEGAL_BASES = "lagrum";
    public static final String GENDERS = "kon";
    public static final String NEEDS = "behov";
    /** Localities with {@code lat}/{@code lon} attributes: the gazetteer matching measures distances from. */
    public static final String LOCALITIES = "orter";

    private static final Logger log = LoggerFactory.getLogger(Codelists.class);

    private final ObjectProvider<Metadata> metadata;
    private final Map<String, Optional<Map<String, JsonNode>>> cache = new ConcurrentHashMap<>();
    /** The retired values ({@code active: false}) of each codelist read into {@link #cache}. */
    private final Map<String, java.util.Set<String>> retired = new ConcurrentHashMap<>();

    /** Definitions published or retired on another instance (shared.CacheGenerations): the cache is dropped. */
    private final CacheGenerations.Watch definitions;

    Codelists(ObjectProvider<Metadata> metadata, CacheGenerations generations) {
        this.metadata = metadata;
        this.definitions = generations.watch("metadata_definitions");
    }

    /** The items of a published codelist by value, or empty when the codelist is not published. */
    public Optional<Map<String, JsonNode>> items(String codelistId) {
        if (definitions.changed()) {
            cache.clear();
        }
        Optional<Map<String, JsonNode>> cached = cache.get(codelistId);
        if (cached != null) {
            return cached;
        }
        Optional<Map<String, JsonNode>> loaded = load(codelistId);
        if (loaded.isPresent()) {
            cache.put(codelistId, loaded);
        }
        return loaded;
    }

    /**
     * Whether the value is in the codelist. Fails closed: false when the codelist is not published or cannot be
     * read; callers tell the two apart with {@link #available(String)} to report {@code codelist-unavailable}.
     */
    public boolean contains(String codelistId, String value) {
        return items(codelistId).map(m -> m.containsKey(value)).orElse(false);
    }

    /** Whether the codelist is published and readable, so that values can be checked against it. */
    public boolean available(String codelistId) {
        return items(codelistId).isPresent();
    }

    /** Whether the value is a retired item ({@code active: false}) of the published codelist. */
    public boolean retired(String codelistId, String value) {
        return items(codelistId).isPresent() && retired.getOrDefault(codelistId, java.util.Set.of()).contains(value);
    }

    /**
     * Checks coded values against a codelist and adds a problem per refused value: {@code not-in-codelist}, or
     * {@code codelist-unavailable} naming the codelist when it is missing or unreadable (nothing is accepted then).
     */
    public void check(java.util.List<se.placera.shared.Problem> out, String pointer, String value, String codelistId) {
        if (!available(codelistId)) {
            out.add(new se.placera.shared.Problem(pointer, se.placera.providers.RegisterProblemCodes.CODELIST_UNAVAILABLE,
                    "The codelist '" + codelistId + "' is not published or cannot be read, so '" + value
                            + "' cannot be checked and is refused.", Map.of("codelist", codelistId)));
        } else if (value == null || !contains(codelistId, value)) {
            out.add(new se.placera.shared.Problem(pointer, se.placera.providers.RegisterProblemCodes.NOT_IN_CODELIST,
                    "'" + value + "' is not a value of the codelist '" + codelistId + "'.",
                    value == null ? Map.of("codelist", codelistId) : Map.of("value", value, "codelist", codelistId)));
        }
    }

    public String label(String codelistId, String value) {
        return items(codelistId).map(m -> m.get(value)).map(n -> n.path("label").asString(value)).orElse(value);
    }

    /** A boolean attribute of an item, e.g. {@code tillstandspliktig} of a placement form. */
    public boolean flag(String codelistId, String value, String attribute, boolean fallback) {
        return items(codelistId).map(m -> m.get(value)).map(n -> n.path("attributes").path(attribute))
                .filter(JsonNode::isBoolean).map(JsonNode::asBoolean).orElse(fallback);
    }

    private Optional<Map<String, JsonNode>> load(String id) {
        try {
            return metadata.getObject().latestPublished("codelist", id).map(d -> {
                Map<String, JsonNode> items = new LinkedHashMap<>();
                java.util.Set<String> off = new java.util.HashSet<>();
                for (JsonNode item : d.content().path("items")) {
                    if (item.path("active").asBoolean(true)) {
                        items.put(item.path("value").asString(), item);
                    } else {
                        off.add(item.path("value").asString());
                    }
                }
                retired.put(id, java.util.Set.copyOf(off));
                return Map.copyOf(items);
            });
        } catch (RuntimeException e) {
            log.warn("Codelist {} could not be read: {}", id, e.getMessage());
            return Optional.empty();
        }
    }

    @EventListener
    void on(DefinitionPublished event) {
        if ("codelist".equals(event.kind())) {
            cache.remove(event.id());
        }
    }
}
