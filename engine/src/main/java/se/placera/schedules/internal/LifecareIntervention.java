package se.placera.schedules.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import se.placera.shared.Outbox;
import se.placera.shared.PendingAudit;

/**
 * One decided intervention imported from Lifecare. Its id is a stable key (a hash of the administration, the
 * client's look-up hash, the intervention code, the decision date and the start), so importing the same row again
 * finds it. The client's number is kept only encrypted and as the cases' keyed hash.
 */
@Document("lifecare_interventions")
class LifecareIntervention {
    @Id
    String id;
    @Indexed
    String administration;
    @Indexed
    String identityHash;
    String identityCipher;
    String masked;
    LocalDate birthDate;
    String interventionCode;
    String legalBasis;
    String targetGroup;
    LocalDate decisionDate;
    LocalDate start;
    LocalDate end;
    @Indexed
    String caseworker;
    Instant importedAt;
    String importedBy;
    @Version
    Long revision;
    List<PendingAudit> pending = new ArrayList<>();

    /** Whether the imported facts are the same (the import is then a no-op for this row). */
    boolean sameFacts(LifecareIntervention o) {
        return Objects.equals(interventionCode, o.interventionCode) && Objects.equals(legalBasis, o.legalBasis)
                && Objects.equals(targetGroup, o.targetGroup) && Objects.equals(decisionDate, o.decisionDate)
                && Objects.equals(start, o.start) && Objects.equals(end, o.end)
                && Objects.equals(caseworker, o.caseworker) && Objects.equals(administration, o.administration);
    }

    @org.springframework.stereotype.Component
    static class LifecareOutbox extends Outbox.Of<LifecareIntervention> {
        LifecareOutbox() {
            super(LifecareIntervention.class, d -> d.id, d -> d.pending);
        }
    }
}
