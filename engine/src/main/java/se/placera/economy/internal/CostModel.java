package se.placera.economy.internal;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

import se.placera.providers.Unit;

/**
 * The one place that decides what a placement day costs (EC-1). A day of a placement costs, in this order: nothing
 * in a gap; the agreed price in force (the latest dated price from on or before the day: a supplementary change or
 * the decision's price); else the unit's price period in the register; else nothing, shown as {@code saknar-pris}.
 * Extra costs come on top, as their own lines. The window is cut at every date where any of these may change, so
 * each segment has one price; all amounts are whole öre, so sums are exact in any grouping.
 */
final class CostModel {

    static final String DAYS = "dygn";
    static final String GAP = "uppehall";
    static final String EXTRA = "tillagg";

    private CostModel() {
    }

    /**
     * One run of days with one price, or one extra cost.
     *
     * @param days      placement days (0 for an extra cost: extra costs add no days)
     * @param perDayOre the price per day, null for a one-off extra cost
     */
    record Segment(LocalDate from, LocalDate to, String kind, long days, Long perDayOre, long amountOre, String source,
            String reference, String agreement, boolean within) {
    }

    /** The segments of a placement in the window {@code from}–{@code to} (inclusive), in date order; extras last. */
    static List<Segment> segments(PricedPlacement p, PriceBook book, LocalDate from, LocalDate to) {
        List<Segment> out = new ArrayList<>();
        LocalDate start = max(p.startDate(), from);
        LocalDate end = p.endDate() == null ? to : min(p.endDate(), to);
        Unit unit = book.unit(p.unitId()).orElse(null);
        if (!start.isAfter(end)) {
            TreeSet<LocalDate> cuts = new TreeSet<>();
            cuts.add(start);
            cuts.add(end.plusDays(1));
            p.prices().forEach(x -> cuts.add(x.validFrom()));
            for (PricedPlacement.Pause g : p.gaps()) {
                cuts.add(g.from());
                cuts.add(g.to().plusDays(1));
            }
            cuts.addAll(book.changeDates(unit));
            LocalDate limit = end.plusDays(1);
            LocalDate cur = start;
            Segment open = null;
            for (LocalDate next : cuts.subSet(start, false, limit, true)) {
                Segment s = day(p, book, unit, cur, next.minusDays(1));
                if (open != null && sameRun(open, s)) {
                    long days = open.days() + s.days();
                    open = new Segment(open.from(), s.to(), open.kind(), days, open.perDayOre(),
                            open.amountOre() + s.amountOre(), open.source(), open.reference(), open.agreement(),
                            open.within());
                } else {
                    if (open != null) {
                        out.add(open);
                    }
                    open = s;
                }
                cur = next;
            }
            if (open != null) {
                out.add(open);
            }
        }
        for (PricedPlacement.Extra x : p.extras()) {
            if (x.perDayOre() != null) {
                LocalDate a = max(max(x.from(), from), p.startDate());
                LocalDate xEnd = x.to() == null ? end : x.to();
                LocalDate b = min(min(xEnd, to), p.endDate() == null ? to : p.endDate());
                if (!a.isAfter(b)) {
                    long n = daysBetween(a, b);
                    out.add(new Segment(a, b, EXTRA, 0, x.perDayOre(), n * x.perDayOre(), x.kind(), x.note(), null,
                            false));
                }
            } else if (x.amountOre() != null && !x.from().isBefore(from) && !x.from().isAfter(to)) {
                out.add(new Segment(x.from(), x.from(), EXTRA, 0, null, x.amountOre(), x.kind(), x.note(), null,
                        false));
            }
        }
        return out;
    }

    /** The segment of the days first–last, which share one price (the cuts guarantee it). */
    private static Segment day(PricedPlacement p, PriceBook book, Unit unit, LocalDate first, LocalDate last) {
        long n = daysBetween(first, last);
        PriceBook.AgreementOnDay agreement = book.agreementOn(unit, p.placementForm(), first);
        for (PricedPlacement.Pause g : p.gaps()) {
            if (g.covers(first)) {
                return new Segment(first, last, GAP, 0, 0L, 0, GAP, g.reason(), agreement.label(), false);
            }
        }
        PricedPlacement.DatedPrice agreed = p.agreedOn(first);
        if (agreed != null) {
            return new Segment(first, last, DAYS, n, agreed.perDayOre(), n * agreed.perDayOre(), agreed.source(),
                    agreed.reference(), agreement.label(), agreement.within());
        }
        Long unitPrice = book.unitPriceOre(unit, first);
        if (unitPrice != null) {
            return new Segment(first, last, DAYS, n, unitPrice, n * unitPrice, "prisperiod", null, agreement.label(),
                    agreement.within());
        }
        return new Segment(first, last, DAYS, n, null, 0, "saknar-pris", null, agreement.label(), agreement.within());
    }

    private static boolean sameRun(Segment a, Segment b) {
        return a.kind().equals(b.kind()) && Objects.equals(a.perDayOre(), b.perDayOre())
                && a.source().equals(b.source()) && Objects.equals(a.reference(), b.reference())
                && Objects.equals(a.agreement(), b.agreement()) && a.within() == b.within()
                && a.to().plusDays(1).equals(b.from());
    }

    static long daysBetween(LocalDate first, LocalDate last) {
        return ChronoUnit.DAYS.between(first, last) + 1;
    }

    static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    // ---------------------------------------------------------------- money in words

    /** Kronor with two decimals, exact. */
    static BigDecimal kronor(long ore) {
        return BigDecimal.valueOf(ore, 2);
    }

    /** {@code 4 250 kr} or {@code 4 250,50 kr}: Swedish grouping with a space, decimals only when there are öre. */
    static String kr(long ore) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator(' ');
        symbols.setDecimalSeparator(',');
        DecimalFormat f = new DecimalFormat(ore % 100 == 0 ? "#,##0" : "#,##0.00", symbols);
        return f.format(kronor(ore)) + " kr";
    }

    /** The line in words: {@code 2026-03-01–2026-03-31: 31 dagar × 4 250 kr, ramavtal X}. */
    static String text(Segment s) {
        String period = s.from().equals(s.to()) ? s.from().toString() : s.from() + "–" + s.to();
        long calendarDays = daysBetween(s.from(), s.to());
        String unit = calendarDays == 1 ? "dag" : "dagar";
        return switch (s.kind()) {
            case GAP -> period + ": " + calendarDays + " " + unit + " uppehåll, ingen kostnad"
                    + (s.reference() == null ? "" : " (" + s.reference() + ")");
            case EXTRA -> s.perDayOre() == null
                    ? period + ": tillägg " + s.source() + " " + kr(s.amountOre())
                            + (s.reference() == null ? "" : " (" + s.reference() + ")")
                    : period + ": tillägg " + s.source() + " " + calendarDays + " " + unit + " × "
                            + kr(s.perDayOre()) + " = " + kr(s.amountOre())
                            + (s.reference() == null ? "" : " (" + s.reference() + ")");
            default -> s.perDayOre() == null
                    ? period + ": " + s.days() + " " + unit + " utan pris (varken avtalat pris eller prisperiod), "
                            + s.agreement()
                    : period + ": " + s.days() + " " + unit + " × " + kr(s.perDayOre()) + ", " + s.agreement()
                            + switch (s.source()) {
                                case "tillaggsavtal" -> ", " + (s.reference() == null ? "tilläggsavtal" : s.reference());
                                case "prisperiod" -> ", verksamhetens prisperiod";
                                default -> "";
                            };
        };
    }
}
