package se.placera.metadata.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.placera.metadata.Bundle;
import se.placera.metadata.CodeUsage;
import se.placera.metadata.Definition;
import se.placera.metadata.DefinitionPublished;
import se.placera.metadata.DefinitionStatus;
import se.placera.metadata.ImportReport;
import se.placera.metadata.Metadata;
import se.placera.metadata.MetadataKind;
import se.placera.metadata.MetadataProblemCodes;
import se.placera.metadata.ValidationContext;
import se.placera.metadata.ValidationReport;
import se.placera.security.CurrentUsers;
import se.placera.shared.PlaceraException;
import se.placera.shared.Problem;
import se.placera.shared.Versions;

/**
 * The metadata store. Every change touches one document at a time; a bundle import validates everything
 * first and undoes what it wrote if a later write fails, so an import is all-or-nothing without transactions.
 */
@Service
class MetadataService implements Metadata {

    private static final Logger log = LoggerFactory.getLogger(MetadataService.class);

    private final Map<String, MetadataKind> kinds = new LinkedHashMap<>();
    private final DefinitionStore store;
    private final MetaSchemas metaSchemas;
    private final JsonMapper mapper;
    private final CurrentUsers users;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CodeUsages codeUsages;
    /** How many bundle entries an import has validated since start (a test checks an unchanged import adds none). */
    private final java.util.concurrent.atomic.AtomicLong validatedEntries = new java.util.concurrent.atomic.AtomicLong();

    MetadataService(List<MetadataKind> kinds, DefinitionStore store, MetaSchemas metaSchemas, JsonMapper mapper,
            CurrentUsers users, ApplicationEventPublisher events, Clock clock, CodeUsages codeUsages) {
        kinds.stream().sorted(Comparator.comparingInt(MetadataKind::importOrder).thenComparing(MetadataKind::name))
                .forEach(k -> {
                    if (this.kinds.put(k.name(), k) != null) {
                        throw new IllegalStateException("Two metadata kinds named " + k.name());
                    }
                    metaSchemas.schemaOf(k); // fail fast on a missing or broken meta-schema
                });
        this.store = store;
        this.metaSchemas = metaSchemas;
        this.mapper = mapper;
        this.users = users;
        this.events = events;
        this.clock = clock;
        this.codeUsages = codeUsages;
    }

    @Override
    public Collection<MetadataKind> kinds() {
        return kinds.values();
    }

    @Override
    public MetadataKind kind(String nameOrPlural) {
        MetadataKind k = kinds.get(nameOrPlural);
        if (k != null) {
            return k;
        }
        return kinds.values().stream().filter(x -> x.plural().equals(nameOrPlural)).findFirst()
                .orElseThrow(() -> PlaceraException.notFound(MetadataProblemCodes.UNKNOWN_KIND,
                        "There is no metadata kind '" + nameOrPlural + "'."));
    }

    @Override
    public List<Definition> list(String kind) {
        return store.latestOfKind(kind(kind).name()).stream().map(this::toDefinition).toList();
    }

    @Override
    public List<Definition> versions(String kind, String id) {
        List<DefinitionDocument> docs = store.versions(kind(kind).name(), id);
        if (docs.isEmpty()) {
            throw notFound(kind, id);
        }
        return docs.stream().map(this::toDefinition).toList();
    }

    @Override
    public Definition get(String kind, String id, int version) {
        String k = kind(kind).name();
        return store.find(k, id, version).map(this::toDefinition)
                .orElseThrow(() -> PlaceraException.notFound(MetadataProblemCodes.NOT_FOUND,
                        "There is no version " + version + " of " + k + " '" + id + "'."));
    }

    @Override
    public Definition latest(String kind, String id) {
        List<DefinitionDocument> docs = store.versions(kind(kind).name(), id);
        if (docs.isEmpty()) {
            throw notFound(kind, id);
        }
        return toDefinition(docs.getLast());
    }

    @Override
    public Optional<Definition> latestPublished(String kind, String id) {
        return store.latestPublished(kind(kind).name(), id).map(this::toDefinition);
    }

    @Override
    public ValidationReport validate(String kind, JsonNode content) {
        MetadataKind k = kind(kind);
        List<Problem> errors = new ArrayList<>(checkEnvelope(k, content, ""));
        if (errors.isEmpty()) {
            errors.addAll(metaSchemas.validate(k, content));
        }
        if (errors.isEmpty()) {
            errors.addAll(runHooks(k, content, storeContext(), ""));
        }
        return ValidationReport.of(errors, List.of());
    }

    @Override
    public SaveResult saveDraft(String kind, JsonNode content, Long revision) {
        return save(kind, content, false, revision);
    }

    @Override
    public SaveResult createDraft(String kind, JsonNode content) {
        return save(kind, content, true, null);
    }

    private SaveResult save(String kind, JsonNode content, boolean create, Long revision) {
        MetadataKind k = kind(kind);
        List<Problem> errors = new ArrayList<>(checkEnvelope(k, content, ""));
        if (errors.isEmpty()) {
            errors.addAll(metaSchemas.validate(k, content));
        }
        if (!errors.isEmpty()) {
            throw PlaceraException.invalid(MetadataProblemCodes.INVALID,
                    "The " + k.name() + " does not satisfy its meta-schema.", errors);
        }
        List<Problem> warnings = runHooks(k, content, storeContext(), "");
        String id = content.get("id").asString();
        String canonical = CanonicalJson.toString(mapper, content);
        String hash = CanonicalJson.hash(canonical);
        List<DefinitionDocument> versions = store.versions(k.name(), id);
        if (create && !versions.isEmpty()) {
            throw idTaken(k, id);
        }
        warnings = new ArrayList<>(warnings);
        warnings.addAll(codeUsages.problems(k, content, ""));
        DefinitionDocument saved;
        Instant now = clock.instant();
        if (!versions.isEmpty() && "draft".equals(versions.getLast().status)) {
            DefinitionDocument draft = versions.getLast();
            // The revision read is required (428 without, 409 if stale); the save is conditional on it (@Version).
            Versions.check(revision, draft.revision, "/revision", MetadataProblemCodes.CONCURRENT_UPDATE);
            if (!hash.equals(draft.contentHash)) {
                draft.content = canonical;
                draft.contentHash = hash;
                draft.updatedAt = now;
                draft = store.save(draft);
            }
            saved = draft;
        } else {
            int next = versions.isEmpty() ? 1 : versions.getLast().version + 1;
            try {
                saved = insertNew(k.name(), id, next, canonical, hash, "draft", "api", now);
            } catch (PlaceraException raced) {
                throw create ? idTaken(k, id) : raced;
            }
        }
        return new SaveResult(toDefinition(saved), ValidationReport.of(List.of(), warnings));
    }

    @Override
    public Definition publish(String kind, String id, int version) {
        MetadataKind k = kind(kind);
        DefinitionDocument doc = store.find(k.name(), id, version).orElseThrow(() -> notFound(kind, id));
        if ("published".equals(doc.status)) {
            return toDefinition(doc);
        }
        if (!"draft".equals(doc.status)) {
            throw PlaceraException.conflict(MetadataProblemCodes.NOT_A_DRAFT,
                    "Version " + version + " of " + k.name() + " '" + id + "' is " + doc.status + "; only a draft can be published.");
        }
        JsonNode content = mapper.readTree(doc.content);
        List<Problem> errors = new ArrayList<>(metaSchemas.validate(k, content));
        if (errors.isEmpty()) {
            errors.addAll(runHooks(k, content, storeContext(), ""));
        }
        if (!errors.isEmpty()) {
            throw PlaceraException.invalid(MetadataProblemCodes.INVALID,
                    "The " + k.name() + " cannot be published: fix the problems listed.", errors);
        }
        List<CodeUsage.Use> inUse = codeUsages.droppedInUse(k, content);
        if (!inUse.isEmpty()) {
            throw new PlaceraException(PlaceraException.Kind.CONFLICT, MetadataProblemCodes.CODE_IN_USE,
                    "Version " + version + " of " + k.name() + " '" + id + "' drops values that are still in use; "
                            + "keep them and retire them (active: false) instead.",
                    inUse.stream().map(u -> CodeUsages.problem(u, "")).toList()).with("usages", inUse);
        }
        doc.status = "published";
        doc.publishedAt = clock.instant();
        doc.publishedBy = users.actor();
        doc.updatedAt = doc.publishedAt;
        Definition published = toDefinition(store.save(doc));
        announce(k, published);
        return published;
    }

    @Override
    public Definition retire(String kind, String id, int version) {
        MetadataKind k = kind(kind);
        DefinitionDocument doc = store.find(k.name(), id, version).orElseThrow(() -> notFound(kind, id));
        if ("retired".equals(doc.status)) {
            return toDefinition(doc);
        }
        if (!"published".equals(doc.status)) {
            throw PlaceraException.conflict(MetadataProblemCodes.NOT_PUBLISHED,
                    "Only a published version can be retired; version " + version + " is a draft.");
        }
        doc.status = "retired";
        doc.retiredAt = clock.instant();
        doc.retiredBy = users.actor();
        doc.updatedAt = doc.retiredAt;
        return toDefinition(store.save(doc));
    }

    @Override
    public Bundle export(Collection<String> kindNames) {
        var wanted = (kindNames == null || kindNames.isEmpty() ? kinds.keySet() : kindNames).stream()
                .map(n -> kind(n).name()).collect(Collectors.toSet());
        List<Bundle.Entry> entries = store.all().stream()
                .filter(d -> wanted.contains(d.kind))
                .sorted(Comparator.comparingInt((DefinitionDocument d) -> kinds.get(d.kind).importOrder())
                        .thenComparing(d -> d.kind).thenComparing(d -> d.definitionId).thenComparingInt(d -> d.version))
                .map(d -> new Bundle.Entry(d.kind, d.definitionId, d.version, DefinitionStatus.parse(d.status),
                        mapper.readTree(d.content), null))
                .toList();
        return new Bundle(Bundle.FORMAT, clock.instant(), entries);
    }

    @Override
    public ImportReport importBundle(Bundle bundle, boolean validateOnly) {
        List<Problem> errors = new ArrayList<>();
        if (bundle.format() != null && !Bundle.FORMAT.equals(bundle.format())) {
            errors.add(new Problem("/format", "bundle.format", "Expected format '" + Bundle.FORMAT + "'."));
            return new ImportReport(validateOnly, false, List.of(), errors);
        }
        // Keep only the newest entry per definition: an export holds every version.
        Map<String, Integer> newestIndex = new HashMap<>();
        List<Bundle.Entry> entries = bundle.definitions();
        for (int i = 0; i < entries.size(); i++) {
            Bundle.Entry e = entries.get(i);
            String pointer = "/definitions/" + i;
            if (e == null || e.content() == null || !e.content().isObject()) {
                errors.add(new Problem(pointer + "/content", "bundle.content-missing", "Each entry needs a content object."));
                continue;
            }
            String kindName = e.kind() != null ? e.kind() : text(e.content(), "kind");
            if (kindName == null || !kinds.containsKey(kindName)) {
                errors.add(new Problem(pointer + "/kind", "bundle.unknown-kind", "Unknown kind '" + kindName + "'."));
                continue;
            }
            String id = text(e.content(), "id");
            if (e.id() != null && id != null && !e.id().equals(id)) {
                errors.add(new Problem(pointer + "/id", MetadataProblemCodes.ID_MISMATCH.toLowerCase(),
                        "The entry's id '" + e.id() + "' differs from the content's id '" + id + "'."));
                continue;
            }
            if (e.status() == DefinitionStatus.RETIRED) {
                continue; // retired versions stay where they are; an import never brings one back
            }
            String key = kindName + ":" + id;
            Integer previous = newestIndex.get(key);
            if (previous == null || versionOf(entries.get(previous)) <= versionOf(e)) {
                newestIndex.put(key, i);
            }
        }
        Map<String, JsonNode> overlay = new HashMap<>();
        for (int i : newestIndex.values()) {
            Bundle.Entry e = entries.get(i);
            if (statusOf(e) != DefinitionStatus.DRAFT) {
                overlay.put(kindOf(e) + ":" + text(e.content(), "id"), e.content());
            }
        }
        ValidationContextImpl bundleContext = new ValidationContextImpl(overlay);
        List<Integer> order = newestIndex.values().stream()
                .sorted(Comparator.comparingInt((Integer i) -> kinds.get(kindOf(entries.get(i))).importOrder())
                        .thenComparingInt(i -> i))
                .toList();
        // The plan first: it compares each entry's content hash with the stored versions and reads nothing else.
        List<ImportReport.Item> items = new ArrayList<>();
        List<Runnable> plan = new ArrayList<>();
        Deque<Runnable> undo = new ArrayDeque<>();
        List<Definition> newlyPublished = new ArrayList<>();
        Instant now = clock.instant();
        for (int i : order) {
            planEntry(entries.get(i), now, items, plan, undo, newlyPublished);
        }
        if (plan.isEmpty() && errors.isEmpty()) {
            // Every definition is stored already with this exact content and status, and was validated when it was
            // stored: a hash check, not a re-validation (issue #18, item 5; the restart's import of the library).
            return new ImportReport(validateOnly, !validateOnly, items, List.of());
        }
        for (int i : order) {
            validatedEntries.incrementAndGet();
            Bundle.Entry e = entries.get(i);
            MetadataKind k = kinds.get(kindOf(e));
            String prefix = "/definitions/" + i + "/content";
            List<Problem> p = new ArrayList<>(checkEnvelope(k, e.content(), prefix));
            if (p.isEmpty()) {
                p.addAll(prefixed(metaSchemas.validate(k, e.content()), prefix));
            }
            if (p.isEmpty() && statusOf(e) != DefinitionStatus.DRAFT) {
                p.addAll(runHooks(k, e.content(), bundleContext, prefix));
            }
            if (p.isEmpty() && statusOf(e) != DefinitionStatus.DRAFT) {
                p.addAll(codeUsages.problems(k, e.content(), prefix));
            }
            errors.addAll(p);
        }
        if (!errors.isEmpty()) {
            return new ImportReport(validateOnly, false, List.of(), errors);
        }
        if (validateOnly) {
            return new ImportReport(true, false, items, List.of());
        }
        try {
            plan.forEach(Runnable::run);
        } catch (RuntimeException failure) {
            log.warn("Bundle import failed part-way; undoing {} step(s)", undo.size(), failure);
            while (!undo.isEmpty()) {
                try {
                    undo.pop().run();
                } catch (RuntimeException undoFailure) {
                    log.error("Could not undo a step of a failed bundle import", undoFailure);
                }
            }
            throw PlaceraException.conflict(MetadataProblemCodes.BUNDLE_INVALID,
                    "The import failed while writing and was undone: " + failure.getMessage());
        }
        for (Definition d : newlyPublished) {
            announce(kinds.get(d.kind()), latestPublished(d.kind(), d.id()).orElse(d));
        }
        return new ImportReport(false, true, items, List.of());
    }

    /** How many bundle entries imports have validated since start. */
    long validatedEntries() {
        return validatedEntries.get();
    }

    private void planEntry(Bundle.Entry e, Instant now, List<ImportReport.Item> items, List<Runnable> plan,
            Deque<Runnable> undo, List<Definition> newlyPublished) {
        String kind = kindOf(e);
        String id = text(e.content(), "id");
        String canonical = CanonicalJson.toString(mapper, e.content());
        String hash = CanonicalJson.hash(canonical);
        DefinitionStatus wanted = statusOf(e);
        String source = e.source() != null ? e.source() : "bundle";
        List<DefinitionDocument> versions = store.versions(kind, id);
        Optional<DefinitionDocument> same = versions.stream().filter(v -> hash.equals(v.contentHash))
                .reduce((a, b) -> b);
        if (same.isPresent()) {
            DefinitionDocument doc = same.get();
            if (wanted == DefinitionStatus.PUBLISHED && "draft".equals(doc.status)) {
                items.add(new ImportReport.Item(kind, id, "published", doc.version, DefinitionStatus.PUBLISHED));
                plan.add(() -> {
                    doc.status = "published";
                    doc.publishedAt = now;
                    doc.publishedBy = users.actor();
                    doc.updatedAt = now;
                    DefinitionDocument saved = store.save(doc);
                    undo.push(() -> {
                        saved.status = "draft";
                        saved.publishedAt = null;
                        saved.publishedBy = null;
                        store.save(saved);
                    });
                    newlyPublished.add(toDefinition(saved));
                });
            } else {
                items.add(new ImportReport.Item(kind, id, "unchanged", doc.version, DefinitionStatus.parse(doc.status)));
            }
            return;
        }
        DefinitionDocument last = versions.isEmpty() ? null : versions.getLast();
        if (wanted == DefinitionStatus.DRAFT && last != null && "draft".equals(last.status)) {
            items.add(new ImportReport.Item(kind, id, "draft-updated", last.version, DefinitionStatus.DRAFT));
            String oldContent = last.content;
            String oldHash = last.contentHash;
            plan.add(() -> {
                last.content = canonical;
                last.contentHash = hash;
                last.updatedAt = now;
                DefinitionDocument saved = store.save(last);
                undo.push(() -> {
                    saved.content = oldContent;
                    saved.contentHash = oldHash;
                    store.save(saved);
                });
            });
            return;
        }
        int next = last == null ? 1 : last.version + 1;
        items.add(new ImportReport.Item(kind, id, "created", next, wanted));
        plan.add(() -> {
            DefinitionDocument doc = insertNew(kind, id, next, canonical, hash, wanted.json(), source, now);
            undo.push(() -> store.delete(doc));
            if (wanted == DefinitionStatus.PUBLISHED) {
                newlyPublished.add(toDefinition(doc));
            }
        });
    }

    private DefinitionDocument insertNew(String kind, String id, int version, String canonical, String hash,
            String status, String source, Instant now) {
        var doc = new DefinitionDocument();
        doc.kind = kind;
        doc.definitionId = id;
        doc.version = version;
        doc.status = status;
        doc.content = canonical;
        doc.contentHash = hash;
        doc.createdAt = now;
        doc.createdBy = users.actor();
        doc.updatedAt = now;
        doc.source = source;
        if ("published".equals(status)) {
            doc.publishedAt = now;
            doc.publishedBy = doc.createdBy;
        }
        try {
            return store.insert(doc);
        } catch (DuplicateKeyException e) {
            throw PlaceraException.conflict("METADATA_CONCURRENT_VERSION",
                    "Someone else created version " + version + " of " + kind + " '" + id + "' at the same time. Try again.");
        }
    }

    private PlaceraException idTaken(MetadataKind k, String id) {
        DefinitionDocument last = store.versions(k.name(), id).stream().reduce((a, b) -> b).orElse(null);
        PlaceraException taken = new PlaceraException(PlaceraException.Kind.CONFLICT, MetadataProblemCodes.ID_TAKEN,
                "There is already a " + k.name() + " '" + id + "'; open it, or choose another id.",
                List.of(new Problem("/id", "metadata.id-taken", "The id '" + id + "' is taken.")))
                .with("id", id);
        return last == null ? taken : taken.with("version", last.version).with("status", last.status);
    }

    private void announce(MetadataKind kind, Definition published) {
        kind.afterPublish(published);
        events.publishEvent(new DefinitionPublished(published.kind(), published.id(), published.version()));
    }

    private List<Problem> checkEnvelope(MetadataKind k, JsonNode content, String prefix) {
        if (content == null || !content.isObject()) {
            return List.of(new Problem(prefix.isEmpty() ? "" : prefix, "metadata.not-an-object",
                    "A definition is a JSON object."));
        }
        JsonNode kindNode = content.get("kind");
        if (kindNode != null && kindNode.isString() && !k.name().equals(kindNode.asString())) {
            return List.of(new Problem(prefix + "/kind", "metadata.kind-mismatch",
                    "This endpoint takes kind '" + k.name() + "', the content says '" + kindNode.asString() + "'."));
        }
        return List.of();
    }

    private List<Problem> runHooks(MetadataKind k, JsonNode content, ValidationContextImpl context, String prefix) {
        context.problems.clear();
        try {
            k.validate(content, context);
        } catch (RuntimeException e) {
            log.warn("Validation hook of kind {} failed", k.name(), e);
            context.problem("", "metadata.hook-failed", "The " + k.name() + " checks failed: " + e.getMessage());
        }
        List<Problem> out = prefixed(context.problems, prefix);
        context.problems.clear();
        return out;
    }

    private static List<Problem> prefixed(List<Problem> problems, String prefix) {
        if (prefix.isEmpty()) {
            return List.copyOf(problems);
        }
        return problems.stream().map(p -> new Problem(prefix + p.pointer(), p.code(), p.detail())).toList();
    }

    private ValidationContextImpl storeContext() {
        return new ValidationContextImpl(Map.of());
    }

    private final class ValidationContextImpl implements ValidationContext {
        private final Map<String, JsonNode> overlay;
        private final Map<String, Optional<JsonNode>> resolved = new HashMap<>();
        final List<Problem> problems = new ArrayList<>();

        ValidationContextImpl(Map<String, JsonNode> overlay) {
            this.overlay = overlay;
        }

        @Override
        public Optional<JsonNode> resolve(String kind, String id) {
            String key = kind + ":" + id;
            JsonNode fromBundle = overlay.get(key);
            if (fromBundle != null) {
                return Optional.of(fromBundle);
            }
            return resolved.computeIfAbsent(key, x -> store.latestPublished(kind, id).map(d -> mapper.readTree(d.content)));
        }

        @Override
        public List<JsonNode> published(String kind) {
            Map<String, JsonNode> byId = new java.util.TreeMap<>();
            for (DefinitionDocument d : store.latestOfKind(kind)) {
                resolve(kind, d.definitionId).ifPresent(c -> byId.put(d.definitionId, c));
            }
            String prefix = kind + ":";
            overlay.forEach((key, content) -> {
                if (key.startsWith(prefix)) {
                    byId.put(key.substring(prefix.length()), content);
                }
            });
            return List.copyOf(byId.values());
        }

        @Override
        public void problem(String pointer, String code, String detail) {
            problems.add(new Problem(pointer, code, detail));
        }
    }

    private Definition toDefinition(DefinitionDocument d) {
        return new Definition(d.kind, d.definitionId, d.version, DefinitionStatus.parse(d.status),
                mapper.readTree(d.content), d.contentHash, d.createdAt, d.createdBy, d.updatedAt, d.publishedAt,
                d.publishedBy, d.retiredAt, d.source, d.revision);
    }

    private PlaceraException notFound(String kind, String id) {
        return PlaceraException.notFound(MetadataProblemCodes.NOT_FOUND,
                "There is no " + kind(kind).name() + " '" + id + "'.");
    }

    private String kindOf(Bundle.Entry e) {
        return e.kind() != null ? e.kind() : text(e.content(), "kind");
    }

    private static DefinitionStatus statusOf(Bundle.Entry e) {
        return e.status() == null ? DefinitionStatus.PUBLISHED : e.status();
    }

    private static int versionOf(Bundle.Entry e) {
        return e.version() == null ? Integer.MAX_VALUE : e.version();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isString() ? v.asString() : null;
    }
}
