package se.placera.metadata.internal;

import se.placera.shared.CacheGenerations;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The collection of definition versions. Published and retired versions are immutable in content, so they
 * are cached by key; the cache entry is replaced when the status of a version changes on this node.
 */
@Component
class DefinitionStore {

    private final MongoTemplate mongo;
    private final Map<String, DefinitionDocument> immutable = new ConcurrentHashMap<>();

    /** A status changed on another instance (shared.CacheGenerations): the cache is dropped. */
    private final CacheGenerations.Watch changes;

    DefinitionStore(MongoTemplate mongo, CacheGenerations generations) {
        this.mongo = mongo;
        this.changes = generations.watch(mongo.getCollectionName(DefinitionDocument.class));
    }

    Optional<DefinitionDocument> find(String kind, String id, int version) {
        if (changes.changed()) {
            immutable.clear();
        }
        String key = DefinitionDocument.key(kind, id, version);
        DefinitionDocument cached = immutable.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        DefinitionDocument doc = mongo.findById(key, DefinitionDocument.class);
        if (doc != null && !"draft".equals(doc.status)) {
            immutable.put(key, doc);
        }
        return Optional.ofNullable(doc);
    }

    List<DefinitionDocument> versions(String kind, String id) {
        return mongo.find(Query.query(Criteria.where("kind").is(kind).and("definitionId").is(id))
                .with(Sort.by("version")), DefinitionDocument.class);
    }

    /** The newest version of every definition of a kind. */
    List<DefinitionDocument> latestOfKind(String kind) {
        List<DefinitionDocument> all = mongo.find(Query.query(Criteria.where("kind").is(kind)), DefinitionDocument.class);
        return all.stream()
                .collect(Collectors.toMap(d -> d.definitionId, Function.identity(),
                        (a, b) -> a.version >= b.version ? a : b))
                .values().stream()
                .sorted(Comparator.comparing(d -> d.definitionId))
                .toList();
    }

    List<DefinitionDocument> all() {
        return mongo.findAll(DefinitionDocument.class);
    }

    /** The version published most recently: the one new responses start on. */
    Optional<DefinitionDocument> latestPublished(String kind, String id) {
        Query q = Query.query(Criteria.where("kind").is(kind).and("definitionId").is(id).and("status").is("published"))
                .with(Sort.by(Sort.Direction.DESC, "publishedAt", "version")).limit(1);
        return Optional.ofNullable(mongo.findOne(q, DefinitionDocument.class));
    }

    /** Inserts a new version; fails with DuplicateKeyException if that version exists already. */
    DefinitionDocument insert(DefinitionDocument doc) {
        doc.key = DefinitionDocument.key(doc.kind, doc.definitionId, doc.version);
        return remember(mongo.insert(doc));
    }

    /** Saves a changed version; fails with OptimisticLockingFailureException if someone else saved first. */
    DefinitionDocument save(DefinitionDocument doc) {
        return remember(mongo.save(doc));
    }

    void delete(DefinitionDocument doc) {
        immutable.remove(doc.key);
        mongo.remove(Query.query(Criteria.where("_id").is(doc.key)), DefinitionDocument.class);
    }

    private DefinitionDocument remember(DefinitionDocument doc) {
        if ("draft".equals(doc.status)) {
            immutable.remove(doc.key);
        } else {
            immutable.put(doc.key, doc);
        }
        return doc;
    }
}
