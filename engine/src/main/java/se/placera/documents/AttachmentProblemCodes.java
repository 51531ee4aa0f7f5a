package se.placera.documents;

/** Stable error codes of attachments (the {@code code} of problem details); see docs/security.md. */
public final class AttachmentProblemCodes {
    /** 415: the content is not a PDF (wrong magic bytes, or no PDF parser can read it), whatever its name says. */
    public static final String NOT_PDF = "ATTACHMENT_NOT_PDF";
    /** 422: the PDF is encrypted (a password to open, or an owner password restricting it). */
    public static final String ENCRYPTED = "ATTACHMENT_ENCRYPTED";
    /** 422: the PDF is active: JavaScript, launch or other actions, embedded files, XFA forms, rich media. */
    public static final String ACTIVE_CONTENT = "ATTACHMENT_ACTIVE_CONTENT";
    /** 413: the file is larger than {@code placera.attachments.max-bytes}. */
    public static final String TOO_LARGE = "ATTACHMENT_TOO_LARGE";
    /** 400: the file is empty or its name is missing. */
    public static final String INVALID = "ATTACHMENT_INVALID";
    /** 404: no attachment with this id belongs to this owner. */
    public static final String NOT_FOUND = "ATTACHMENT_NOT_FOUND";

    private AttachmentProblemCodes() {
    }
}
