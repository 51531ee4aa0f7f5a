package se.placera.economy.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import se.placera.economy.Forecasts.ForecastFormPart;
import se.placera.economy.Forecasts.ForecastNewMonth;

/**
 * The forecast model (EC-1), a pure function of the ledger, the register's prices and a cutoff day. Three parts:
 * <ol>
 * <li><b>Booked</b>: the cost model's cost of the year before the cutoff.</li>
 * <li><b>Current placements</b>: each placement running at the cutoff is priced by {@link CostModel} (agreed price
 * in force, price periods, gaps, extra costs) to its planned end, or, without one, to an expected end: the average
 * remaining length of the placements of its form that ended in the look-back window and lasted longer than this one
 * has so far (if none did, it is expected to run through the year).</li>
 * <li><b>New placements</b>: for each placement form and month left, the starts in that calendar month over the
 * look-back window ÷ its years (seasonality) × the share of the month left, each costing the form's day cost in the
 * window (all cost ÷ all placement days, rounded to öre) × the days of its average length that fall in the year,
 * counted from the middle of the month.</li>
 * </ol>
 * Expected starts are BigDecimal (four decimals); every amount is rounded to whole öre (half-even) once, per form and
 * month, so the parts add up exactly. {@code hideTheFuture} is for back-tests: only what was known at the cutoff
 * (placements started before it, end dates and price changes before it) is used.
 */
final class ForecastModel {

    static final int DEFAULT_LOOKBACK_YEARS = 3;
    static final String NO_FORM = "okänd";

    private ForecastModel() {
    }

    record Result(int year, LocalDate cutoff, LocalDate historyFrom, LocalDate historyTo, int lookbackYears,
            long bookedOre, long currentOre, long newOre, List<ForecastFormPart> forms, List<ForecastNewMonth> months) {
        long totalOre() {
            return bookedOre + currentOre + newOre;
        }
    }

    private static final class Form {
        final int[] startsByMonth = new int[12];
        int starts;
        final List<Long> endedLengths = new ArrayList<>();
        long historyDays;
        long historyOre;
        int ongoing;
        int expectedEnds;
        long currentOre;
        BigDecimal expectedStarts = BigDecimal.ZERO;
        long newOre;

        Long averageLength() {
            return endedLengths.isEmpty() ? null
                    : BigDecimal.valueOf(endedLengths.stream().mapToLong(Long::longValue).sum())
                            .divide(BigDecimal.valueOf(endedLengths.size()), 0, RoundingMode.HALF_EVEN).longValue();
        }

        Long dayCostOre() {
            return historyDays == 0 ? null
                    : BigDecimal.valueOf(historyOre).divide(BigDecimal.valueOf(historyDays), 0, RoundingMode.HALF_EVEN)
                            .longValue();
        }
    }

    static Result compute(List<PricedPlacement> ledger, PriceBook book, LocalDate cutoff, int year, int lookbackYears,
            boolean hideTheFuture) {
        LocalDate yearFrom = LocalDate.of(year, 1, 1);
        LocalDate yearTo = LocalDate.of(year, 12, 31);
        if (cutoff.isAfter(yearTo)) {
            throw new IllegalArgumentException("the cutoff " + cutoff + " is after the year " + year);
        }
        LocalDate historyFrom = cutoff.minusYears(lookbackYears);
        LocalDate historyTo = cutoff.minusDays(1);
        LocalDate forecastFrom = CostModel.max(cutoff, yearFrom);

        List<PricedPlacement> known = new ArrayList<>();
        for (PricedPlacement p : ledger) {
            if (!hideTheFuture) {
                known.add(p);
            } else if (p.startDate().isBefore(cutoff)) {
                known.add(knownAt(p, cutoff));
            }
        }
        Map<String, Form> forms = new TreeMap<>();
        // Booked cost, and each form's history: starts per month, lengths of ended placements, cost per day.
        long booked = 0;
        for (PricedPlacement p : known) {
            Form f = forms.computeIfAbsent(form(p), k -> new Form());
            if (!p.startDate().isBefore(historyFrom) && !p.startDate().isAfter(historyTo)) {
                f.startsByMonth[p.startDate().getMonthValue() - 1]++;
                f.starts++;
            }
            if (p.endDate() != null && !p.endDate().isBefore(historyFrom) && !p.endDate().isAfter(historyTo)) {
                f.endedLengths.add(CostModel.daysBetween(p.startDate(), p.endDate()));
            }
            if (overlaps(p, historyFrom, historyTo)) {
                for (CostModel.Segment s : CostModel.segments(p, book, historyFrom, historyTo)) {
                    f.historyDays += s.days();
                    f.historyOre += s.amountOre();
                }
            }
            if (cutoff.isAfter(yearFrom) && overlaps(p, yearFrom, historyTo)) {
                booked += sum(CostModel.segments(p, book, yearFrom, historyTo));
            }
        }
        // Current placements to their planned or expected end.
        long current = 0;
        for (PricedPlacement p : known) {
            if (p.endDate() != null && p.endDate().isBefore(cutoff)) {
                continue;
            }
            Form f = forms.get(form(p));
            f.ongoing++;
            LocalDate end = p.endDate() != null ? p.endDate() : expectedEnd(p, cutoff, f, yearTo);
            if (!end.isAfter(yearTo)) {
                f.expectedEnds++;
            }
            PricedPlacement priced = withEnd(p, end);
            if (overlaps(priced, forecastFrom, yearTo)) {
                long ore = sum(CostModel.segments(priced, book, forecastFrom, yearTo));
                f.currentOre += ore;
                current += ore;
            }
        }
        // New placements from the seasonality.
        long fresh = 0;
        List<ForecastNewMonth> months = new ArrayList<>();
        BigDecimal years = BigDecimal.valueOf(lookbackYears);
        for (var e : forms.entrySet()) {
            Form f = e.getValue();
            Long dayCost = f.dayCostOre();
            Long length = f.averageLength();
            for (YearMonth m = YearMonth.from(cutoff); !m.isAfter(YearMonth.from(yearTo)); m = m.plusMonths(1)) {
                int history = f.startsByMonth[m.getMonthValue() - 1];
                if (history == 0) {
                    continue;
                }
                LocalDate first = CostModel.max(m.atDay(1), cutoff);
                long daysLeft = CostModel.daysBetween(first, m.atEndOfMonth());
                BigDecimal expected = BigDecimal.valueOf(history)
                        .multiply(BigDecimal.valueOf(daysLeft))
                        .divide(years.multiply(BigDecimal.valueOf(m.lengthOfMonth())), 4, RoundingMode.HALF_EVEN);
                LocalDate start = first.plusDays((daysLeft - 1) / 2);
                LocalDate end = length == null ? yearTo : start.plusDays(length - 1);
                LocalDate a = CostModel.max(start, forecastFrom);
                LocalDate b = CostModel.min(end, yearTo);
                long days = a.isAfter(b) ? 0 : CostModel.daysBetween(a, b);
                long ore = dayCost == null ? 0
                        : expected.multiply(BigDecimal.valueOf(days)).multiply(BigDecimal.valueOf(dayCost))
                                .setScale(0, RoundingMode.HALF_EVEN).longValueExact();
                f.expectedStarts = f.expectedStarts.add(expected);
                f.newOre += ore;
                fresh += ore;
                months.add(new ForecastNewMonth(e.getKey(), m.toString(), history, expected, days, ore));
            }
        }
        List<ForecastFormPart> parts = new ArrayList<>();
        forms.forEach((name, f) -> {
            if (f.ongoing > 0 || f.starts > 0 || f.historyDays > 0) {
                parts.add(new ForecastFormPart(name, f.ongoing, f.expectedEnds, f.currentOre, f.starts,
                        f.averageLength(), f.dayCostOre(), f.expectedStarts, f.newOre));
            }
        });
        return new Result(year, cutoff, historyFrom, historyTo, lookbackYears, booked, current, fresh, parts, months);
    }

    /** The ledger's actual cost of a year: what a back-test compares with. */
    static long actual(List<PricedPlacement> ledger, PriceBook book, int year) {
        LocalDate a = LocalDate.of(year, 1, 1);
        LocalDate b = LocalDate.of(year, 12, 31);
        long ore = 0;
        for (PricedPlacement p : ledger) {
            if (overlaps(p, a, b)) {
                ore += sum(CostModel.segments(p, book, a, b));
            }
        }
        return ore;
    }

    /**
     * The expected end of a placement without a planned end: the mean remaining length of the form's ended
     * placements that lasted longer than this one so far; if none did, it runs through the year.
     */
    private static LocalDate expectedEnd(PricedPlacement p, LocalDate cutoff, Form f, LocalDate yearTo) {
        LocalDate from = CostModel.max(cutoff, p.startDate());
        long age = p.startDate().isBefore(cutoff) ? CostModel.daysBetween(p.startDate(), cutoff.minusDays(1)) : 0;
        long sum = 0;
        int n = 0;
        for (long length : f.endedLengths) {
            if (length > age) {
                sum += length - age;
                n++;
            }
        }
        if (n == 0) {
            return CostModel.max(yearTo, from);
        }
        long remaining = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), 0, RoundingMode.HALF_EVEN).longValue();
        return from.plusDays(Math.max(1, remaining) - 1);
    }

    /** What was known of a placement on the cutoff: no end, price change, extra cost or gap from it on. */
    static PricedPlacement knownAt(PricedPlacement p, LocalDate cutoff) {
        LocalDate end = p.endDate() != null && p.endDate().isBefore(cutoff) ? p.endDate() : null;
        return new PricedPlacement(p.id(), p.administration(), p.department(), p.team(), p.caseworker(), p.unitId(),
                p.providerId(), p.targetGroup(), p.placementForm(), p.gender(), p.startDate(), end,
                p.prices().stream().filter(x -> x.validFrom().isBefore(cutoff)).toList(),
                p.extras().stream().filter(x -> x.from().isBefore(cutoff)).toList(),
                p.gaps().stream().filter(x -> x.from().isBefore(cutoff)).toList(), p.reason());
    }

    private static PricedPlacement withEnd(PricedPlacement p, LocalDate end) {
        return new PricedPlacement(p.id(), p.administration(), p.department(), p.team(), p.caseworker(), p.unitId(),
                p.providerId(), p.targetGroup(), p.placementForm(), p.gender(), p.startDate(), end, p.prices(),
                p.extras(), p.gaps(), p.reason());
    }

    private static String form(PricedPlacement p) {
        return p.placementForm() == null || p.placementForm().isBlank() ? NO_FORM : p.placementForm();
    }

    private static boolean overlaps(PricedPlacement p, LocalDate from, LocalDate to) {
        return !p.startDate().isAfter(to) && (p.endDate() == null || !p.endDate().isBefore(from));
    }

    private static long sum(List<CostModel.Segment> segments) {
        long ore = 0;
        for (CostModel.Segment s : segments) {
            ore += s.amountOre();
        }
        return ore;
    }
}
