package se.placera.economy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes a minimal Peppol BIS Billing 3 invoice (UBL 2.1) of placement days, as a provider would send it: one line per
 * placement and period with the placement's id as the buyer's item id. Social care is VAT exempt (category E, 0 %).
 * Used by the sample data and the tests; valid against the official UBL 2.1 Invoice schema.
 */
public final class PeppolInvoiceWriter {

    private PeppolInvoiceWriter() {
    }

    /** One line: {@code days} days of {@code placementId} in from–to at {@code unitPriceOre}, amount {@code amountOre}. */
    public record Line(String placementId, String description, LocalDate from, LocalDate to, long days,
            long unitPriceOre, long amountOre) {
    }

    /**
     * @param statedTotalOre the total the invoice states for its lines (normally their sum)
     */
    public static String write(String number, LocalDate issueDate, String supplierName, String supplierOrgNumber,
            String buyerName, List<Line> lines, long statedTotalOre) {
        StringBuilder x = new StringBuilder(1024 + lines.size() * 900);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"\n")
                .append("    xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\"\n")
                .append("    xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">\n")
                .append("  <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>\n")
                .append("  <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>\n")
                .append("  <cbc:ID>").append(esc(number)).append("</cbc:ID>\n")
                .append("  <cbc:IssueDate>").append(issueDate).append("</cbc:IssueDate>\n")
                .append("  <cbc:DueDate>").append(issueDate.plusDays(30)).append("</cbc:DueDate>\n")
                .append("  <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>\n")
                .append("  <cbc:DocumentCurrencyCode>SEK</cbc:DocumentCurrencyCode>\n")
                .append("  <cbc:BuyerReference>Placera</cbc:BuyerReference>\n")
                .append("  <cac:AccountingSupplierParty>\n    <cac:Party>\n")
                .append("      <cbc:EndpointID schemeID=\"0007\">").append(esc(supplierOrgNumber.replace("-", "")))
                .append("</cbc:EndpointID>\n")
                .append("      <cac:PostalAddress>\n        <cac:Country><cbc:IdentificationCode>SE</cbc:IdentificationCode></cac:Country>\n      </cac:PostalAddress>\n")
                .append("      <cac:PartyLegalEntity>\n        <cbc:RegistrationName>").append(esc(supplierName))
                .append("</cbc:RegistrationName>\n        <cbc:CompanyID>").append(esc(supplierOrgNumber))
                .append("</cbc:CompanyID>\n      </cac:PartyLegalEntity>\n    </cac:Party>\n  </cac:AccountingSupplierParty>\n")
                .append("  <cac:AccountingCustomerParty>\n    <cac:Party>\n")
                .append("      <cbc:EndpointID schemeID=\"0007\">2120000000</cbc:EndpointID>\n")
                .append("      <cac:PostalAddress>\n        <cac:Country><cbc:IdentificationCode>SE</cbc:IdentificationCode></cac:Country>\n      </cac:PostalAddress>\n")
                .append("      <cac:PartyLegalEntity>\n        <cbc:RegistrationName>").append(esc(buyerName))
                .append("</cbc:RegistrationName>\n      </cac:PartyLegalEntity>\n    </cac:Party>\n  </cac:AccountingCustomerParty>\n");
        long sum = lines.stream().mapToLong(Line::amountOre).sum();
        x.append("  <cac:TaxTotal>\n    <cbc:TaxAmount currencyID=\"SEK\">0.00</cbc:TaxAmount>\n")
                .append("    <cac:TaxSubtotal>\n      <cbc:TaxableAmount currencyID=\"SEK\">").append(kr(sum))
                .append("</cbc:TaxableAmount>\n      <cbc:TaxAmount currencyID=\"SEK\">0.00</cbc:TaxAmount>\n")
                .append("      <cac:TaxCategory>\n        <cbc:ID>E</cbc:ID>\n        <cbc:Percent>0</cbc:Percent>\n")
                .append("        <cbc:TaxExemptionReason>Undantag från skatteplikt, social omsorg</cbc:TaxExemptionReason>\n")
                .append("        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>\n      </cac:TaxCategory>\n")
                .append("    </cac:TaxSubtotal>\n  </cac:TaxTotal>\n")
                .append("  <cac:LegalMonetaryTotal>\n    <cbc:LineExtensionAmount currencyID=\"SEK\">")
                .append(kr(statedTotalOre)).append("</cbc:LineExtensionAmount>\n")
                .append("    <cbc:TaxExclusiveAmount currencyID=\"SEK\">").append(kr(statedTotalOre))
                .append("</cbc:TaxExclusiveAmount>\n    <cbc:TaxInclusiveAmount currencyID=\"SEK\">")
                .append(kr(statedTotalOre)).append("</cbc:TaxInclusiveAmount>\n")
                .append("    <cbc:PayableAmount currencyID=\"SEK\">").append(kr(statedTotalOre))
                .append("</cbc:PayableAmount>\n  </cac:LegalMonetaryTotal>\n");
        int n = 0;
        for (Line l : lines) {
            n++;
            x.append("  <cac:InvoiceLine>\n    <cbc:ID>").append(n).append("</cbc:ID>\n")
                    .append("    <cbc:InvoicedQuantity unitCode=\"DAY\">").append(l.days()).append("</cbc:InvoicedQuantity>\n")
                    .append("    <cbc:LineExtensionAmount currencyID=\"SEK\">").append(kr(l.amountOre()))
                    .append("</cbc:LineExtensionAmount>\n")
                    .append("    <cac:InvoicePeriod>\n      <cbc:StartDate>").append(l.from())
                    .append("</cbc:StartDate>\n      <cbc:EndDate>").append(l.to()).append("</cbc:EndDate>\n    </cac:InvoicePeriod>\n")
                    .append("    <cac:Item>\n      <cbc:Name>").append(esc(l.description() == null ? "Placering, dygn"
                            : l.description())).append("</cbc:Name>\n")
                    .append("      <cac:BuyersItemIdentification><cbc:ID>").append(esc(l.placementId()))
                    .append("</cbc:ID></cac:BuyersItemIdentification>\n")
                    .append("      <cac:ClassifiedTaxCategory>\n        <cbc:ID>E</cbc:ID>\n        <cbc:Percent>0</cbc:Percent>\n")
                    .append("        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>\n      </cac:ClassifiedTaxCategory>\n")
                    .append("    </cac:Item>\n    <cac:Price>\n      <cbc:PriceAmount currencyID=\"SEK\">")
                    .append(kr(l.unitPriceOre())).append("</cbc:PriceAmount>\n    </cac:Price>\n  </cac:InvoiceLine>\n");
        }
        return x.append("</Invoice>\n").toString();
    }

    private static String kr(long ore) {
        return BigDecimal.valueOf(ore, 2).toPlainString();
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
