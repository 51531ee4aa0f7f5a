package se.placera.providers.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import se.placera.providers.FrameworkAgreement;
import se.placera.providers.Provider;
import se.placera.providers.ProviderId;
import se.placera.providers.Register;
import se.placera.providers.RegisterProblemCodes;
import se.placera.providers.Unit;
import se.placera.providers.UnitId;
import se.placera.security.CurrentUsers;
import se.placera.shared.CacheGenerations;
import se.placera.shared.Audited;
import se.placera.shared.PlaceraException;
import se.placera.shared.Problem;
import se.placera.shared.SwedishOrder;

/**
 * The register: records in MongoDB, every record also in memory (the embedded database scans, and matching needs
 * all units at once). One document write per change, guarded by the record's {@code version}; every change
 * publishes an {@link Audited} event with before/after. The memory copy reloads when another instance changed
 * the register (shared.CacheGenerations, within its check interval).
 */
@Service
class RegisterService implements Register {

    private final MongoTemplate mongo;
    private final RegisterValidation validation;
    private final ApplicationEventPublisher events;
    private final CurrentUsers users;
    private final JsonMapper mapper;
    private final Clock clock;

    private final Map<String, Provider> providers = new ConcurrentHashMap<>();
    private final Map<String, Unit> units = new ConcurrentHashMap<>();
    private final Map<String, FrameworkAgreement> agreements = new ConcurrentHashMap<>();
    private volatile boolean loaded;
    /** Other instances' writes to the register (shared.CacheGenerations): the memory copy reloads. */
    private final List<CacheGenerations.Watch> changes;

    RegisterService(MongoTemplate mongo, RegisterValidation validation, ApplicationEventPublisher events,
            CurrentUsers users, JsonMapper mapper, Optional<Clock> clock, CacheGenerations generations) {
        this.mongo = mongo;
        this.validation = validation;
        this.events = events;
        this.users = users;
        this.mapper = mapper;
        this.clock = clock.orElse(Clock.systemUTC());
        this.changes = List.of(generations.watch(mongo.getCollectionName(Provider.class)),
                generations.watch(mongo.getCollectionName(Unit.class)),
                generations.watch(mongo.getCollectionName(FrameworkAgreement.class)));
    }

    private void ensureLoaded() {
        boolean changed = false;
        for (CacheGenerations.Watch w : changes) {
            changed |= w.changed();
        }
        if (loaded && !changed) {
            return;
        }
        synchronized (this) {
            if (loaded && !changed) {
                return;
            }
            // Reload in place: readers meanwhile see old or new entries, never a missing one that exists in both.
            reload(providers, mongo.findAll(Provider.class), Provider::id);
            reload(units, mongo.findAll(Unit.class), Unit::id);
            reload(agreements, mongo.findAll(FrameworkAgreement.class), FrameworkAgreement::id);
            loaded = true;
        }
    }

    private static <T> void reload(Map<String, T> cache, List<T> all, java.util.function.Function<T, String> id) {
        Map<String, T> fresh = new java.util.HashMap<>();
        all.forEach(t -> fresh.put(id.apply(t), t));
        cache.keySet().retainAll(fresh.keySet());
        cache.putAll(fresh);
    }

    @Override
    public Optional<Provider> provider(ProviderId id) {
        ensureLoaded();
        return Optional.ofNullable(providers.get(id.value()));
    }

    @Override
    public Optional<Unit> unit(UnitId id) {
        ensureLoaded();
        return Optional.ofNullable(units.get(id.value()));
    }

    @Override
    public Collection<Unit> units() {
        ensureLoaded();
        return Collections.unmodifiableCollection(units.values());
    }

    @Override
    public Collection<Provider> providers() {
        ensureLoaded();
        return Collections.unmodifiableCollection(providers.values());
    }

    @Override
    public List<FrameworkAgreement> frameworkAgreements() {
        ensureLoaded();
        return agreements.values().stream().sorted(Comparator.comparing(FrameworkAgreement::name, SwedishOrder.NAMES)).toList();
    }

    @Override
    public synchronized Provider saveProvider(Provider given) {
        ensureLoaded();
        Provider input = new Provider(given.id(), given.name(), RegisterValidation.normaliseOrgNumber(given.orgNumber()),
                given.regi(), given.contact(), given.active(), given.version(), given.createdAt(), given.updatedAt(),
                given.updatedBy());
        List<Problem> problems = new ArrayList<>(validation.provider(input));
        Provider before = input.id() == null ? null : providers.get(input.id());
        if (input.orgNumber() != null) {
            providers.values().stream()
                    .filter(p -> input.orgNumber().equals(p.orgNumber()) && !p.id().equals(input.id()))
                    .findFirst()
                    .ifPresent(p -> problems.add(new Problem("/orgNumber", "duplicate",
                            "Provider '" + p.id() + "' already has organisationsnummer " + p.orgNumber() + ".")));
        }
        if (!problems.isEmpty()) {
            throw PlaceraException.invalid(RegisterProblemCodes.INVALID, "The provider has invalid fields.", problems);
        }
        Instant now = clock.instant();
        String by = users.actor();
        Provider saved;
        if (before == null) {
            String id = input.id() == null ? "p-" + shortId() : input.id();
            saved = mongo.insert(input.withStamp(id, 1L, now, now, by));
        } else {
            checkVersion(input.version(), before.version());
            Provider next = input.withStamp(before.id(), before.version() + 1, before.createdAt(), now, by);
            if (sameContent(before, next)) {
                return before;
            }
            replace(before.id(), before.version(), next, Provider.class);
            saved = next;
        }
        providers.put(saved.id(), saved);
        audit(before == null ? "provider.create" : "provider.update", "provider", saved.id(), before, saved);
        return saved;
    }

    @Override
    public synchronized Unit saveUnit(Unit input) {
        ensureLoaded();
        Unit before = input.id() == null ? null : units.get(input.id());
        List<Problem> problems = validation.unit(input, providers::containsKey, agreements::containsKey).stream()
                .filter(p -> !validation.keepsRetired(p, before)).toList();
        if (!problems.isEmpty()) {
            throw PlaceraException.invalid(RegisterProblemCodes.INVALID, "The unit has invalid fields.", problems);
        }
        Instant now = clock.instant();
        String by = users.actor();
        Unit saved;
        if (before == null) {
            String id = input.id() == null ? "u-" + shortId() : input.id();
            Unit stamped = input.withStamp(id, 1L, now, now, by);
            if (input.vacancies() != null && input.vacanciesUpdatedAt() == null) {
                stamped = stamped.withVacancies(input.vacancies(), now);
            }
            saved = mongo.insert(stamped);
        } else {
            checkVersion(input.version(), before.version());
            // Files are attached through their own endpoints; an update of the fields keeps them.
            Unit.IvoPermit permit = input.ivoPermit() == null ? null
                    : input.ivoPermit().withDocument(before.ivoPermit() == null ? null : before.ivoPermit().documentId());
            Unit next = input.withFiles(permit, before.documents())
                    .withStamp(before.id(), before.version() + 1, before.createdAt(), now, by);
            next = next.withVacancies(next.vacancies(), Objects.equals(next.vacancies(), before.vacancies())
                    ? before.vacanciesUpdatedAt() : now);
            if (sameContent(before, next)) {
                return before;
            }
            replace(before.id(), before.version(), next, Unit.class);
            saved = next;
        }
        units.put(saved.id(), saved);
        audit(before == null ? "unit.create" : "unit.update", "unit", saved.id(), before, saved);
        return saved;
    }

    /**
     * Undo of an import's write (import write phase only): puts the provider back as it was, or removes it if the
     * import created it ({@code before} null). No version check: the import holds the only change since.
     */
    synchronized void undoImportedProvider(String id, Provider before) {
        if (before == null) {
            mongo.remove(Query.query(Criteria.where("_id").is(id)), Provider.class);
            providers.remove(id);
        } else {
            mongo.save(before);
            providers.put(id, before);
        }
        audit("provider.import-undo", "provider", id, null, before);
    }

    /** Undo of an import's write to a unit; see {@link #undoImportedProvider}. */
    synchronized void undoImportedUnit(String id, Unit before) {
        if (before == null) {
            mongo.remove(Query.query(Criteria.where("_id").is(id)), Unit.class);
            units.remove(id);
        } else {
            mongo.save(before);
            units.put(id, before);
        }
        audit("unit.import-undo", "unit", id, null, before);
    }

    /** Stores a unit changed by the register itself (files, vacancies): no field validation, still audited. */
    synchronized Unit replaceUnit(Unit before, Unit changed, String action) {
        Instant now = clock.instant();
        Unit next = changed.withStamp(before.id(), before.version() + 1, before.createdAt(), now, users.actor());
        replace(before.id(), before.version(), next, Unit.class);
        units.put(next.id(), next);
        audit(action, "unit", next.id(), before, next);
        return next;
    }

    @Override
    public synchronized FrameworkAgreement saveFrameworkAgreement(FrameworkAgreement input) {
        ensureLoaded();
        List<Problem> problems = validation.frameworkAgreement(input);
        if (!problems.isEmpty()) {
            throw PlaceraException.invalid(RegisterProblemCodes.INVALID, "The framework agreement has invalid fields.",
                    problems);
        }
        FrameworkAgreement before = agreements.get(input.id());
        Instant now = clock.instant();
        FrameworkAgreement saved;
        if (before == null) {
            saved = mongo.insert(input.withStamp(1L, now, users.actor()));
        } else {
            checkVersion(input.version(), before.version());
            FrameworkAgreement next = input.withStamp(before.version() + 1, now, users.actor());
            if (sameContent(before, next)) {
                return before;
            }
            replace(before.id(), before.version(), next, FrameworkAgreement.class);
            saved = next;
        }
        agreements.put(saved.id(), saved);
        audit(before == null ? "framework-agreement.create" : "framework-agreement.update", "framework-agreement",
                saved.id(), before, saved);
        return saved;
    }

    @Override
    public synchronized int insertMissing(List<FrameworkAgreement> newAgreements, List<Provider> newProviders,
            List<Unit> newUnits) {
        ensureLoaded();
        Instant now = clock.instant();
        String by = users.actor();
        List<FrameworkAgreement> a = newAgreements.stream().filter(x -> !agreements.containsKey(x.id()))
                .map(x -> x.withStamp(1L, now, by)).toList();
        List<Provider> p = newProviders.stream().filter(x -> !providers.containsKey(x.id()))
                .map(x -> x.withStamp(x.id(), 1L, now, now, by)).toList();
        List<Unit> u = newUnits.stream().filter(x -> !units.containsKey(x.id()))
                .map(x -> x.withStamp(x.id(), 1L, now, now, by)).toList();
        if (!a.isEmpty()) {
            mongo.insertAll(a);
            a.forEach(x -> agreements.put(x.id(), x));
        }
        if (!p.isEmpty()) {
            mongo.insertAll(p);
            p.forEach(x -> providers.put(x.id(), x));
        }
        if (!u.isEmpty()) {
            mongo.insertAll(u);
            u.forEach(x -> units.put(x.id(), x));
        }
        int created = a.size() + p.size() + u.size();
        if (created > 0) {
            Map<String, Object> details = new HashMap<>();
            details.put("frameworkAgreements", a.size());
            details.put("providers", p.size());
            details.put("units", u.size());
            events.publishEvent(new Audited("register.bulk-insert", "register", "register", null, "success", details));
        }
        return created;
    }

    private <T> void replace(String id, Long expectedVersion, T next, Class<T> type) {
        Query q = Query.query(Criteria.where("_id").is(id).and("version").is(expectedVersion));
        T old = mongo.findAndReplace(q, next);
        if (old == null) {
            throw PlaceraException.conflict(RegisterProblemCodes.CONCURRENT_UPDATE,
                    "Someone else changed this record at the same time. Reload and try again.");
        }
    }

    /**
     * An update must name the version it read (issue #11, item 7): without one it is refused with 428 rather than
     * overwriting whatever is stored. The write itself is conditional on the version too ({@link #replace}).
     */
    private static void checkVersion(Long given, Long current) {
        if (given == null) {
            throw new PlaceraException(PlaceraException.Kind.PRECONDITION_REQUIRED,
                    RegisterProblemCodes.VERSION_REQUIRED, "Send the version you read (field 'version' or an "
                            + "If-Match header); the current version is " + current + ".",
                    List.of(new Problem("/version", RegisterProblemCodes.REQUIRED, "The version you read.")));
        }
        if (!given.equals(current)) {
            throw PlaceraException.conflict(RegisterProblemCodes.CONCURRENT_UPDATE,
                    "The record was changed elsewhere (version " + current + "). Reload and try again.");
        }
    }

    /** Equal apart from the bookkeeping fields: an update that changes nothing stores nothing. */
    private boolean sameContent(Object before, Object next) {
        return content(before).equals(content(next));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> content(Object record) {
        Map<String, Object> m = new HashMap<>(mapper.convertValue(record, Map.class));
        for (String k : List.of("version", "createdAt", "updatedAt", "updatedBy", "vacanciesUpdatedAt")) {
            m.remove(k);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private void audit(String action, String type, String id, Object before, Object after) {
        Map<String, Object> details = new HashMap<>();
        details.put("before", before == null ? null : mapper.convertValue(before, Map.class));
        details.put("after", after == null ? null : mapper.convertValue(after, Map.class));
        events.publishEvent(new Audited(action, type, id, null, "success", details));
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 13).replace("-", "");
    }
}
