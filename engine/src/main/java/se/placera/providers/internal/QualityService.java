package se.placera.providers.internal;

import se.placera.shared.CacheGenerations;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import se.placera.metadata.DefinitionPublished;
import se.placera.providers.Quality;
import se.placera.providers.UnitId;
import se.placera.providers.UnitQualities;
import se.placera.shared.SwedishTime;

/**
 * Quality fields per unit. Facts (one rating, one ended placement, one deviation) are stored one document each,
 * keyed by the id their source gives them, so a repeated fact changes nothing. The per-unit aggregates are kept in
 * memory, built from the facts at first use and updated with every new fact: the next search sees it.
 */
@Service
class QualityService implements UnitQualities {

    static final String COLLECTION = "register_quality_facts";

    private final MongoTemplate mongo;
    private final MatchingProfiles profiles;
    private final Clock clock;
    private final Map<String, Map<String, Fact>> factsByUnit = new ConcurrentHashMap<>();
    private final Map<String, Quality> computed = new ConcurrentHashMap<>();
    /** Qualities computed with another profile's settings than the standard one's, per settings. */
    private final Map<MatchingProfiles.QualitySettings, Map<String, Quality>> computedFor = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    /** Facts recorded and profiles published on another instance (shared.CacheGenerations). */
    private final CacheGenerations.Watch facts;
    private final CacheGenerations.Watch definitions;

    QualityService(MongoTemplate mongo, MatchingProfiles profiles, Clock clock, CacheGenerations generations) {
        this.mongo = mongo;
        this.profiles = profiles;
        this.clock = clock;
        this.facts = generations.watch(COLLECTION);
        this.definitions = generations.watch("metadata_definitions");
    }

    private void ensureLoaded() {
        if (definitions.changed()) {
            computed.clear();
        }
        boolean changed = facts.changed();
        if (loaded && !changed) {
            return;
        }
        synchronized (this) {
            if (changed) {
                factsByUnit.clear();
                computed.clear();
                loaded = false;
            }
            if (!loaded) {
                for (Fact f : mongo.findAll(Fact.class, COLLECTION)) {
                    factsByUnit.computeIfAbsent(f.unitId(), k -> new ConcurrentHashMap<>()).put(f.id(), f);
                }
                loaded = true;
            }
        }
    }

    @Override
    public void recordRating(String factId, UnitId unit, RatingKind kind, double value, Instant at) {
        double v = Math.max(1, Math.min(5, value));
        store(new Fact(factId, unit.value(), kind == RatingKind.CASEWORKER ? Fact.RATING_CASEWORKER
                : Fact.RATING_CLIENT, v, at == null ? clock.instant() : at, null));
    }

    @Override
    public void recordPlacementEnded(String factId, UnitId unit, LocalDate endedOn, boolean unplanned) {
        Instant at = endedOn == null ? clock.instant() : SwedishTime.startOf(endedOn);
        store(new Fact(factId, unit.value(), Fact.ENDED, unplanned ? 1.0 : 0.0, at, null));
    }

    @Override
    public void recordDeviation(String factId, UnitId unit, LocalDate on, String category, String description) {
        Instant at = on == null ? clock.instant() : SwedishTime.startOf(on);
        String note = category == null ? description : description == null ? category : category + ": " + description;
        store(new Fact(factId, unit.value(), Fact.DEVIATION, null, at, note));
    }

    @Override
    public synchronized void recordAll(Collection<Fact> facts) {
        ensureLoaded();
        List<Fact> fresh = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Fact f : facts) {
            Map<String, Fact> unitFacts = factsByUnit.get(f.unitId());
            if ((unitFacts == null || !unitFacts.containsKey(f.id())) && seen.add(f.id())) {
                fresh.add(f);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Fact.class, COLLECTION);
        bulk.insert(fresh);
        bulk.execute();
        for (Fact f : fresh) {
            factsByUnit.computeIfAbsent(f.unitId(), k -> new ConcurrentHashMap<>()).put(f.id(), f);
            computed.remove(f.unitId());
            computedFor.values().forEach(m -> m.remove(f.unitId()));
        }
    }

    private synchronized void store(Fact fact) {
        ensureLoaded();
        Map<String, Fact> unitFacts = factsByUnit.computeIfAbsent(fact.unitId(), k -> new ConcurrentHashMap<>());
        Fact existing = unitFacts.get(fact.id());
        if (existing != null && Objects.equals(existing.type(), fact.type())
                && Objects.equals(existing.value(), fact.value()) && Objects.equals(existing.note(), fact.note())) {
            return;
        }
        if (existing == null) {
            try {
                mongo.insert(fact, COLLECTION);
            } catch (DuplicateKeyException e) {
                mongo.save(fact, COLLECTION);
            }
        } else {
            mongo.save(fact, COLLECTION);
        }
        unitFacts.put(fact.id(), fact);
        computed.remove(fact.unitId());
        computedFor.values().forEach(m -> m.remove(fact.unitId()));
    }

    @Override
    public Quality of(UnitId unit) {
        ensureLoaded();
        return computed.computeIfAbsent(unit.value(), id -> compute(id, profiles.standard().quality()));
    }

    /**
     * The unit's quality with a profile's settings (minimum responses, prior mean and weight): matching with a
     * custom profile sees ratings as that profile defines them, not as the standard profile does.
     */
    Quality of(UnitId unit, MatchingProfiles.QualitySettings settings) {
        if (settings.equals(profiles.standard().quality())) {
            return of(unit);
        }
        ensureLoaded();
        return computedFor.computeIfAbsent(settings, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(unit.value(), id -> compute(id, settings));
    }

    private Quality compute(String unitId, MatchingProfiles.QualitySettings s) {
        Map<String, Fact> facts = factsByUnit.getOrDefault(unitId, Map.of());
        double cwSum = 0;
        int cwCount = 0;
        double clSum = 0;
        int clCount = 0;
        int ended = 0;
        int unplanned = 0;
        int deviations = 0;
        Instant latest = null;
        for (Fact f : facts.values()) {
            switch (f.type()) {
                case Fact.RATING_CASEWORKER -> {
                    cwSum += f.value();
                    cwCount++;
                }
                case Fact.RATING_CLIENT -> {
                    clSum += f.value();
                    clCount++;
                }
                case Fact.ENDED -> {
                    ended++;
                    if (f.value() != null && f.value() > 0.5) {
                        unplanned++;
                    }
                }
                case Fact.DEVIATION -> deviations++;
                default -> {
                }
            }
            if (f.at() != null && (latest == null || f.at().isAfter(latest))) {
                latest = f.at();
            }
        }
        Double breakdown = ended == 0 ? null : round(unplanned / (double) ended, 3);
        return new Quality(rating(cwSum, cwCount, s), rating(clSum, clCount, s), ended, unplanned, breakdown,
                deviations, latest);
    }

    static Quality.Rating rating(double sum, int count, MatchingProfiles.QualitySettings s) {
        Double raw = count == 0 ? null : round(sum / count, 2);
        double shrunk = (s.priorMean() * s.priorWeight() + sum) / (s.priorWeight() + count);
        boolean sufficient = count >= s.minimumResponses();
        Double value = sufficient ? round(shrunk, 1) : null;
        String display = sufficient
                ? String.format(java.util.Locale.forLanguageTag("sv-SE"), "%.1f (%d svar)", shrunk, count)
                : "för få svar";
        return new Quality.Rating(value, raw, count, sufficient, display);
    }

    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    @EventListener
    void on(DefinitionPublished event) {
        if (MatchingProfiles.KIND.equals(event.kind())) {
            computed.clear();
            computedFor.clear();
        }
    }
}
