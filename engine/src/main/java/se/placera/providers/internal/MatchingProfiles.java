package se.placera.providers.internal;

import se.placera.shared.CacheGenerations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import se.placera.metadata.Definition;
import se.placera.metadata.DefinitionPublished;
import se.placera.metadata.Metadata;
import se.placera.providers.RegisterProblemCodes;
import se.placera.shared.PlaceraException;

/** The published matching profiles (metadata kind {@code matching-profile}), parsed and cached until a new version. */
@Component
public class MatchingProfiles {

    static final String KIND = "matching-profile";

    private final ObjectProvider<Metadata> metadata;
    private final ProvidersProperties properties;
    private final Map<String, Profile> cache = new ConcurrentHashMap<>();

    /** Profiles published on another instance (shared.CacheGenerations): the cache is dropped. */
    private final CacheGenerations.Watch definitions;

    MatchingProfiles(ObjectProvider<Metadata> metadata, ProvidersProperties properties, CacheGenerations generations) {
        this.metadata = metadata;
        this.properties = properties;
        this.definitions = generations.watch("metadata_definitions");
    }

    /** The profile with the id, or the default one for null; 404 when a named profile is not published. */
    public Profile get(String id) {
        String key = id == null || id.isBlank() ? properties.defaultProfile() : id;
        if (definitions.changed()) {
            cache.clear();
        }
        Profile cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        Optional<Definition> d = metadata.getObject().latestPublished(KIND, key);
        if (d.isEmpty()) {
            if (key.equals(properties.defaultProfile())) {
                return Profile.BUILT_IN;
            }
            throw PlaceraException.notFound(RegisterProblemCodes.PROFILE_NOT_FOUND,
                    "There is no published matching profile '" + key + "'.");
        }
        Profile p = Profile.parse(d.get().id(), d.get().version(), d.get().content());
        cache.put(key, p);
        return p;
    }

    /** The default profile: its quality settings decide how ratings are shown everywhere. */
    public Profile standard() {
        return get(null);
    }

    @EventListener
    void on(DefinitionPublished event) {
        if (KIND.equals(event.kind())) {
            cache.remove(event.id());
        }
    }

    /** A parsed profile; see {@code metadata/schemas/matching-profile.schema.json} for the meaning of each field. */
    public record Profile(String id, int version, Weights weights, QualitySettings quality, double halfScoreKm,
            Map<String, Double> agreementScores) {

        static final Profile BUILT_IN = new Profile("built-in", 0, new Weights(0.35, 0.25, 0.2, 0.1, 0.1, 0.1),
                new QualitySettings(3, 3.5, 5, 0.4, 0.3, 0.3, List.of("konsulentstod", "helhetsbetyg"),
                        List.of("helhetsbetyg", "bemotande", "hjalp", "barnetTrivs")),
                50, Map.of("ramavtal", 1.0, "egen-regi", 1.0, "direktupphandling", 0.5, "individavtal", 0.3,
                        "none", 0.0));

        static Profile parse(String id, int version, JsonNode c) {
            JsonNode w = c.path("weights");
            JsonNode q = c.path("quality");
            Profile d = BUILT_IN;
            var weights = new Weights(w.path("needs").asDouble(d.weights.needs()),
                    w.path("quality").asDouble(d.weights.quality()), w.path("price").asDouble(d.weights.price()),
                    w.path("distance").asDouble(d.weights.distance()),
                    w.path("agreement").asDouble(d.weights.agreement()),
                    // Optional: a profile written before the vacancy factor ranks as it did.
                    w.path("vacancy").asDouble(0));
            var quality = new QualitySettings(q.path("minimumResponses").asInt(d.quality.minimumResponses()),
                    q.path("priorMean").asDouble(d.quality.priorMean()),
                    q.path("priorWeight").asDouble(d.quality.priorWeight()),
                    q.path("caseworkerShare").asDouble(d.quality.caseworkerShare()),
                    q.path("clientShare").asDouble(d.quality.clientShare()),
                    q.path("breakdownShare").asDouble(d.quality.breakdownShare()),
                    strings(q.path("caseworkerRatingQuestions"), d.quality.caseworkerRatingQuestions()),
                    strings(q.path("clientRatingQuestions"), d.quality.clientRatingQuestions()));
            Map<String, Double> agreement = new java.util.HashMap<>(d.agreementScores());
            c.path("agreementScores").properties().forEach(e -> agreement.put(e.getKey(), e.getValue().asDouble()));
            return new Profile(id, version, weights,
                    quality, c.path("distance").path("halfScoreKm").asDouble(d.halfScoreKm()), Map.copyOf(agreement));
        }

        private static List<String> strings(JsonNode n, List<String> fallback) {
            if (!n.isArray()) {
                return fallback;
            }
            List<String> out = new ArrayList<>();
            n.forEach(x -> out.add(x.asString()));
            return List.copyOf(out);
        }
    }

    /**
     * Relative weights of the score's factors; normalised to sum to 1 when used. {@code vacancy}: a unit with
     * vacancies scores 1, one without 0 (unknown 0.5).
     */
    public record Weights(double needs, double quality, double price, double distance, double agreement,
            double vacancy) {

        double sum() {
            return needs + quality + price + distance + agreement + vacancy;
        }
    }

    /**
     * @param minimumResponses below this count a rating shows as "för få svar"
     * @param priorMean        the mean ratings are shrunk toward (1–5)
     * @param priorWeight      how many responses the prior counts as
     */
    public record QualitySettings(int minimumResponses, double priorMean, double priorWeight, double caseworkerShare,
            double clientShare, double breakdownShare, List<String> caseworkerRatingQuestions,
            List<String> clientRatingQuestions) {
    }
}
