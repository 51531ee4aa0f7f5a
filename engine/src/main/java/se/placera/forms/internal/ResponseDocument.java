package se.placera.forms.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import se.placera.shared.PendingAudit;

/**
 * One response (a filled-in method) in storage. It pins the method version it was made on. Every change is
 * one document write guarded by {@link #revision}, so a draft is never half-saved and two editors cannot
 * overwrite each other unnoticed. The write carries its audit entry ({@link #pending}), so the change and its
 * entry cannot part ways.
 */
@Document("form_responses")
class ResponseDocument {

    @Id
    String id;
    String methodId;
    int methodVersion;
    String methodTitle;
    String purpose;
    String subjectType;
    String subjectId;
    Map<String, Object> subjectAttributes;
    String respondentRole;
    String createdBy;
    /** The administration (förvaltning) the response belongs to: the creator's home administration (GD-1). */
    String administration;
    String status;
    Map<String, Object> answers;
    Map<String, String> autoAnswered;
    Instant createdAt;
    Instant updatedAt;
    Instant submittedAt;
    @Version
    Long revision;
    /** Audit entries of writes not yet in the audit log: written with the change, removed once delivered. */
    List<PendingAudit> pending;
}
