package se.placera.agreements.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import se.placera.shared.PendingAudit;

/**
 * One agreement in storage. It pins the template version it was made from and keeps the field values it was
 * filled with, so it renders the same later. Every change is one document write guarded by {@link #revision} and
 * carries its audit entry ({@link #pending}). Once signing has begun the PDF is fixed ({@link #pdf}: the document
 * with the signatures so far) and only signatures are added.
 */
@Document("agreements")
class AgreementDocument {

    @Id
    String id;
    /** The administration of the case (GD-1). */
    @Indexed
    String administration;
    @Indexed
    String caseId;
    String number;
    /** {@code huvudavtal} or {@code tillaggsavtal}. */
    String kind;
    String mainAgreementId;
    String templateId;
    int templateVersion;
    String title;
    String agreementType;
    /** {@code utkast}, {@code signeras}, {@code signerat}. */
    String status;
    String unitId;
    String providerId;
    Long pricePerDay;
    LocalDate validFrom;
    /** The model the template reads (group → field → value), free text excluded. */
    Map<String, Map<String, Object>> model = new LinkedHashMap<>();
    Map<String, String> freeText = new LinkedHashMap<>();
    /** The PDF/A as frozen for signing, then with each signature added. */
    byte[] pdf;
    List<Signature> signatures = new ArrayList<>();
    List<Change> history = new ArrayList<>();
    /** A signing under way at a provider that redirects or is polled; null otherwise. */
    PendingSigning pendingSigning;
    Instant createdAt;
    String createdBy;
    Instant updatedAt;
    @Version
    Long revision;
    List<PendingAudit> pending;

    static class Signature {
        /** {@code kommun} (the municipality's representative) or {@code utforare} (the provider's signatory). */
        String role;
        String signedBy;
        String name;
        Instant at;
        String provider;
        /** The DSS indication of this signature in the validation after it was added (TOTAL_PASSED …). */
        String indication;
        /** The DSS validation report (simple report XML) of the document after this signature. */
        String validationReport;
    }

    static class PendingSigning {
        String provider;
        String reference;
        String role;
        String signer;
        String signerName;
        Instant startedAt;
        String redirectUrl;
    }

    static class Change {
        Instant at;
        String by;
        String action;
        String detail;
    }
}
