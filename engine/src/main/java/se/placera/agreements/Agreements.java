package se.placera.agreements;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Agreements made from a decided placement (PA-7): the template is chosen by rule, the fields filled from the case,
 * the unit, the provider and the framework agreement; the caseworker writes the free-text parts (never the fixed
 * clauses), previews, and downloads PDF/A-2b or DOCX. Access follows the case: whoever may see the case may see
 * its agreements (PLACEMENT READ), changing needs PLACEMENT WRITE; a case outside the user's administrations is
 * reported as missing. Every read and write is audited.
 */
public interface Agreements {

    /** Creates the main agreement of a case with a decided placement (or a supplementary one, see {@link #supplement}). */
    AgreementView create(String caseId, NewAgreement request);

    List<AgreementView> forCase(String caseId);

    AgreementView get(String agreementId);

    /** Changes free-text parts of an unsigned agreement; names the revision read (428 without, 409 stale). */
    AgreementView edit(String agreementId, Edit edit);

    /** The agreement as XHTML, as it will be printed. */
    String preview(String agreementId);

    /** PDF/A-2b: the signed document once signing has begun, else rendered now. */
    byte[] pdf(String agreementId);

    byte[] docx(String agreementId);

    /**
     * A tilläggsavtal to a signed agreement: a new price from a date, and the change described. Signed the same
     * way; once signed, the placement's agreed price follows it from {@code validFrom}.
     */
    AgreementView supplement(String agreementId, NewSupplement request);

    /**
     * Signs as the municipality's representative, the first of the two signatures (PLACEMENT WRITE, involved in the
     * case), through the provider named ({@code local} by default). The PDF/A is frozen at the first signature;
     * every signed PDF is validated with DSS before it counts (400 {@code AGREEMENT_SIGNATURE_INVALID}).
     */
    AgreementView sign(String agreementId, Sign request);

    /** Goes on with a signing that a redirecting or polled provider started ({@code response}: what came back). */
    AgreementView continueSigning(String agreementId, String reference, java.util.Map<String, String> response);

    /** @param provider the signing provider's id; null for {@code local} */
    record Sign(Long revision, String provider) {
    }

    /** @param freeText values of the template's free-text parts; missing ones take the template's defaults */
    record NewAgreement(Map<String, String> freeText) {
    }

    record Edit(Long revision, Map<String, String> freeText) {
    }

    /** @param pricePerDay the new agreed price per day in whole kronor */
    record NewSupplement(Long revision, Long pricePerDay, LocalDate validFrom, Map<String, String> freeText) {
    }

    /** One free-text part: its id, title, the text, and the longest allowed. */
    record FreeTextPart(String id, String title, String text, int maxLength) {
    }

    /** A signature on the agreement, with the DSS validation of the document after it. */
    record SignatureView(String role, String signedBy, String name, Instant at, String provider,
            String indication) {
    }

    /** A change in the agreement's history. */
    record HistoryEntry(Instant at, String by, String action, String detail) {
    }

    /**
     * @param kind        {@code huvudavtal} or {@code tillaggsavtal}
     * @param status      {@code utkast}, {@code signeras} (one signature of two), {@code signerat}
     * @param pricePerDay the price per day this agreement sets, in whole kronor, from {@code validFrom}
     */
    record AgreementView(String id, String caseId, String number, String kind, String mainAgreementId,
            String templateId, int templateVersion, String title, String agreementType, String status,
            String unitId, String providerId, Long pricePerDay, LocalDate validFrom, List<FreeTextPart> freeText,
            List<SignatureView> signatures, String nextSigner, PendingSigningView pendingSigning,
            List<HistoryEntry> history, Instant createdAt, String createdBy, Long revision) {
    }

    /** A signing under way at a provider that redirects or is polled. */
    record PendingSigningView(String provider, String reference, String role, String signer, Instant startedAt,
            String redirectUrl) {
    }
}
