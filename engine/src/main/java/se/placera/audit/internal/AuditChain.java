package se.placera.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash of an audit entry: SHA-256 over its fields in a fixed order, ending with the previous hash. Version
 * 2 entries ({@code v = 2}) hash their details as canonical JSON (keys sorted); older entries hash their
 * details as text, as they were written.
 */
public final class AuditChain {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    /** The hash format of new entries. */
    public static final int VERSION = 2;

    private AuditChain() {
    }

    public static String hash(AuditEntry e) {
        StringBuilder sb = new StringBuilder();
        if (e.v != null) {
            field(sb, "v" + e.v);
        }
        field(sb, Long.toString(e.seq));
        field(sb, e.at == null ? null : e.at.toString());
        field(sb, e.actor);
        field(sb, e.actorAdministration);
        field(sb, e.action);
        field(sb, e.subjectType);
        field(sb, e.subjectId);
        field(sb, e.administration);
        field(sb, e.outcome);
        if (e.v == null) {
            Map<String, Object> details = e.details == null ? Map.of() : new TreeMap<>(e.details);
            field(sb, Integer.toString(details.size()));
            details.forEach((k, v) -> {
                field(sb, k);
                field(sb, v == null ? null : String.valueOf(v));
            });
        } else {
            field(sb, e.entryId);
            field(sb, canonicalJson(e.details == null ? Map.of() : e.details));
        }
        field(sb, e.prevHash);
        return sha256(sb.toString());
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * JSON with object keys sorted and numbers written by kind (integers as integers, decimals as Java writes a
     * double), so a value hashes alike before and after its round trip through the database.
     */
    public static String canonicalJson(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object value) {
        switch (value) {
            case null -> sb.append("null");
            case String s -> string(sb, s);
            case Boolean b -> sb.append(b);
            case Double d -> sb.append(d.isNaN() || d.isInfinite() ? "null" : d.toString());
            case Float f -> sb.append(Double.toString(f.doubleValue()));
            case Number n -> sb.append(n.longValue());
            case Map<?, ?> m -> {
                sb.append('{');
                boolean first = true;
                for (var entry : new TreeMap<String, Object>(stringKeys(m)).entrySet()) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    string(sb, entry.getKey());
                    sb.append(':');
                    write(sb, entry.getValue());
                }
                sb.append('}');
            }
            case List<?> l -> {
                sb.append('[');
                for (int i = 0; i < l.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    write(sb, l.get(i));
                }
                sb.append(']');
            }
            default -> string(sb, String.valueOf(value));
        }
    }

    private static Map<String, Object> stringKeys(Map<?, ?> m) {
        Map<String, Object> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** Length-prefixed, so no choice of values can make two different entries serialise alike. */
    private static void field(StringBuilder sb, String value) {
        if (value == null) {
            sb.append("-1:");
        } else {
            sb.append(value.length()).append(':').append(value);
        }
        sb.append('|');
    }
}
