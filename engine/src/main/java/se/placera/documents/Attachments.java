package se.placera.documents;

import java.io.InputStream;
import java.util.List;

/**
 * PDF attachments (issue #13, item 4): streamed to storage, checked by content, scoped to an owner. A file that
 * is not a PDF (415 {@link AttachmentProblemCodes#NOT_PDF}), an encrypted or active PDF (422) or a file over
 * {@code placera.attachments.max-bytes} (413) is refused and nothing is stored. The caller decides who may reach
 * an owner's attachments (and audits it); this module only keeps owners apart: every read names the owner, and
 * an attachment of another owner is reported missing.
 */
public interface Attachments {

    /**
     * Counts the stream into a spool file (never whole in memory; refused at the first byte past the limit),
     * checks it and only then stores it: a refused or half-read upload leaves nothing behind.
     *
     * @param declaredSize the size the client announced (Content-Length), or a negative number if unknown: a
     *                     declared size over the limit is refused before a byte is read
     * @param uploadedBy   the user name to record
     */
    Attachment store(String owner, String filename, InputStream content, long declaredSize, String uploadedBy);

    /** An attachment of this owner; {@link AttachmentProblemCodes#NOT_FOUND} (404) if none. */
    Attachment get(String owner, String id);

    /** The attachments of an owner, oldest first. */
    List<Attachment> list(String owner);

    /** The bytes of an attachment of this owner, streamed from storage; the caller closes the stream. */
    InputStream open(String owner, String id);

    /** Removes an attachment of this owner; {@link AttachmentProblemCodes#NOT_FOUND} (404) if none. */
    void delete(String owner, String id);

    /**
     * The content check of {@link #store} for callers that keep small files themselves (the register's unit
     * documents): throws the same problems for a non-PDF, an encrypted or an active PDF.
     */
    void requireSafePdf(byte[] content);
}
