package se.placera.schedules;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * The dates of a clock: a pure function of the anchor date and the schedule, no clock, no database.
 *
 * <p>Occurrence {@code i < offsets.size()} is due {@code anchor.plus(offsets[i])}; after the last offset, occurrence
 * {@code offsets.size() - 1 + k} is due {@code anchor.plus(lastOffset + k × repeat)}. Every date is counted from the
 * anchor, never from the previous occurrence, with {@link LocalDate#plus(java.time.temporal.TemporalAmount)}
 * semantics: years and months first (a day that does not exist in the target month becomes its last day:
 * 31 August + 6 months = 28 February, or 29 in a leap year), then days. So a placement that starts on 31 August has
 * its six-monthly occurrences on 28/29 February, 31 August, 28/29 February … — never drifting to the 28th for good,
 * as chaining "previous + 6 months" would.
 */
public final class Occurrences {

    /** No clock has more occurrences than this (a repeat every day for 27 years). */
    public static final int MAX_INDEX = 10_000;

    private Occurrences() {
    }

    /** The due date of occurrence {@code index} (0-based), or null when the schedule has no such occurrence. */
    public static LocalDate due(LocalDate anchor, List<Period> offsets, Period repeat, int index) {
        if (index < 0 || index > MAX_INDEX) {
            return null;
        }
        if (index < offsets.size()) {
            return anchor.plus(offsets.get(index));
        }
        if (repeat == null) {
            return null;
        }
        int k = index - offsets.size() + 1;
        Period last = offsets.get(offsets.size() - 1);
        Period total = Period.of(last.getYears() + repeat.getYears() * k, last.getMonths() + repeat.getMonths() * k,
                last.getDays() + repeat.getDays() * k);
        return anchor.plus(total);
    }

    /** One occurrence of a clock: its index, due date and the day its task opens and the reminder goes. */
    public record Occurrence(int index, LocalDate due, LocalDate opens) {
    }

    /**
     * The occurrences with {@code opens <= until} (when {@code byOpening}) or {@code due <= until}, from index
     * {@code from}, at most {@code max}.
     */
    public static List<Occurrence> upTo(LocalDate anchor, Schedule s, LocalDate until, boolean byOpening, int max) {
        List<Occurrence> list = new ArrayList<>();
        Period lead = s.leadTime() == null ? Schedule.DEFAULT_LEAD_TIME : s.leadTime();
        for (int i = 0; i <= MAX_INDEX && list.size() < max; i++) {
            LocalDate due = due(anchor, s.offsets(), s.repeat(), i);
            if (due == null) {
                break;
            }
            LocalDate opens = due.minus(lead);
            if ((byOpening ? opens : due).isAfter(until)) {
                break;
            }
            list.add(new Occurrence(i, due, opens));
        }
        return list;
    }

    /** The next {@code count} occurrences due on or after {@code from}. */
    public static List<Occurrence> next(LocalDate anchor, Schedule s, LocalDate from, int count) {
        List<Occurrence> list = new ArrayList<>();
        Period lead = s.leadTime() == null ? Schedule.DEFAULT_LEAD_TIME : s.leadTime();
        for (int i = 0; i <= MAX_INDEX && list.size() < count; i++) {
            LocalDate due = due(anchor, s.offsets(), s.repeat(), i);
            if (due == null) {
                break;
            }
            if (!due.isBefore(from)) {
                list.add(new Occurrence(i, due, due.minus(lead)));
            }
        }
        return list;
    }
}
