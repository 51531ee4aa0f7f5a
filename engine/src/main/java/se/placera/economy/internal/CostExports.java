package se.placera.economy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import se.placera.documents.Spreadsheets;
import se.placera.documents.Spreadsheets.Format;
import se.placera.economy.Costs;
import se.placera.economy.Invoices;

/**
 * Excel exports of the cost views and of a reconciled invoice (EC-4): real numbers (öre as kronor with two decimals,
 * days as integers, dates as dates) with number formats, written by the documents module (POI SXSSF, streamed).
 */
@Component
class CostExports implements se.placera.economy.EconomyExports {

    private final Costs costs;
    private final InvoiceService invoices;
    private final Spreadsheets spreadsheets;

    CostExports(Costs costs, InvoiceService invoices, Spreadsheets spreadsheets) {
        this.costs = costs;
        this.invoices = invoices;
        this.spreadsheets = spreadsheets;
    }

    @Override
    public byte[] rollUp(java.time.LocalDate from, java.time.LocalDate to, Costs.Dimension by, Costs.Period period) {
        Costs.CostRollUp r = costs.rollUp(from, to, by, period);
        List<List<Object>> rows = new ArrayList<>();
        for (Costs.CostRollUpRow row : r.rows()) {
            rows.add(List.of(row.key(), row.period(), row.days(), row.amountKr()));
        }
        rows.add(List.of("Totalt", "", r.days(), r.amountKr()));
        return spreadsheets.write(List.of(new Spreadsheets.Sheet("Kostnader " + r.from() + "–" + r.to(),
                List.of(r.by().name().toLowerCase(java.util.Locale.ROOT), "period", "dygn", "kostnad (kr)"), rows,
                Map.of("dygn", Format.INTEGER, "kostnad (kr)", Format.MONEY), Map.of())));
    }

    @Override
    public byte[] invoice(String id) {
        Invoices.InvoiceView v = invoices.get(id);
        List<List<Object>> lines = new ArrayList<>();
        for (Invoices.InvoiceLineView l : v.lines()) {
            lines.add(java.util.Arrays.asList(l.lineNo(), l.placementId(), l.from(), l.to(), l.days(),
                    CostModel.kronor(l.unitPriceOre()), CostModel.kronor(l.amountOre()), l.expectedDays(),
                    CostModel.kronor(l.expectedOre()), CostModel.kronor(l.amountOre() - l.expectedOre())));
        }
        List<List<Object>> flags = new ArrayList<>();
        for (Invoices.InvoiceFlag f : v.flags()) {
            flags.add(java.util.Arrays.asList(f.lineNo(), f.type().name(), f.message(),
                    f.expectedOre() == null ? null : CostModel.kronor(f.expectedOre()),
                    f.invoicedOre() == null ? null : CostModel.kronor(f.invoicedOre()), f.decision(), f.note(),
                    f.decidedBy()));
        }
        return spreadsheets.write(List.of(
                new Spreadsheets.Sheet("Rader", List.of("rad", "placering", "från", "till", "dagar", "pris (kr)",
                        "belopp (kr)", "dagar placerad", "förväntat (kr)", "skillnad (kr)"), lines,
                        Map.of("från", Format.DATE, "till", Format.DATE, "dagar", Format.INTEGER, "pris (kr)",
                                Format.MONEY, "belopp (kr)", Format.MONEY, "dagar placerad", Format.INTEGER,
                                "förväntat (kr)", Format.MONEY, "skillnad (kr)", Format.MONEY), Map.of()),
                new Spreadsheets.Sheet("Avvikelser", List.of("rad", "typ", "beskrivning", "förväntat (kr)",
                        "fakturerat (kr)", "beslut", "anteckning", "beslutat av"), flags,
                        Map.of("förväntat (kr)", Format.MONEY, "fakturerat (kr)", Format.MONEY), Map.of())));
    }
}
