package se.placera.audit.internal;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One entry of the audit log. {@code seq} is the primary key, so two appends cannot take the same place; each
 * entry's {@code hash} covers its fields and the previous entry's hash, so changing, removing or inserting an
 * entry breaks the chain from there on.
 */
@Document("audit_log")
public class AuditEntry {

    @Id
    public long seq;
    public Instant at;
    public String actor;
    public String actorAdministration;
    public String action;
    public String subjectType;
    public String subjectId;
    public String administration;
    public String outcome;
    /** Small, non-sensitive facts, as text (so the hash survives the round trip through the database). */
    public Map<String, String> details;
    public String prevHash;
    public String hash;
}
