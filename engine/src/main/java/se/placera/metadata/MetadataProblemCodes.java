package se.placera.metadata;

/** Stable error codes of the metadata module (the {@code code} of problem details). */
public final class MetadataProblemCodes {
    public static final String UNKNOWN_KIND = "METADATA_UNKNOWN_KIND";
    public static final String NOT_FOUND = "METADATA_NOT_FOUND";
    public static final String INVALID = "METADATA_INVALID";
    public static final String NOT_A_DRAFT = "METADATA_NOT_A_DRAFT";
    public static final String NOT_PUBLISHED = "METADATA_NOT_PUBLISHED";
    public static final String ID_MISMATCH = "METADATA_ID_MISMATCH";
    public static final String BUNDLE_INVALID = "METADATA_BUNDLE_INVALID";
    /** 409: a new definition was asked for ({@code ?create=true}) with an id that already exists. */
    public static final String ID_TAKEN = "METADATA_ID_TAKEN";
    /** 409: a codelist version would drop values that records, responses or methods still use. */
    public static final String CODE_IN_USE = "METADATA_CODE_IN_USE";
    /** 409: the draft was changed since the revision the client sent. */
    public static final String CONCURRENT_UPDATE = "CONCURRENT_UPDATE";

    private MetadataProblemCodes() {
    }
}
