package se.placera.inquiries.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import se.placera.metadata.Definition;
import se.placera.metadata.DefinitionPublished;
import se.placera.metadata.DefinitionStatus;
import se.placera.metadata.Metadata;
import se.placera.shared.CacheGenerations;

/**
 * Chooses the method of a purpose ({@code placement-inquiry}, {@code provider-response}) for a case by the
 * methods' {@code appliesWhen}: every fact listed must match the case; of the matches, the most specific wins (a
 * placement form counts more than a target group), then the lowest id, so the choice is stable. The published
 * methods of each purpose are kept in memory: dropped when a method is published here, when the definitions change
 * on another instance ({@link CacheGenerations}), and at the latest after {@link #TTL} (a retirement publishes no
 * event).
 */
@Component
class InquiryMethods {

    static final String INQUIRY = "placement-inquiry";
    static final String RESPONSE = "provider-response";

    static final Duration TTL = Duration.ofSeconds(30);

    private final Metadata metadata;
    private final Clock clock;
    private final CacheGenerations.Watch definitions;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(List<Definition> methods, Instant until) {
    }

    InquiryMethods(Metadata metadata, Clock clock, CacheGenerations generations) {
        this.metadata = metadata;
        this.clock = clock;
        this.definitions = generations.watch("metadata_definitions");
    }

    Optional<Definition> choose(String purpose, Map<String, Object> facts) {
        return published(purpose).stream()
                .filter(d -> score(d.content().path("appliesWhen"), facts) >= 0)
                .max(Comparator.<Definition>comparingInt(d -> score(d.content().path("appliesWhen"), facts))
                        .thenComparing(Definition::id, Comparator.reverseOrder()));
    }

    /** The published version in use of every method of a purpose. */
    private List<Definition> published(String purpose) {
        if (definitions.changed()) {
            cache.clear();
        }
        Instant now = clock.instant();
        Cached cached = cache.get(purpose);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.methods();
        }
        List<Definition> methods = metadata.list("method").stream()
                .map(d -> d.status() == DefinitionStatus.PUBLISHED ? d
                        : metadata.latestPublished("method", d.id()).orElse(null))
                .filter(d -> d != null && purpose.equals(d.content().path("purpose").asString("")))
                .toList();
        cache.put(purpose, new Cached(methods, now.plus(TTL)));
        return methods;
    }

    @EventListener
    void on(DefinitionPublished event) {
        if ("method".equals(event.kind())) {
            cache.clear();
        }
    }

    /** -1 when the method does not apply; otherwise how specific the match is. */
    static int score(JsonNode appliesWhen, Map<String, Object> facts) {
        int score = 0;
        int tg = matches(appliesWhen.path("targetGroups"), facts.get("targetGroup"));
        int pf = matches(appliesWhen.path("placementForms"), facts.get("placementForm"));
        if (tg < 0 || pf < 0) {
            return -1;
        }
        score += tg + 2 * pf;
        return score;
    }

    /** 0: not listed (any value); 1: listed and matching; -1: listed and not matching. */
    private static int matches(JsonNode values, Object fact) {
        if (values.isMissingNode() || values.isNull()) {
            return 0;
        }
        for (JsonNode v : values) {
            if (v.asString().equals(fact)) {
                return 1;
            }
        }
        return -1;
    }
}
