package se.placera.economy.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import se.placera.economy.Costs.Dimension;
import se.placera.economy.Costs.Period;

/**
 * Sums the cost model's segments into groups and periods. Every segment is cut at period boundaries and each part
 * is priced as whole days × öre per day, so the parts of a segment sum to the segment and any grouping of the same
 * placements sums to the same total (RollUpPropertyTests checks it).
 */
final class RollUps {

    static final String UNKNOWN = "(okänd)";

    private RollUps() {
    }

    /** Days and öre of one group and period, plus the part within framework agreements. */
    static final class Cell {
        long days;
        long ore;
        long daysWithin;
        long oreWithin;
    }

    /** Groups → periods → cells, in key order. */
    record Result(Map<String, Map<String, Cell>> cells, int placements) {
    }

    static Result compute(Collection<PricedPlacement> placements, PriceBook book, LocalDate from, LocalDate to,
            Dimension by, Period period) {
        Map<String, Map<String, Cell>> cells = new HashMap<>();
        int counted = 0;
        for (PricedPlacement p : placements) {
            if (p.startDate().isAfter(to) || (p.endDate() != null && p.endDate().isBefore(from))) {
                continue;
            }
            List<CostModel.Segment> segments = CostModel.segments(p, book, from, to);
            if (segments.isEmpty()) {
                continue;
            }
            counted++;
            Map<String, Cell> row = cells.computeIfAbsent(key(p, book, by), k -> new HashMap<>());
            for (CostModel.Segment s : segments) {
                add(row, s, period);
            }
        }
        Map<String, Map<String, Cell>> sorted = new TreeMap<>();
        cells.forEach((k, v) -> sorted.put(k, new TreeMap<>(v)));
        return new Result(sorted, counted);
    }

    private static void add(Map<String, Cell> row, CostModel.Segment s, Period period) {
        if (s.perDayOre() == null && CostModel.EXTRA.equals(s.kind())) {
            Cell c = row.computeIfAbsent(periodKey(s.from(), period), k -> new Cell());
            c.ore += s.amountOre();
            return;
        }
        LocalDate cur = s.from();
        while (!cur.isAfter(s.to())) {
            LocalDate partEnd = CostModel.min(s.to(), periodEnd(cur, period));
            long n = CostModel.daysBetween(cur, partEnd);
            Cell c = row.computeIfAbsent(periodKey(cur, period), k -> new Cell());
            long days = CostModel.DAYS.equals(s.kind()) ? n : 0;
            long ore = s.perDayOre() == null ? 0 : n * s.perDayOre();
            c.days += days;
            c.ore += ore;
            if (s.within()) {
                c.daysWithin += days;
                c.oreWithin += ore;
            }
            cur = partEnd.plusDays(1);
        }
    }

    static LocalDate periodEnd(LocalDate d, Period period) {
        return switch (period) {
            case DAY -> d;
            case MONTH -> YearMonth.from(d).atEndOfMonth();
            case YEAR -> LocalDate.of(d.getYear(), 12, 31);
            case WHOLE -> LocalDate.MAX;
        };
    }

    static String periodKey(LocalDate d, Period period) {
        return switch (period) {
            case DAY -> d.toString();
            case MONTH -> YearMonth.from(d).toString();
            case YEAR -> String.valueOf(d.getYear());
            case WHOLE -> "alla";
        };
    }

    static String key(PricedPlacement p, PriceBook book, Dimension by) {
        String k = switch (by) {
            case PLACEMENT -> p.id();
            case CASEWORKER -> p.caseworker();
            case TEAM -> p.team();
            case DEPARTMENT -> p.department();
            case ADMINISTRATION -> p.administration();
            case PROVIDER -> p.providerId();
            case UNIT -> p.unitId();
            case TARGET_GROUP -> p.targetGroup();
            case PLACEMENT_FORM -> p.placementForm();
            case TENDER_AREA -> book.tenderArea(p.unitId());
            case GENDER -> p.gender();
            case TOTAL -> "totalt";
        };
        return k == null || k.isBlank() ? UNKNOWN : k;
    }

    /** Flattens a result to rows (key, period, cell) in order. */
    static List<Map.Entry<String, Map.Entry<String, Cell>>> rows(Result r) {
        List<Map.Entry<String, Map.Entry<String, Cell>>> out = new ArrayList<>();
        r.cells().forEach((k, periods) -> periods.forEach((per, c) -> out.add(Map.entry(k, Map.entry(per, c)))));
        return out;
    }
}
