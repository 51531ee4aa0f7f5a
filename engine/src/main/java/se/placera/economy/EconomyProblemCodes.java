package se.placera.economy;

/** Stable problem codes of the economy module (docs/economy.md lists them with their statuses). */
public final class EconomyProblemCodes {

    /** 404: no such placement in the ledger (or not in the caller's administrations). */
    public static final String PLACEMENT_NOT_FOUND = "ECONOMY_PLACEMENT_NOT_FOUND";
    /** 404: no such invoice (or not in the caller's administrations). */
    public static final String INVOICE_NOT_FOUND = "ECONOMY_INVOICE_NOT_FOUND";
    /** 404: no such flag on the invoice. */
    public static final String FLAG_NOT_FOUND = "ECONOMY_FLAG_NOT_FOUND";
    /** 403: the caller lacks the ECONOMY (or INDEX) permission the operation needs. */
    public static final String FORBIDDEN = "ECONOMY_FORBIDDEN";
    /** 400: a request with invalid fields (the errors name them by JSON pointer). */
    public static final String INVALID = "ECONOMY_INVALID";
    /** 409: the record was changed since it was read. */
    public static final String CHANGED = "ECONOMY_CHANGED";
    /** 400: an invoice file that cannot be read (not XML/CSV, wrong schema, a line that cannot be matched). */
    public static final String INVOICE_UNREADABLE = "ECONOMY_INVOICE_UNREADABLE";
    /** 409: the same invoice (supplier and number, or the same file) was imported before. */
    public static final String INVOICE_DUPLICATE = "ECONOMY_INVOICE_DUPLICATE";

    private EconomyProblemCodes() {
    }
}
