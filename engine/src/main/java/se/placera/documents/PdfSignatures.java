package se.placera.documents;

import java.time.Instant;
import java.util.List;

/**
 * PAdES signatures on PDFs (EU DSS on PDFBox). {@link #signLocally} signs with a key of the local test CA
 * (created on first use, one key per signer) at level PAdES B-T with the local timestamp authority; {@link #validate}
 * checks every signature with DSS (intact, cryptographically valid, timestamped), that nothing was appended after
 * the last one, and that the document is still PDF/A-2b, and gives the DSS simple report to keep.
 */
public interface PdfSignatures {

    byte[] signLocally(byte[] pdf, Signer signer);

    Validation validate(byte[] pdf);

    /**
     * @param id           a stable id of the signer (their user name): one key per id
     * @param name         the signer's name (certificate CN)
     * @param organisation the organisation they sign for (certificate O)
     */
    record Signer(String id, String name, String organisation, String reason, String location) {
    }

    /**
     * @param valid     every signature intact, valid and timestamped, nothing appended after the last, still PDF/A
     * @param unchanged the last signature covers the whole file
     * @param report    the DSS simple report (XML)
     */
    record Validation(boolean valid, List<SignatureCheck> signatures, boolean unchanged, boolean pdfA,
            List<String> problems, String report) {
    }

    /** One signature as DSS sees it; {@code indication} TOTAL_PASSED, INDETERMINATE or TOTAL_FAILED. */
    record SignatureCheck(String id, String signedBy, Instant signingTime, String indication, String subIndication,
            boolean intact, boolean cryptographicallyValid, boolean timestamped) {
    }
}
