package se.placera.economy.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * An invoice as read from a file, before it is matched: amounts in öre, quantities in whole days.
 *
 * @param format        {@code peppol-bis-3} or {@code csv}
 * @param linesTotalOre the total of the lines the file states (UBL LegalMonetaryTotal/LineExtensionAmount); null
 *                      when the format has none
 */
record ParsedInvoice(String format, String supplierName, String supplierOrgNumber, String number,
        LocalDate issueDate, String currency, Long linesTotalOre, List<Line> lines) {

    /**
     * One line.
     *
     * @param lineNo       the line's number in the invoice (its ID, or its position)
     * @param fileLine     where it starts in the file (1-based), for messages
     * @param placementRef the placement the supplier invoices (the buyer's item id or the CSV column)
     */
    record Line(String lineNo, int fileLine, String placementRef, String description, LocalDate from, LocalDate to,
            long days, long unitPriceOre, long amountOre) {
    }
}
