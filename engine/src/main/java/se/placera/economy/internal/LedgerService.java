package se.placera.economy.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import se.placera.economy.EconomyProblemCodes;
import se.placera.economy.PlacementLedger;
import se.placera.security.AccessScope;
import se.placera.security.CurrentUsers;
import se.placera.shared.Audited;
import se.placera.shared.CacheGenerations;
import se.placera.shared.Outbox;
import se.placera.shared.PendingAudit;
import se.placera.shared.PlaceraException;

/**
 * The cost ledger: stores placements with their prices, extra costs and gaps, and keeps an immutable snapshot of
 * each in memory for the roll-ups (reloaded when another instance wrote, through shared.CacheGenerations).
 */
@Service
class LedgerService implements PlacementLedger {

    private final MongoTemplate mongo;
    private final CurrentUsers users;
    private final AccessScope scope;
    private final Outbox outbox;
    private final LedgerOutbox ledgerOutbox;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final java.time.Clock clock;
    private final CacheGenerations.Watch watch;
    private final Map<String, PricedPlacement> memory = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    LedgerService(MongoTemplate mongo, CurrentUsers users, AccessScope scope, Outbox outbox, LedgerOutbox ledgerOutbox,
            org.springframework.context.ApplicationEventPublisher events, java.time.Clock clock,
            CacheGenerations generations) {
        this.mongo = mongo;
        this.users = users;
        this.scope = scope;
        this.outbox = outbox;
        this.ledgerOutbox = ledgerOutbox;
        this.events = events;
        this.clock = clock;
        this.watch = generations.watch(mongo.getCollectionName(LedgerDocument.class));
    }

    // ---------------------------------------------------------------- reads

    /** Snapshots of the placements of these administrations. */
    List<PricedPlacement> placements(Set<String> administrations) {
        ensureLoaded();
        List<PricedPlacement> out = new ArrayList<>();
        for (PricedPlacement p : memory.values()) {
            if (administrations.contains(p.administration())) {
                out.add(p);
            }
        }
        return out;
    }

    /** The snapshot of one placement if it is in the caller's administrations. */
    java.util.Optional<PricedPlacement> visible(String id) {
        ensureLoaded();
        PricedPlacement p = id == null ? null : memory.get(id);
        return p != null && scope.canSee(p.administration()) ? java.util.Optional.of(p) : java.util.Optional.empty();
    }

    /** The stored placement if it is in the caller's administrations; 404 otherwise (audited as denied). */
    LedgerDocument load(String id, String action) {
        LedgerDocument d = id == null || id.length() > 200 ? null
                : mongo.findOne(scope.restrict(Query.query(Criteria.where("_id").is(id)), "administration"),
                        LedgerDocument.class);
        if (d == null) {
            events.publishEvent(Audited.denied(action, "placement", id, EconomyProblemCodes.PLACEMENT_NOT_FOUND));
            throw PlaceraException.notFound(EconomyProblemCodes.PLACEMENT_NOT_FOUND, "There is no such placement.");
        }
        return d;
    }

    Long revision(String id) {
        LedgerDocument d = mongo.findById(id, LedgerDocument.class);
        return d == null ? null : d.revision;
    }

    List<LedgerDocument.ExtraCost> extraCosts(String id) {
        LedgerDocument d = mongo.findById(id, LedgerDocument.class);
        return d == null ? List.of() : d.extraCosts;
    }

    private void ensureLoaded() {
        if (!loaded || watch.changed()) {
            synchronized (this) {
                Map<String, PricedPlacement> fresh = new LinkedHashMap<>();
                for (LedgerDocument d : mongo.findAll(LedgerDocument.class)) {
                    if (d.startDate != null) {
                        fresh.put(d.id, d.snapshot());
                    }
                }
                memory.keySet().retainAll(fresh.keySet());
                memory.putAll(fresh);
                loaded = true;
            }
        }
    }

    // ---------------------------------------------------------------- writes

    @Override
    public void record(LedgerPlacement p) {
        for (int attempt = 0; attempt < 5; attempt++) {
            LedgerDocument d = mongo.findById(p.id(), LedgerDocument.class);
            boolean insert = d == null;
            if (insert) {
                d = new LedgerDocument();
                d.id = p.id();
                d.source = "case";
            } else if (sameDecision(d, p)) {
                return;
            }
            Map<String, Object> before = decision(d);
            apply(d, p);
            try {
                write(d, insert ? "placement.cost.record" : "placement.cost.update",
                        Map.of("before", before, "after", decision(d)), insert);
                return;
            } catch (OptimisticLockingFailureException | DuplicateKeyException e) {
                // changed meanwhile: read again
            }
        }
    }

    @Override
    public int recordMissing(List<LedgerPlacement> placements) {
        Query q = new Query();
        q.fields().include("_id");
        Set<String> existing = new HashSet<>();
        mongo.find(q, org.bson.Document.class, mongo.getCollectionName(LedgerDocument.class))
                .forEach(doc -> existing.add(String.valueOf(doc.get("_id"))));
        List<LedgerDocument> fresh = new ArrayList<>();
        for (LedgerPlacement p : placements) {
            if (existing.add(p.id())) {
                LedgerDocument d = new LedgerDocument();
                d.id = p.id();
                d.source = "sample";
                apply(d, p);
                for (ExtraCostInput x : p.extraCosts()) {
                    d.extraCosts.add(extra(x, "system"));
                }
                for (AgreedPriceChange c : p.prices()) {
                    d.priceChanges.add(change(c));
                }
                d.updatedAt = clock.instant();
                fresh.add(d);
            }
        }
        for (int i = 0; i < fresh.size(); i += 2000) {
            mongo.insertAll(fresh.subList(i, Math.min(fresh.size(), i + 2000)));
        }
        fresh.forEach(d -> memory.put(d.id, d.snapshot()));
        return fresh.size();
    }

    @Override
    @EventListener
    public void applyAgreedPrice(AgreedPriceChange change) {
        for (int attempt = 0; attempt < 5; attempt++) {
            LedgerDocument d = mongo.findById(change.placementId(), LedgerDocument.class);
            if (d == null) {
                throw PlaceraException.notFound(EconomyProblemCodes.PLACEMENT_NOT_FOUND,
                        "There is no placement '" + change.placementId() + "' in the cost ledger.");
            }
            if (d.priceChanges.stream().anyMatch(c -> c.changeId.equals(change.changeId()))) {
                return;
            }
            d.priceChanges.add(change(change));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("validFrom", String.valueOf(change.validFrom()));
            details.put("perDayOre", change.perDayOre());
            details.put("reference", change.reference());
            try {
                write(d, "placement.cost.price", details, false);
                return;
            } catch (OptimisticLockingFailureException e) {
                // read again
            }
        }
    }

    /** Adds an extra cost; the caller has checked permission, scope and revision. */
    LedgerDocument addExtra(LedgerDocument d, ExtraCostInput x) {
        LedgerDocument.ExtraCost e = extra(x, users.actor());
        d.extraCosts.add(e);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("extraCostId", e.id);
        details.put("kind", e.kind);
        details.put("from", String.valueOf(e.from));
        details.put("to", String.valueOf(e.to));
        details.put("perDayOre", e.perDayOre);
        details.put("amountOre", e.amountOre);
        return write(d, "placement.cost.extra", details, false);
    }

    private LedgerDocument write(LedgerDocument d, String action, Map<String, Object> details, boolean insert) {
        long revision = d.revision == null ? 0 : d.revision + 1;
        Instant now = clock.instant();
        List<PendingAudit> pending = new ArrayList<>(d.pending == null ? List.of() : d.pending);
        pending.add(new PendingAudit(PendingAudit.idOf(d.id, revision), now, users.actor(),
                users.find().map(u -> u.administrationId()).orElse(d.administration),
                new Audited(action, "placement", d.id, d.administration, "success", details)));
        d.pending = pending;
        d.updatedAt = now;
        LedgerDocument saved = insert ? mongo.insert(d) : mongo.save(d);
        memory.put(saved.id, saved.snapshot());
        outbox.deliver(ledgerOutbox, saved);
        return saved;
    }

    private static void apply(LedgerDocument d, LedgerPlacement p) {
        d.administration = p.administration();
        d.department = p.department();
        d.team = p.team();
        d.caseworker = p.caseworker();
        d.unitId = p.unitId();
        d.providerId = p.providerId();
        d.targetGroup = p.targetGroup();
        d.placementForm = p.placementForm();
        d.gender = p.gender();
        d.startDate = p.startDate();
        d.endDate = p.endDate();
        d.agreedPerDayOre = p.agreedPerDayOre();
        d.reason = p.reason();
        d.gaps = new ArrayList<>(p.gaps().stream().map(g -> {
            LedgerDocument.GapPeriod x = new LedgerDocument.GapPeriod();
            x.from = g.from();
            x.to = g.to();
            x.reason = g.reason();
            return x;
        }).toList());
    }

    private static boolean sameDecision(LedgerDocument d, LedgerPlacement p) {
        return decision(d).equals(decision(copy(p)));
    }

    private static LedgerDocument copy(LedgerPlacement p) {
        LedgerDocument d = new LedgerDocument();
        apply(d, p);
        return d;
    }

    private static Map<String, Object> decision(LedgerDocument d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("administration", d.administration);
        m.put("team", d.team);
        m.put("caseworker", d.caseworker);
        m.put("unitId", d.unitId);
        m.put("providerId", d.providerId);
        m.put("targetGroup", d.targetGroup);
        m.put("placementForm", d.placementForm);
        m.put("startDate", Objects.toString(d.startDate, null));
        m.put("endDate", Objects.toString(d.endDate, null));
        m.put("agreedPerDayOre", d.agreedPerDayOre);
        m.put("gaps", d.gaps.size());
        m.values().removeIf(Objects::isNull);
        return m;
    }

    private LedgerDocument.ExtraCost extra(ExtraCostInput x, String by) {
        LedgerDocument.ExtraCost e = new LedgerDocument.ExtraCost();
        e.id = UUID.randomUUID().toString();
        e.kind = x.kind();
        e.from = x.from();
        e.to = x.to();
        e.perDayOre = x.perDayOre();
        e.amountOre = x.amountOre();
        e.note = x.note();
        e.recordedBy = by;
        e.recordedAt = clock.instant();
        return e;
    }

    private static LedgerDocument.PriceChange change(AgreedPriceChange c) {
        LedgerDocument.PriceChange x = new LedgerDocument.PriceChange();
        x.changeId = c.changeId();
        x.validFrom = c.validFrom();
        x.perDayOre = c.perDayOre();
        x.reference = c.reference();
        return x;
    }

    Collection<PricedPlacement> all() {
        ensureLoaded();
        return memory.values();
    }

}
