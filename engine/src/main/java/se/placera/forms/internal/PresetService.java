package se.placera.forms.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import se.placera.forms.AutoAnswerPresets;
import se.placera.forms.FormProblemCodes;
import se.placera.metadata.JsonSchemas;
import se.placera.security.CurrentUsers;
import se.placera.security.UserDirectory;
import se.placera.shared.CacheGenerations;
import se.placera.shared.PlaceraException;
import se.placera.shared.Problem;
import se.placera.shared.Versions;

/** FM-6 presets, stored as data and read on every form evaluation (hence the cache). */
@Service
class PresetService implements AutoAnswerPresets {

    private final MongoTemplate mongo;
    private final MethodRegistry methods;
    private final JsonMapper mapper;
    private final CurrentUsers users;
    private final Clock clock;
    private final UserDirectory directory;
    private final Map<String, Map<String, Object>> cache = new ConcurrentHashMap<>();
    /** Presets saved on another instance (shared.CacheGenerations): the cache is dropped. */
    private final CacheGenerations.Watch changes;

    PresetService(MongoTemplate mongo, MethodRegistry methods, JsonMapper mapper, CurrentUsers users,
            Clock clock, CacheGenerations generations, UserDirectory directory) {
        this.directory = directory;
        this.mongo = mongo;
        this.methods = methods;
        this.mapper = mapper;
        this.users = users;
        this.clock = clock;
        this.changes = generations.watch(mongo.getCollectionName(PresetDocument.class));
    }

    @Override
    public Map<String, Object> get(String username, String methodId) {
        if (changes.changed()) {
            cache.clear();
        }
        return cache.computeIfAbsent(PresetDocument.key(username, methodId), key -> {
            PresetDocument doc = mongo.findById(key, PresetDocument.class);
            return doc == null || doc.values == null ? Map.of() : Map.copyOf(doc.values);
        });
    }

    @Override
    public Preset put(String username, String methodId, Map<String, Object> values, Long revision) {
        requireAdministered(username);
        var definition = methods.forNewResponse(methodId, null);
        CompiledMethod method = methods.compiled(definition.id(), definition.version());
        Map<String, Object> v = values == null ? Map.of() : values;
        List<Problem> problems = new ArrayList<>();
        for (String q : v.keySet()) {
            if (!method.questions().containsKey(q)) {
                problems.add(new Problem("/values/" + q, FormProblemCodes.UNKNOWN_QUESTION,
                        "Method '" + methodId + "' has no question '" + q + "'."));
            }
        }
        if (problems.isEmpty()) {
            problems.addAll(JsonSchemas.validate(method.submissionSchema(), mapper.valueToTree(v), "/values"));
        }
        if (!problems.isEmpty()) {
            throw PlaceraException.invalid(FormProblemCodes.INVALID_PRESET, "The presets do not fit the method.", problems);
        }
        String key = PresetDocument.key(username, methodId);
        PresetDocument doc = mongo.findById(key, PresetDocument.class);
        if (doc == null) {
            if (revision != null) {
                throw PlaceraException.conflict(FormProblemCodes.CONCURRENT_UPDATE,
                        "The presets were removed meanwhile. Reload and try again.");
            }
            doc = new PresetDocument();
        } else {
            Versions.check(revision, doc.revision, "/revision", FormProblemCodes.CONCURRENT_UPDATE);
        }
        doc.id = key;
        doc.username = username;
        doc.methodId = methodId;
        doc.values = new LinkedHashMap<>(v);
        doc.updatedAt = clock.instant();
        doc.updatedBy = users.actor();
        // Conditional on the revision read (@Version): an insert fails on the key, an update on a stale revision.
        try {
            doc = mongo.save(doc);
        } catch (DuplicateKeyException | OptimisticLockingFailureException e) {
            throw PlaceraException.conflict(FormProblemCodes.CONCURRENT_UPDATE,
                    "The presets were changed elsewhere at the same time. Reload and try again.");
        } finally {
            cache.remove(key);
        }
        return new Preset(doc.username, doc.methodId, doc.values, doc.revision);
    }

    /**
     * GD-1: an administrator sets presets only for users of administrations they administer; any other user
     * is reported as missing, as if there were no such user.
     */
    private void requireAdministered(String username) {
        var target = directory.byUsername(username).map(a -> a.user().grantedAdministrations().stream()
                .map(se.placera.security.CurrentUser.Administration::id).toList());
        if (target.isEmpty() || !users.current().administers(target.get())) {
            throw PlaceraException.notFound("USER_NOT_FOUND", "There is no user '" + username + "'.");
        }
    }

    @Override
    public void delete(String username, String methodId) {
        requireAdministered(username);
        String key = PresetDocument.key(username, methodId);
        mongo.remove(Query.query(Criteria.where("_id").is(key)), PresetDocument.class);
        cache.remove(key);
    }

    @Override
    public List<Preset> forUser(String username) {
        requireAdministered(username);
        return mongo.find(Query.query(Criteria.where("username").is(username)), PresetDocument.class).stream()
                .map(d -> new Preset(d.username, d.methodId, d.values, d.revision)).toList();
    }
}
