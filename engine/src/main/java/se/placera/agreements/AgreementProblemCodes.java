package se.placera.agreements;

/** Stable codes of the agreements' problem details. */
public final class AgreementProblemCodes {

    public static final String NOT_FOUND = "AGREEMENT_NOT_FOUND";
    public static final String FORBIDDEN = "AGREEMENT_FORBIDDEN";
    public static final String INVALID = "AGREEMENT_INVALID";
    /** 409: the case has no decided placement (unit, price, start date) yet. */
    public static final String NO_PLACEMENT = "AGREEMENT_NO_PLACEMENT";
    /** 409: no published template applies to the placement. */
    public static final String NO_TEMPLATE = "AGREEMENT_NO_TEMPLATE";
    /** 422-like 400: the chosen template cannot be rendered for this placement (field and line given). */
    public static final String TEMPLATE_FAILED = "AGREEMENT_TEMPLATE_FAILED";
    /** 409: the agreement is signed (or being signed) and cannot change; make a tilläggsavtal. */
    public static final String LOCKED = "AGREEMENT_LOCKED";
    public static final String CHANGED = "AGREEMENT_CHANGED";
    /** 409: the case has a main agreement already. */
    public static final String EXISTS = "AGREEMENT_EXISTS";
    /** 409: not this signer's turn, or nothing left to sign. */
    public static final String SIGNING_ORDER = "AGREEMENT_SIGNING_ORDER";
    /** 400: a signed PDF whose signatures do not validate. */
    public static final String SIGNATURE_INVALID = "AGREEMENT_SIGNATURE_INVALID";
    /** 409: the signing failed or was abandoned; the agreement is unsigned and can be signed again. */
    public static final String SIGNING_FAILED = "AGREEMENT_SIGNING_FAILED";

    private AgreementProblemCodes() {
    }
}
