package se.placera.economy.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import se.placera.economy.EconomyProblemCodes;
import se.placera.economy.Invoices;
import se.placera.security.AccessLevel;
import se.placera.security.AccessScope;
import se.placera.security.CurrentUser;
import se.placera.shared.Audited;
import se.placera.shared.Outbox;
import se.placera.shared.PendingAudit;
import se.placera.shared.PlaceraException;
import se.placera.shared.Problem;
import se.placera.shared.Versions;

/** Invoice import and reconciliation (EC-3), scoped to the caller's administrations and audited. */
@Service
class InvoiceService implements Invoices {

    static final int MAX_BYTES = 20 * 1024 * 1024;
    static final String APPROVED = "godkand";
    static final String DISPUTED = "bestridd";

    private final MongoTemplate mongo;
    private final LedgerService ledger;
    private final CostService costs;
    private final EconomyAccess access;
    private final AccessScope scope;
    private final Outbox outbox;
    private final InvoiceOutbox invoiceOutbox;
    private final ApplicationEventPublisher events;
    private final java.time.Clock clock;

    InvoiceService(MongoTemplate mongo, LedgerService ledger, CostService costs, EconomyAccess access,
            AccessScope scope, Outbox outbox, InvoiceOutbox invoiceOutbox, ApplicationEventPublisher events,
            java.time.Clock clock) {
        this.mongo = mongo;
        this.ledger = ledger;
        this.costs = costs;
        this.access = access;
        this.scope = scope;
        this.outbox = outbox;
        this.invoiceOutbox = invoiceOutbox;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public InvoiceView importInvoice(String filename, byte[] content) {
        CurrentUser user = access.economy(AccessLevel.WRITE);
        return importAs(scope.homeAdministration(), user.username(), filename, content);
    }

    @Override
    public InvoiceView importAs(String administration, String actor, String filename, byte[] content) {
        if (content == null || content.length == 0) {
            throw unreadable(List.of(new Problem("/lines/1", "empty", "Rad 1: filen är tom.")));
        }
        if (content.length > MAX_BYTES) {
            throw new PlaceraException(PlaceraException.Kind.TOO_LARGE, EconomyProblemCodes.INVOICE_UNREADABLE,
                    "The file is larger than " + MAX_BYTES / (1024 * 1024) + " MB.");
        }
        String hash = sha256(content);
        InvoiceDocument sameFile = mongo.findOne(Query.query(Criteria.where("contentHash").is(hash)
                .and("administration").is(administration)), InvoiceDocument.class);
        if (sameFile != null) {
            throw duplicate(sameFile);
        }
        ParsedInvoice parsed;
        try {
            parsed = looksLikeXml(content) ? UblInvoiceReader.read(content) : CsvInvoiceReader.read(content);
        } catch (InvoiceFileException e) {
            events.publishEvent(new Audited("invoice.import", "invoice", null, administration, "failure",
                    Map.of("filename", String.valueOf(filename), "problems", e.problems().size())));
            throw unreadable(e.problems());
        }
        String id = "inv-" + sha256((administration + "|" + nz(parsed.supplierOrgNumber()) + "|"
                + nz(parsed.number())).getBytes(StandardCharsets.UTF_8)).substring(0, 32);
        InvoiceDocument same = mongo.findById(id, InvoiceDocument.class);
        if (same != null) {
            throw duplicate(same);
        }
        Map<String, PricedPlacement> mine = new HashMap<>();
        for (PricedPlacement p : ledger.placements(Set.of(administration))) {
            mine.put(p.id(), p);
        }
        List<String> refs = parsed.lines().stream().map(ParsedInvoice.Line::placementRef).distinct().toList();
        List<Reconciler.Invoiced> earlier = new ArrayList<>();
        Query q = Query.query(Criteria.where("administration").is(administration).and("placementIds").in(refs));
        q.fields().include("number").include("lines");
        Set<String> wanted = Set.copyOf(refs);
        for (InvoiceDocument d : mongo.find(q, InvoiceDocument.class)) {
            for (InvoiceLineView l : d.lines) {
                if (l.matched() && wanted.contains(l.placementId())) {
                    earlier.add(new Reconciler.Invoiced(l.placementId(), l.from(), l.to(),
                            "faktura " + d.number + " rad " + l.lineNo()));
                }
            }
        }
        Reconciler.Result r = Reconciler.reconcile(parsed, ref -> Optional.ofNullable(mine.get(ref)),
                costs.priceBook(), earlier);
        InvoiceDocument d = new InvoiceDocument();
        d.id = id;
        d.administration = administration;
        d.format = parsed.format();
        d.filename = filename == null ? null : filename.substring(0, Math.min(200, filename.length()));
        d.contentHash = hash;
        d.supplierName = parsed.supplierName();
        d.supplierOrgNumber = parsed.supplierOrgNumber();
        d.number = parsed.number();
        d.issueDate = parsed.issueDate();
        d.currency = parsed.currency();
        d.statedTotalOre = parsed.linesTotalOre();
        d.linesTotalOre = r.linesTotalOre();
        d.expectedTotalOre = r.expectedTotalOre();
        d.lines = r.lines();
        d.flags = r.flags();
        d.placementIds = r.lines().stream().filter(InvoiceLineView::matched).map(InvoiceLineView::placementId)
                .distinct().toList();
        d.importedBy = actor;
        d.importedAt = clock.instant();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("number", d.number);
        details.put("supplier", d.supplierOrgNumber);
        details.put("lines", d.lines.size());
        details.put("flags", d.flags.size());
        try {
            return view(write(d, "invoice.import", details, true, actor, administration));
        } catch (DuplicateKeyException e) {
            throw duplicate(mongo.findById(id, InvoiceDocument.class));
        }
    }

    @Override
    public List<InvoiceSummary> list() {
        CurrentUser user = access.economy(AccessLevel.READ);
        Query q = scope.restrict(new Query(), "administration").with(Sort.by(Sort.Direction.DESC, "importedAt"))
                .limit(500);
        q.fields().exclude("lines").exclude("pending");
        List<InvoiceSummary> out = new ArrayList<>();
        for (InvoiceDocument d : mongo.find(q, InvoiceDocument.class)) {
            int open = (int) d.flags.stream().filter(f -> f.decision() == null).count();
            out.add(new InvoiceSummary(d.id, d.supplierName, d.number, d.issueDate, d.linesTotalOre,
                    d.placementIds.size(), d.flags.size(), open, status(d), d.importedAt));
        }
        events.publishEvent(new Audited("invoice.list", "invoice", null, user.administrationId(), "success",
                Map.of("count", out.size())));
        return out;
    }

    @Override
    public InvoiceView get(String id) {
        access.economy(AccessLevel.READ);
        InvoiceDocument d = load(id, "invoice.read");
        events.publishEvent(Audited.success("invoice.read", "invoice", d.id, d.administration));
        return view(d);
    }

    /** The stored invoice for an export (the caller checks access through {@link #get}). */
    InvoiceDocument document(String id) {
        access.economy(AccessLevel.READ);
        return load(id, "invoice.export");
    }

    @Override
    public InvoiceView decide(String invoiceId, String flagId, FlagDecisionRequest request) {
        access.economy(AccessLevel.WRITE);
        InvoiceDocument d = load(invoiceId, "invoice.flag.decide");
        FlagDecisionRequest r = request == null ? new FlagDecisionRequest(null, null, null) : request;
        int index = -1;
        for (int i = 0; i < d.flags.size(); i++) {
            if (d.flags.get(i).id().equals(flagId)) {
                index = i;
            }
        }
        if (index < 0) {
            throw PlaceraException.notFound(EconomyProblemCodes.FLAG_NOT_FOUND, "The invoice has no such flag.");
        }
        Versions.check(r.revision(), d.revision, "/revision", EconomyProblemCodes.CHANGED);
        List<Problem> problems = new ArrayList<>();
        if (!APPROVED.equals(r.decision()) && !DISPUTED.equals(r.decision())) {
            problems.add(new Problem("/decision", "one-of", "Ange godkand eller bestridd."));
        }
        if (DISPUTED.equals(r.decision()) && (r.note() == null || r.note().isBlank())) {
            problems.add(new Problem("/note", "required", "Skriv varför raden bestrids."));
        }
        if (r.note() != null && r.note().length() > 2000) {
            problems.add(new Problem("/note", "too-long", "Högst 2000 tecken."));
        }
        if (!problems.isEmpty()) {
            throw PlaceraException.invalid(EconomyProblemCodes.INVALID, "The decision has errors; nothing was changed.",
                    problems);
        }
        InvoiceFlag old = d.flags.get(index);
        InvoiceFlag decided = new InvoiceFlag(old.id(), old.lineNo(), old.type(), old.message(), old.expectedOre(),
                old.invoicedOre(), r.decision(), r.note(), access.require(se.placera.security.PlaceraModule.ECONOMY,
                        AccessLevel.WRITE).username(), clock.instant());
        List<InvoiceFlag> flags = new ArrayList<>(d.flags);
        flags.set(index, decided);
        d.flags = flags;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("flag", flagId);
        details.put("type", old.type().name());
        details.put("before", Map.of("decision", String.valueOf(old.decision())));
        details.put("after", Map.of("decision", r.decision()));
        try {
            CurrentUser user = access.economy(AccessLevel.WRITE);
            return view(write(d, "invoice.flag.decide", details, false, user.username(), user.administrationId()));
        } catch (OptimisticLockingFailureException e) {
            throw PlaceraException.conflict(EconomyProblemCodes.CHANGED,
                    "The invoice was changed elsewhere. Reload and try again.");
        }
    }

    private InvoiceDocument load(String id, String action) {
        InvoiceDocument d = id == null || id.length() > 100 ? null : mongo.findOne(
                scope.restrict(Query.query(Criteria.where("_id").is(id)), "administration"), InvoiceDocument.class);
        if (d == null) {
            events.publishEvent(Audited.denied(action, "invoice", id, EconomyProblemCodes.INVOICE_NOT_FOUND));
            throw PlaceraException.notFound(EconomyProblemCodes.INVOICE_NOT_FOUND, "There is no such invoice.");
        }
        return d;
    }

    private InvoiceDocument write(InvoiceDocument d, String action, Map<String, Object> details, boolean insert,
            String actor, String actorAdministration) {
        long revision = d.revision == null ? 0 : d.revision + 1;
        List<PendingAudit> pending = new ArrayList<>(d.pending == null ? List.of() : d.pending);
        pending.add(new PendingAudit(PendingAudit.idOf(d.id, revision), clock.instant(), actor,
                actorAdministration, new Audited(action, "invoice", d.id, d.administration, "success", details)));
        d.pending = pending;
        InvoiceDocument saved = insert ? mongo.insert(d) : mongo.save(d);
        outbox.deliver(invoiceOutbox, saved);
        return saved;
    }

    static InvoiceView view(InvoiceDocument d) {
        return new InvoiceView(d.id, d.administration, d.format, d.filename, d.supplierName, d.supplierOrgNumber,
                d.number, d.issueDate, d.currency, d.statedTotalOre, d.linesTotalOre, d.expectedTotalOre, d.lines,
                d.flags, status(d), d.importedBy, d.importedAt, d.revision);
    }

    static String status(InvoiceDocument d) {
        return d.flags.stream().anyMatch(f -> f.decision() == null) ? "att-granska" : "klar";
    }

    private static PlaceraException unreadable(List<Problem> problems) {
        return PlaceraException.invalid(EconomyProblemCodes.INVOICE_UNREADABLE,
                "The invoice file cannot be imported; nothing was imported.", problems);
    }

    private static PlaceraException duplicate(InvoiceDocument existing) {
        return PlaceraException.conflict(EconomyProblemCodes.INVOICE_DUPLICATE, "The invoice " + existing.number
                + " from " + existing.supplierName + " was imported before (" + existing.id + ", "
                + existing.importedAt + ").");
    }

    static boolean looksLikeXml(byte[] content) {
        for (byte b : content) {
            if (b == '<') {
                return true;
            }
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t' && b != (byte) 0xEF && b != (byte) 0xBB
                    && b != (byte) 0xBF) {
                return false;
            }
        }
        return false;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

}
