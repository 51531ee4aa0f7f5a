package se.placera.audit.internal;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One entry of the audit log. {@code seq} is the primary key, so two appends cannot take the same place; each
 * entry's {@code hash} covers its fields and the previous entry's hash, so changing, removing or inserting an
 * entry breaks the chain from there on. Every field is bounded ({@link AuditBounds}).
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
    /**
     * Small, non-sensitive facts as JSON values (strings, numbers, booleans, lists, objects); for an update
     * {@code changes = [{field, before, after}]}. Entries written before version 2 hold only strings.
     */
    public Map<String, Object> details;
    public String prevHash;
    public String hash;
    /** How the hash is computed: null for the first format (details as text), 2 for JSON details. */
    @JsonIgnore
    public Integer v;
    /**
     * The stable id of an entry delivered from an outbox (document id and revision), so that a retried delivery
     * is recognised and not appended twice; null for entries appended directly.
     */
    @JsonIgnore
    public String entryId;
}
