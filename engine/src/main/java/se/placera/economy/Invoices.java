package se.placera.economy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Invoice reconciliation (EC-3): an invoice (Peppol BIS Billing 3 UBL XML or CSV) is read whole or not at all, each
 * line matched to a placement and period and checked against the agreed cost of the days present; what does not
 * agree is flagged, and an economist approves or disputes each flag with a note. Invoices belong to the importer's
 * administration (GD-1). ECONOMY READ reads, ECONOMY WRITE imports and decides.
 */
public interface Invoices {

    /** Kinds of flag. */
    enum FlagType { WRONG_PRICE, DAYS_OUTSIDE, DOUBLE_INVOICE, UNKNOWN_PLACEMENT, SUM_MISMATCH }

    InvoiceView importInvoice(String filename, byte[] content);

    /**
     * An import without a signed-in user (sample data, a future e-invoice mailbox): into {@code administration} in
     * the name of {@code actor}. The caller answers for the permission. A duplicate or a bad file is refused as in
     * {@link #importInvoice}.
     */
    InvoiceView importAs(String administration, String actor, String filename, byte[] content);

    List<InvoiceSummary> list();

    InvoiceView get(String id);

    /** Approves or disputes one flag (versioned: send the invoice's revision). */
    InvoiceView decide(String invoiceId, String flagId, FlagDecisionRequest decision);

    /** An invoice as imported and reconciled. {@code status}: {@code att-granska}, {@code klar}. */
    record InvoiceView(String id, String administration, String format, String filename, String supplierName,
            String supplierOrgNumber, String number, LocalDate issueDate, String currency, Long statedTotalOre,
            long linesTotalOre, long expectedTotalOre, List<InvoiceLineView> lines, List<InvoiceFlag> flags,
            String status, String importedBy, Instant importedAt, Long revision) {
    }

    /**
     * One line, with what Placera expected: {@code expectedDays} days present in the period, costing
     * {@code expectedOre} at the agreed prices in force.
     */
    record InvoiceLineView(String lineNo, int fileLine, String placementId, boolean matched, String description,
            LocalDate from, LocalDate to, long days, long unitPriceOre, long amountOre, long expectedDays,
            long expectedOre) {
    }

    /**
     * A flag on a line ({@code lineNo}) or on the whole invoice ({@code lineNo} null). {@code decision}:
     * {@code godkand} (approved, the economist accepts the line as invoiced) or {@code bestridd} (disputed).
     */
    record InvoiceFlag(String id, String lineNo, FlagType type, String message, Long expectedOre, Long invoicedOre,
            String decision, String note, String decidedBy, Instant decidedAt) {
    }

    record InvoiceSummary(String id, String supplierName, String number, LocalDate issueDate, long linesTotalOre,
            int lines, int flags, int openFlags, String status, Instant importedAt) {
    }

    /** {@code decision}: {@code godkand} or {@code bestridd}; a note is required when disputing. */
    record FlagDecisionRequest(Long revision, String decision, String note) {
    }
}
