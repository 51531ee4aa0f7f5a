package se.placera.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** The hash of an audit entry: SHA-256 over its fields in a fixed order, ending with the previous hash. */
public final class AuditChain {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hash(AuditEntry e) {
        StringBuilder sb = new StringBuilder();
        field(sb, Long.toString(e.seq));
        field(sb, e.at == null ? null : e.at.toString());
        field(sb, e.actor);
        field(sb, e.actorAdministration);
        field(sb, e.action);
        field(sb, e.subjectType);
        field(sb, e.subjectId);
        field(sb, e.administration);
        field(sb, e.outcome);
        Map<String, String> details = e.details == null ? Map.of() : new TreeMap<>(e.details);
        field(sb, Integer.toString(details.size()));
        details.forEach((k, v) -> {
            field(sb, k);
            field(sb, v);
        });
        field(sb, e.prevHash);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
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
