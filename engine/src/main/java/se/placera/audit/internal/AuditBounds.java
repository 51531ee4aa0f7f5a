package se.placera.audit.internal;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The last line of defence of the audit log: whatever a caller passes, an entry holds bounded text and
 * bounded, structured details. A text longer than {@link AuditProperties#maxValueLength()} is cut and ends
 * with a marker holding its length and the SHA-256 of the whole value (so the entry still proves what it
 * was); details larger than {@link AuditProperties#maxDetailsLength()} as JSON are replaced by a marker
 * with their size, hash and top-level keys. Details become JSON values (no {@code Map.toString()} dumps), and
 * a {@code before}/{@code after} pair of objects becomes {@code changes = [{field, before, after}]} holding
 * only the fields that changed (one side may be missing or null: a creation or a removal). Every write that audits
 * a change passes such a pair, so the console shows the changed fields of any entry the same way.
 */
public final class AuditBounds {

    /** Bookkeeping fields left out of {@code changes}: they change with every write and tell a reader nothing. */
    static final Set<String> BOOKKEEPING = Set.of("version", "revision", "updatedAt", "updatedBy");

    private static final int MAX_ITEMS = 200;
    private static final int MAX_DEPTH = 8;

    private final int maxValue;
    private final int maxDetails;

    public AuditBounds(AuditProperties props) {
        this.maxValue = props.maxValueLength();
        this.maxDetails = props.maxDetailsLength();
    }

    /** The text, or its start followed by {@code …[truncated: N chars, sha256 H]} when it is too long. */
    public String text(String s) {
        if (s == null || s.length() <= maxValue) {
            return s;
        }
        String marker = "…[truncated: " + s.length() + " chars, sha256 " + AuditChain.sha256(s) + "]";
        int keep = Math.max(0, maxValue - marker.length());
        if (keep > 0 && Character.isHighSurrogate(s.charAt(keep - 1))) {
            keep--;
        }
        return s.substring(0, keep) + marker;
    }

    /** The details as bounded JSON values, with before/after turned into changes. */
    public Map<String, Object> details(Map<String, ?> details) {
        if (details == null || details.isEmpty()) {
            return new LinkedHashMap<>();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        int n = 0;
        for (var e : details.entrySet()) {
            if (n++ >= MAX_ITEMS) {
                out.put("truncatedKeys", details.size() - MAX_ITEMS);
                break;
            }
            out.put(text(String.valueOf(e.getKey())), value(e.getValue(), 1));
        }
        Object before = out.get("before");
        Object after = out.get("after");
        if ((before instanceof Map || after instanceof Map) && (before == null || before instanceof Map)
                && (after == null || after instanceof Map)) {
            // A creation (nothing before) or a removal (nothing after) lists its fields the same way.
            out.remove("before");
            out.remove("after");
            out.put("changes", changes(before == null ? Map.of() : (Map<?, ?>) before,
                    after == null ? Map.of() : (Map<?, ?>) after));
        }
        String json = AuditChain.canonicalJson(out);
        if (json.length() <= maxDetails) {
            return out;
        }
        Map<String, Object> marker = new LinkedHashMap<>();
        marker.put("truncated", true);
        marker.put("length", (long) json.length());
        marker.put("sha256", AuditChain.sha256(json));
        List<Object> keys = new ArrayList<>();
        int budget = maxDetails / 2;
        for (String k : out.keySet()) {
            budget -= k.length() + 3;
            if (budget < 0) {
                break;
            }
            keys.add(k);
        }
        marker.put("keys", keys);
        return marker;
    }

    /** The fields whose values differ, in the order of {@code before} then new fields of {@code after}. */
    static List<Object> changes(Map<?, ?> before, Map<?, ?> after) {
        Set<Object> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        List<Object> changes = new ArrayList<>();
        for (Object f : fields) {
            if (BOOKKEEPING.contains(String.valueOf(f))) {
                continue;
            }
            Object b = before.get(f);
            Object a = after.get(f);
            if (!Objects.equals(b, a)) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("field", String.valueOf(f));
                c.put("before", b);
                c.put("after", a);
                changes.add(c);
            }
        }
        return changes;
    }

    /** A JSON value: text, integer (long), decimal (double), boolean, list, object or null. */
    Object value(Object v, int depth) {
        switch (v) {
            case null -> {
                return null;
            }
            case String s -> {
                return text(s);
            }
            case Boolean b -> {
                return b;
            }
            case Integer i -> {
                return i.longValue();
            }
            case Long l -> {
                return l;
            }
            case Short s -> {
                return s.longValue();
            }
            case Byte b -> {
                return b.longValue();
            }
            case Double d -> {
                return d.isNaN() || d.isInfinite() ? d.toString() : d;
            }
            case Float f -> {
                return value(f.doubleValue(), depth);
            }
            case Enum<?> e -> {
                return e.name();
            }
            default -> {
            }
        }
        if (depth > MAX_DEPTH) {
            return text(String.valueOf(v));
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            int n = 0;
            for (var e : m.entrySet()) {
                if (n++ >= MAX_ITEMS) {
                    out.put("…", (long) (m.size() - MAX_ITEMS));
                    break;
                }
                out.put(text(String.valueOf(e.getKey())), value(e.getValue(), depth + 1));
            }
            return out;
        }
        if (v instanceof Collection<?> c) {
            return list(c, c.size(), depth);
        }
        if (v.getClass().isArray()) {
            int len = Array.getLength(v);
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < Math.min(len, MAX_ITEMS + 1); i++) {
                items.add(Array.get(v, i));
            }
            return list(items, len, depth);
        }
        return text(String.valueOf(v));
    }

    private List<Object> list(Collection<?> c, int size, int depth) {
        List<Object> out = new ArrayList<>();
        for (Object item : c) {
            if (out.size() >= MAX_ITEMS) {
                out.add("…[" + (size - MAX_ITEMS) + " more]");
                break;
            }
            out.add(value(item, depth + 1));
        }
        return out;
    }
}
