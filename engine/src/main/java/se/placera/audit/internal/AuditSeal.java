package se.placera.audit.internal;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The seal of a segment of the chain ({@code docs/audit.md}): entries {@code firstSeq … lastSeq} were verified and
 * may be moved to an archive; the seal keeps the segment's last hash, so verification of the live log starts from
 * it once the entries are gone, and still detects a change of the seal (entry {@code lastSeq + 1} was hashed over
 * the real last hash).
 */
@Document("audit_seals")
public class AuditSeal {

    @Id
    public long lastSeq;
    public long firstSeq;
    public String lastHash;
    public Instant sealedAt;
    public String sealedBy;
    /** Where the segment's export went, and its SHA-256 (as the operator recorded them). */
    public String archive;
    public String archiveSha256;
}
