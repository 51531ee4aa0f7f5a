package se.placera.documents;

import java.time.Instant;

/**
 * A stored attachment (a checked PDF): what its owner and readers see of it, never its bytes.
 *
 * @param owner      the scope it belongs to, chosen by the calling module (e.g. {@code inquiry:<id>}); every
 *                   read names it, and an attachment of another owner is missing (404)
 * @param filename   the file name given at upload, cleaned of path separators and control characters
 * @param size       bytes stored
 * @param sha256     hex SHA-256 of the bytes, for receipts and duplicate checks
 * @param pages      the PDF's number of pages
 * @param uploadedBy who uploaded it (the caller's user name)
 */
public record Attachment(String id, String owner, String filename, String contentType, long size, String sha256,
        int pages, Instant uploadedAt, String uploadedBy) {

    public static final String PDF = "application/pdf";
}
