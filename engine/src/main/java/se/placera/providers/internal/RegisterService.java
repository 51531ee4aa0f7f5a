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

import org.bson.Document;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import se.placera.providers.FrameworkAgreement;
import se.placera.providers.Provider;
import se.placera.providers.ProviderId;
import se.placera.providers.Register;
import se.placera.providers.RegisterProblemCodes;
import se.placera.providers.Unit;
import se.placera.providers.UnitId;
import se.placera.security.CurrentUser;
import se.placera.security.CurrentUsers;
import se.placera.shared.Audited;
import se.placera.shared.CacheGenerations;
import se.placera.shared.Outbox;
import se.placera.shared.PendingAudit;
import se.placera.shared.PlaceraException;
import se.placera.shared.Problem;
import se.placera.shared.SwedishOrder;
import se.placera.shared.Versions;

/**
 * The register: records in MongoDB, every record also in memory (the embedded database scans, and matching needs
 * all units at once). One document write per change, guarded by the record's {@code version}; every change
 * carries its audit entry (before/after) in the same write ({@link PendingAudit}, delivered by the {@link Outbox}).
 * The memory copy reloads when another instance changed the register (shared.CacheGenerations, within its check
 * interval).
 */
@Service
class RegisterService implements Register {

    private final MongoTemplate mongo;
    private final RegisterValidation validation;
    private final ApplicationEventPublisher events;
    private final CurrentUsers users;
    private final JsonMapper mapper;
    private final Clock clock;
    private final CacheGenerations generations;
    private final Outbox outbox;
    private final List<RegisterOutbox.Source<?>> sources;

    private final Map<String, Provider> providers = new ConcurrentHashMap<>();
    private final Map<String, Unit> units = new ConcurrentHashMap<>();
    private final Map<String, FrameworkAgreement> agreements = new ConcurrentHashMap<>();
    private volatile boolean loaded;
    /** Other instances' writes to the register (shared.CacheGenerations): the memory copy reloads. */
    private final List<CacheGenerations.Watch> changes;

    RegisterService(MongoTemplate mongo, RegisterValidation validation, ApplicationEventPublisher events,
            CurrentUsers users, JsonMapper mapper, Clock clock, CacheGenerations generations, Outbox outbox,
            List<RegisterOutbox.Source<?>> sources) {
        this.mongo = mongo;
        this.generations = generations;
        this.outbox = outbox;
        this.sources = sources;
        this.validation = validation;
        this.events = events;
        this.users = users;
        this.mapper = mapper;
        this.clock = clock;
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
            Query present = Query.query(Criteria.where(RegisterOutbox.REMOVING).ne(true));
            reload(providers, mongo.find(present, Provider.class), Provider::id);
            reload(units, mongo.find(present, Unit.class), Unit::id);
            reload(agreements, mongo.find(present, FrameworkAgreement.class), FrameworkAgreement::id);
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
            Provider created = input.withStamp(id, 1L, now, now, by);
            saved = insert(id, created, 1L, audited("provider.create", "provider", id, null, created));
        } else {
            checkVersion(input.version(), before.version());
            Provider next = input.withStamp(before.id(), before.version() + 1, before.createdAt(), now, by);
            if (sameContent(before, next)) {
                return before;
            }
            replace(before.id(), before.version(), next, audited("provider.update", "provider", before.id(), before,
                    next));
            saved = next;
        }
        providers.put(saved.id(), saved);
        deliver(Provider.class, saved.id());
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
            saved = insert(id, stamped, 1L, audited("unit.create", "unit", id, null, stamped));
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
            replace(before.id(), before.version(), next, audited("unit.update", "unit", before.id(), before, next));
            saved = next;
        }
        units.put(saved.id(), saved);
        deliver(Unit.class, saved.id());
        return saved;
    }

    /**
     * Undo of an import's write (import write phase only): puts the provider back as it was (as a new version, so
     * nobody holding the import's version overwrites it), or removes it if the import created it ({@code before}
     * null). Either way the undo is one write that carries its audit entry, as every register write does.
     */
    synchronized void undoImportedProvider(String id, Provider before) {
        Provider current = providers.get(id);
        if (current == null) {
            return;
        }
        if (before == null) {
            remove(Provider.class, id, current.version(), audited("provider.import-undo", "provider", id, current, null));
            providers.remove(id);
        } else {
            Provider restored = before.withStamp(id, current.version() + 1, before.createdAt(), clock.instant(),
                    users.actor());
            replace(id, current.version(), restored, audited("provider.import-undo", "provider", id, current,
                    restored));
            providers.put(id, restored);
        }
        deliver(Provider.class, id);
    }

    /** Undo of an import's write to a unit; see {@link #undoImportedProvider}. */
    synchronized void undoImportedUnit(String id, Unit before) {
        Unit current = units.get(id);
        if (current == null) {
            return;
        }
        if (before == null) {
            remove(Unit.class, id, current.version(), audited("unit.import-undo", "unit", id, current, null));
            units.remove(id);
        } else {
            Unit restored = before.withStamp(id, current.version() + 1, before.createdAt(), clock.instant(),
                    users.actor());
            replace(id, current.version(), restored, audited("unit.import-undo", "unit", id, current, restored));
            units.put(id, restored);
        }
        deliver(Unit.class, id);
    }

    /**
     * Removes a record with an audit entry: the record is marked {@code removing} with the entry in one conditional
     * write, and the {@link Outbox} removes it when the entry has gone out ({@link RegisterOutbox.Removal}), so a
     * removal never exists without its entry. Until then (a crash between) the register does not load the record.
     */
    private void remove(Class<?> recordType, String id, Long expectedVersion, Audited audited) {
        String collection = mongo.getCollectionName(recordType);
        var result = mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("version").is(expectedVersion)),
                new Update().set(RegisterOutbox.REMOVING, true).inc("version", 1)
                        .push(Outbox.FIELD, mongo.getConverter().convertToMongoType(
                                pendingEntry(id, expectedVersion + 1, audited))), collection);
        if (result.getMatchedCount() == 0) {
            throw PlaceraException.conflict(RegisterProblemCodes.CONCURRENT_UPDATE,
                    "Someone else changed this record at the same time. Reload and try again.");
        }
        generations.bump(collection);
    }

    /** A removal whose audit entry has gone out (see {@link #remove}); idempotent. */
    @org.springframework.context.event.EventListener
    void on(RegisterOutbox.Removal removal) {
        mongo.remove(Query.query(Criteria.where("_id").is(removal.id()).and(RegisterOutbox.REMOVING).is(true)),
                removal.collection());
    }

    /** Stores a unit changed by the register itself (files, vacancies): no field validation, still audited. */
    synchronized Unit replaceUnit(Unit before, Unit changed, String action) {
        Instant now = clock.instant();
        Unit next = changed.withStamp(before.id(), before.version() + 1, before.createdAt(), now, users.actor());
        replace(before.id(), before.version(), next, audited(action, "unit", next.id(), before, next));
        units.put(next.id(), next);
        deliver(Unit.class, next.id());
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
            FrameworkAgreement created = input.withStamp(1L, now, users.actor());
            saved = insert(created.id(), created, 1L, audited("framework-agreement.create", "framework-agreement",
                    created.id(), null, created));
        } else {
            checkVersion(input.version(), before.version());
            FrameworkAgreement next = input.withStamp(before.version() + 1, now, users.actor());
            if (sameContent(before, next)) {
                return before;
            }
            replace(before.id(), before.version(), next, audited("framework-agreement.update", "framework-agreement",
                    before.id(), before, next));
            saved = next;
        }
        agreements.put(saved.id(), saved);
        deliver(FrameworkAgreement.class, saved.id());
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

    /**
     * Inserts a new record together with its audit entry (issue #11, item 8): one single-document write, the
     * entry in the document's {@code pending} field until the {@link Outbox} has delivered it.
     */
    private <T> T insert(String id, T record, long version, Audited audited) {
        String collection = mongo.getCollectionName(record.getClass());
        mongo.insert(withPending(record, List.of(), pendingEntry(id, version, audited)), collection);
        generations.bump(collection);
        return record;
    }

    /**
     * Replaces a record with its next version and that write's audit entry in one single-document write,
     * conditional on the version read (of two updates with the same version exactly one is stored). Entries of
     * earlier writes not delivered yet stay on the document (a re-delivery is idempotent by entry id).
     */
    private <T> void replace(String id, Long expectedVersion, T next, Audited audited) {
        String collection = mongo.getCollectionName(next.getClass());
        Query current = Query.query(Criteria.where("_id").is(id).and("version").is(expectedVersion));
        current.fields().include(Outbox.FIELD);
        Document read = mongo.findOne(current, Document.class, collection);
        List<?> carried = read == null || !(read.get(Outbox.FIELD) instanceof List<?> l) ? List.of() : l;
        Long version = expectedVersion + 1;
        Document old = read == null ? null : mongo.findAndReplace(
                Query.query(Criteria.where("_id").is(id).and("version").is(expectedVersion)),
                withPending(next, carried, pendingEntry(id, version, audited)), FindAndReplaceOptions.none(),
                Document.class, collection, Document.class);
        if (old == null) {
            throw PlaceraException.conflict(RegisterProblemCodes.CONCURRENT_UPDATE,
                    "Someone else changed this record at the same time. Reload and try again.");
        }
        generations.bump(collection);
    }

    private Document withPending(Object record, List<?> carried, PendingAudit entry) {
        Document doc = new Document();
        mongo.getConverter().write(record, doc);
        List<Object> pending = new ArrayList<>(carried);
        pending.add(mongo.getConverter().convertToMongoType(entry));
        doc.put(Outbox.FIELD, pending);
        return doc;
    }

    private PendingAudit pendingEntry(String id, Long version, Audited audited) {
        return new PendingAudit(PendingAudit.idOf(id, version), clock.instant(), users.actor(),
                users.find().map(CurrentUser::administrationId).orElse(null), audited);
    }

    /**
     * Delivers the pending audit entries of a record just written; what fails stays on the document for the
     * outbox sweep, and the write stands (the caller gets its answer).
     */
    private void deliver(Class<?> recordType, String id) {
        String collection = mongo.getCollectionName(recordType);
        for (RegisterOutbox.Source<?> source : sources) {
            if (mongo.getCollectionName(source.type()).equals(collection)) {
                deliver(source, id);
            }
        }
    }

    private <D extends RegisterOutbox.Pending> void deliver(RegisterOutbox.Source<D> source, String id) {
        D document = mongo.findById(id, source.type());
        if (document != null) {
            outbox.deliver(source, document);
        }
    }

    /**
     * An update must name the version it read (issue #11, item 7): without one it is refused with 428 rather than
     * overwriting whatever is stored. The write itself is conditional on the version too ({@link #replace}).
     */
    private static void checkVersion(Long given, Long current) {
        Versions.check(given, current, "/version", RegisterProblemCodes.CONCURRENT_UPDATE);
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

    /** The audit entry of a change: the record before and after. */
    @SuppressWarnings("unchecked")
    private Audited audited(String action, String type, String id, Object before, Object after) {
        Map<String, Object> details = new HashMap<>();
        details.put("before", before == null ? null : mapper.convertValue(before, Map.class));
        details.put("after", after == null ? null : mapper.convertValue(after, Map.class));
        return new Audited(action, type, id, null, "success", details);
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 13).replace("-", "");
    }
}
