package se.placera.audit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * How an audit entry is stored (issue #18, item 4): a read of client data must be logged, but should cost what it
 * says. Since #18 an entry is written compactly, with the same hash as before (the hash is over the entry's values,
 * not its storage):
 *
 * <ul>
 *   <li>short field names ({@link #FIELDS}; the common detail keys too, {@link #DETAIL_KEYS});</li>
 *   <li>the hash as 32 bytes, not 64 hex characters, and the previous hash not stored: it is the hash of the entry
 *       before, which verification has just read (and a sealed segment keeps, {@code docs/audit.md});</li>
 *   <li>no class name, and what is implied left out: the outcome when it is {@code success}, the actor's
 *       administration when it is the entry's, empty details.</li>
 * </ul>
 *
 * Entries stored before (long names, {@code prevHash}, hex hash) are read as they are; a query matches both forms
 * ({@link #is}, {@link #field}).
 */
final class AuditStorage {

    static final String COLLECTION = "audit_log";

    /** Entry field → stored name. */
    static final Map<String, String> FIELDS = Map.of("at", "t", "actor", "a", "actorAdministration", "aa",
            "action", "x", "subjectType", "st", "subjectId", "s", "administration", "ad", "outcome", "o",
            "details", "d", "entryId", "e");

    /** Detail keys that most entries carry → stored name (other keys are stored as they are). */
    static final Map<String, String> DETAIL_KEYS = Map.of("methodId", "m", "methodVersion", "mv", "subjectType",
            "ct", "subjectId", "c", "caseId", "k", "changes", "ch");

    static final String HASH = "h";
    static final String SUCCESS = "success";

    private AuditStorage() {
    }

    /** The stored name of an entry field or of a dotted path into the details ({@code details.subjectId}). */
    static String stored(String path) {
        int dot = path.indexOf('.');
        String head = dot < 0 ? path : path.substring(0, dot);
        String mapped = FIELDS.getOrDefault(head, head);
        if (dot < 0) {
            return mapped;
        }
        String rest = path.substring(dot + 1);
        if (head.equals("details")) {
            int next = rest.indexOf('.');
            String key = next < 0 ? rest : rest.substring(0, next);
            rest = DETAIL_KEYS.getOrDefault(key, key) + (next < 0 ? "" : rest.substring(next));
        }
        return mapped + "." + rest;
    }

    /** A criterion on a field that matches entries of both forms. */
    static Criteria field(String path, java.util.function.Function<String, Criteria> criterion) {
        return new Criteria().orOperator(criterion.apply(path), criterion.apply(stored(path)));
    }

    static Criteria is(String path, Object value) {
        return field(path, f -> Criteria.where(f).is(value));
    }

    static Document toStored(AuditEntry e) {
        Document d = new Document("_id", e.seq);
        d.put("t", e.at == null ? null : Date.from(e.at));
        put(d, "a", e.actor);
        if (!java.util.Objects.equals(e.actorAdministration, e.administration)) {
            d.put("aa", e.actorAdministration);
        }
        put(d, "x", e.action);
        put(d, "st", e.subjectType);
        put(d, "s", e.subjectId);
        put(d, "ad", e.administration);
        if (!SUCCESS.equals(e.outcome)) {
            d.put("o", e.outcome);
        }
        if (e.details != null && !e.details.isEmpty()) {
            Map<String, Object> details = new LinkedHashMap<>();
            e.details.forEach((k, v) -> details.put(DETAIL_KEYS.getOrDefault(k, k), v));
            d.put("d", details);
        }
        put(d, "e", e.entryId);
        d.put(HASH, new Binary(HexFormat.of().parseHex(e.hash)));
        return d;
    }

    /** Whether a stored document is of the compact form. */
    static boolean compact(Document d) {
        return d.containsKey(HASH);
    }

    /**
     * An entry as stored, of either form. A compact entry's {@code prevHash} is {@code previousHash} (null when the
     * caller does not know it; verification always does).
     */
    static AuditEntry fromStored(Document d, String previousHash) {
        var e = new AuditEntry();
        e.seq = ((Number) d.get("_id")).longValue();
        if (!compact(d)) {
            e.at = instant(d.get("at"));
            e.actor = d.getString("actor");
            e.actorAdministration = d.getString("actorAdministration");
            e.action = d.getString("action");
            e.subjectType = d.getString("subjectType");
            e.subjectId = d.getString("subjectId");
            e.administration = d.getString("administration");
            e.outcome = d.getString("outcome");
            e.details = map(d.get("details"));
            e.prevHash = d.getString("prevHash");
            e.hash = d.getString("hash");
            e.v = d.get("v") instanceof Number n ? n.intValue() : null;
            e.entryId = d.getString("entryId");
            return e;
        }
        e.at = instant(d.get("t"));
        e.actor = d.getString("a");
        e.administration = d.getString("ad");
        e.actorAdministration = d.containsKey("aa") ? d.getString("aa") : e.administration;
        e.action = d.getString("x");
        e.subjectType = d.getString("st");
        e.subjectId = d.getString("s");
        e.outcome = d.containsKey("o") ? d.getString("o") : SUCCESS;
        Map<String, Object> details = new LinkedHashMap<>();
        Map<String, Object> stored = map(d.get("d"));
        if (stored != null) {
            Map<String, String> back = new java.util.HashMap<>();
            DETAIL_KEYS.forEach((k, v) -> back.put(v, k));
            stored.forEach((k, v) -> details.put(back.getOrDefault(k, k), v));
        }
        e.details = details;
        e.entryId = d.getString("e");
        Object h = d.get(HASH);
        e.hash = HexFormat.of().formatHex(h instanceof Binary b ? b.getData() : (byte[]) h);
        e.prevHash = previousHash;
        e.v = AuditChain.VERSION;
        return e;
    }

    private static void put(Document d, String key, Object value) {
        if (value != null) {
            d.put(key, value);
        }
    }

    private static Instant instant(Object v) {
        return switch (v) {
            case Date date -> date.toInstant();
            case Instant i -> i;
            case null, default -> null;
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object v) {
        if (!(v instanceof Map<?, ?> m)) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<String, Object>) m).forEach((k, x) -> out.put(k, plain(x)));
        return out;
    }

    /** Nested documents as plain maps and lists, as Spring Data read them before. */
    private static Object plain(Object v) {
        if (v instanceof Map<?, ?>) {
            return map(v);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(plain(x)));
            return out;
        }
        if (v instanceof Date date) {
            return date.toInstant();
        }
        return v;
    }
}
