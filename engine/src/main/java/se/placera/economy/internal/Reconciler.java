package se.placera.economy.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import se.placera.economy.Invoices.FlagType;
import se.placera.economy.Invoices.InvoiceFlag;
import se.placera.economy.Invoices.InvoiceLineView;

/**
 * Checks an invoice's lines against the cost ledger (EC-3). For each line: the placement it names (else
 * {@code UNKNOWN_PLACEMENT}); the days present in its period — placement days outside gaps — and their cost at the
 * agreed prices in force (the cost model's own numbers); then {@code DAYS_OUTSIDE} when more days are invoiced than
 * were present, {@code WRONG_PRICE} when the price per day is not the one in force (or, with several prices in the
 * period, the amount is not theirs), {@code SUM_MISMATCH} when days × price is not the line's amount,
 * {@code DOUBLE_INVOICE} when a day was invoiced before (by this invoice or an earlier one). The stated total is
 * checked against the sum of the lines.
 */
final class Reconciler {

    private Reconciler() {
    }

    /** Days of a placement invoiced before, and where. */
    record Invoiced(String placementId, LocalDate from, LocalDate to, String where) {
    }

    record Result(List<InvoiceLineView> lines, List<InvoiceFlag> flags, long linesTotalOre, long expectedTotalOre) {
    }

    static Result reconcile(ParsedInvoice invoice, Function<String, Optional<PricedPlacement>> placements,
            PriceBook book, List<Invoiced> earlier) {
        Map<String, List<Invoiced>> seen = new HashMap<>();
        earlier.forEach(i -> seen.computeIfAbsent(i.placementId(), k -> new ArrayList<>()).add(i));
        List<InvoiceLineView> lines = new ArrayList<>();
        List<InvoiceFlag> flags = new ArrayList<>();
        long total = 0;
        long expectedTotal = 0;
        for (ParsedInvoice.Line l : invoice.lines()) {
            total += l.amountOre();
            Optional<PricedPlacement> found = placements.apply(l.placementRef());
            if (found.isEmpty()) {
                lines.add(new InvoiceLineView(l.lineNo(), l.fileLine(), l.placementRef(), false, l.description(),
                        l.from(), l.to(), l.days(), l.unitPriceOre(), l.amountOre(), 0, 0));
                flags.add(flag(flags, l, FlagType.UNKNOWN_PLACEMENT, "Rad " + l.lineNo() + ": placeringen '"
                        + l.placementRef() + "' finns inte (i förvaltningen).", null, l.amountOre()));
                continue;
            }
            PricedPlacement p = found.get();
            long presentDays = 0;
            long expectedOre = 0;
            Long singlePrice = null;
            boolean several = false;
            for (CostModel.Segment s : CostModel.segments(p, book, l.from(), l.to())) {
                if (!CostModel.DAYS.equals(s.kind())) {
                    continue;
                }
                presentDays += s.days();
                expectedOre += s.amountOre();
                if (singlePrice == null) {
                    singlePrice = s.perDayOre();
                } else if (!singlePrice.equals(s.perDayOre())) {
                    several = true;
                }
            }
            expectedTotal += expectedOre;
            lines.add(new InvoiceLineView(l.lineNo(), l.fileLine(), p.id(), true, l.description(), l.from(), l.to(),
                    l.days(), l.unitPriceOre(), l.amountOre(), presentDays, expectedOre));
            if (l.days() > presentDays) {
                flags.add(flag(flags, l, FlagType.DAYS_OUTSIDE, "Rad " + l.lineNo() + ": " + l.days()
                        + " dagar fakturerade, " + presentDays + " dagar placerad under " + l.from() + "–" + l.to()
                        + " (" + (l.days() - presentDays) + " dagar utanför placeringen eller under uppehåll).",
                        expectedOre, l.amountOre()));
            }
            if (!several && singlePrice != null && singlePrice != l.unitPriceOre()) {
                flags.add(flag(flags, l, FlagType.WRONG_PRICE, "Rad " + l.lineNo() + ": pris " + CostModel.kr(l.unitPriceOre())
                        + " per dag, avtalat " + CostModel.kr(singlePrice) + ".", singlePrice, l.unitPriceOre()));
            } else if (several && l.days() == presentDays && l.amountOre() != expectedOre) {
                flags.add(flag(flags, l, FlagType.WRONG_PRICE, "Rad " + l.lineNo() + ": beloppet "
                        + CostModel.kr(l.amountOre()) + " stämmer inte med avtalade priser under perioden ("
                        + CostModel.kr(expectedOre) + ").", expectedOre, l.amountOre()));
            }
            if (l.days() * l.unitPriceOre() != l.amountOre()) {
                flags.add(flag(flags, l, FlagType.SUM_MISMATCH, "Rad " + l.lineNo() + ": " + l.days() + " × "
                        + CostModel.kr(l.unitPriceOre()) + " = " + CostModel.kr(l.days() * l.unitPriceOre())
                        + ", fakturerat " + CostModel.kr(l.amountOre()) + ".", l.days() * l.unitPriceOre(),
                        l.amountOre()));
            }
            List<Invoiced> before = seen.computeIfAbsent(p.id(), k -> new ArrayList<>());
            for (Invoiced i : before) {
                LocalDate a = CostModel.max(i.from(), l.from());
                LocalDate b = CostModel.min(i.to(), l.to());
                if (!a.isAfter(b)) {
                    flags.add(flag(flags, l, FlagType.DOUBLE_INVOICE, "Rad " + l.lineNo() + ": " + a + "–" + b
                            + " (" + CostModel.daysBetween(a, b) + " dagar) är redan fakturerat: " + i.where() + ".",
                            null, l.amountOre()));
                    break;
                }
            }
            before.add(new Invoiced(p.id(), l.from(), l.to(), "faktura " + invoice.number() + " rad " + l.lineNo()));
        }
        if (invoice.linesTotalOre() != null && invoice.linesTotalOre() != total) {
            flags.add(new InvoiceFlag("f" + (flags.size() + 1), null, FlagType.SUM_MISMATCH, "Fakturans radsumma "
                    + CostModel.kr(invoice.linesTotalOre()) + " är inte summan av raderna (" + CostModel.kr(total) + ").",
                    total, invoice.linesTotalOre(), null, null, null, null));
        }
        return new Result(lines, flags, total, expectedTotal);
    }

    private static InvoiceFlag flag(List<InvoiceFlag> flags, ParsedInvoice.Line l, FlagType type, String message,
            Long expected, Long invoiced) {
        return new InvoiceFlag("f" + (flags.size() + 1), l.lineNo(), type, message, expected, invoiced, null, null,
                null, null);
    }
}
