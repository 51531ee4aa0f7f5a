/**
 * Agreements (PA-7, IN-3): the {@code agreement-template} metadata kind — which placements a template is for, the
 * fields it reads, the parts a caseworker writes, the body as a sandboxed FreeMarker template — and the agreements
 * made from a decided placement: preview, PDF/A-2b and DOCX, signatures through a {@link SigningProvider}, and
 * supplementary agreements whose signed prices the placement's agreed price follows ({@link AgreedPrices}).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "security", "metadata", "forms :: rules", "documents", "placements",
                "providers"})
package se.placera.agreements;
