package se.placera.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The dates of a clock over two simulated years: month ends, leap years and a start on the 31st, counted from the
 * anchor with {@code LocalDate.plus(Period)} (a day missing in the month becomes its last day, no drift).
 */
class OccurrencesTests {

    static Schedule every6Months() {
        return new Schedule("lvu-2-overvagande", 1, "Övervägande", "LVU 13 §", Schedule.Anchor.PLACEMENT_START,
                List.of(Period.ofMonths(6)), Period.ofMonths(6), Period.ofDays(21), null, "Överväg", "responsible",
                "reconsideration", null);
    }

    static Schedule evaluations(String... offsets) {
        return new Schedule("utvardering", 1, "Utvärdering", null, Schedule.Anchor.PLACEMENT_START,
                java.util.Arrays.stream(offsets).map(Period::parse).toList(), null, Period.ofDays(14), null, "Utvärdera",
                "responsible", "method", "m");
    }

    @Test
    void aPlacementStartingOnThe31stOfAugustIsReconsideredOnTheLastDayOfFebruaryAndBackOnThe31st() {
        LocalDate start = LocalDate.of(2026, 8, 31);
        List<LocalDate> due = Occurrences.upTo(start, every6Months(), start.plusYears(2), false, 10).stream()
                .map(Occurrences.Occurrence::due).toList();
        // 2027 is no leap year, 2028 is: 28 and 29 February; August keeps its 31st (no drift to the 28th)
        assertThat(due).containsExactly(LocalDate.of(2027, 2, 28), LocalDate.of(2027, 8, 31),
                LocalDate.of(2028, 2, 29), LocalDate.of(2028, 8, 31));
    }

    @Test
    void aPlacementStartingOnLeapDayKeepsTheLastDayOfFebruaryOnlyInLeapYears() {
        LocalDate start = LocalDate.of(2028, 2, 29);
        Schedule yearly = new Schedule("arlig", 1, "Årlig", null, Schedule.Anchor.PLACEMENT_START,
                List.of(Period.ofYears(1)), Period.ofYears(1), Period.ofDays(14), null, "t", "responsible", "manual", null);
        assertThat(Occurrences.upTo(start, yearly, LocalDate.of(2032, 12, 31), false, 10))
                .extracting(Occurrences.Occurrence::due).containsExactly(LocalDate.of(2029, 2, 28),
                        LocalDate.of(2030, 2, 28), LocalDate.of(2031, 2, 28), LocalDate.of(2032, 2, 29));
    }

    @Test
    void overTwoSimulatedYearsEveryStartDayHasItsSixMonthlyDeadlinesOnTheRightDay() {
        Schedule s = every6Months();
        LocalDate first = LocalDate.of(2026, 1, 1);
        for (LocalDate start = first; start.isBefore(first.plusYears(2)); start = start.plusDays(1)) {
            List<Occurrences.Occurrence> list = Occurrences.upTo(start, s, start.plusYears(2), false, 10);
            assertThat(list).hasSize(4);
            for (int i = 0; i < list.size(); i++) {
                LocalDate due = list.get(i).due();
                LocalDate expected = start.plusMonths(6L * (i + 1));
                assertThat(due).isEqualTo(expected);
                // the same day of month as the start, or the month's last day when it has no such day
                assertThat(due.getDayOfMonth()).isEqualTo(Math.min(start.getDayOfMonth(), due.lengthOfMonth()));
                assertThat(list.get(i).opens()).isEqualTo(due.minusDays(21));
                assertThat(list.get(i).index()).isEqualTo(i);
            }
        }
    }

    @Test
    void evaluationsXAndYMonthsAfterStartHappenOnceEach() {
        LocalDate start = LocalDate.of(2026, 1, 31);
        assertThat(Occurrences.upTo(start, evaluations("P3M", "P9M"), start.plusYears(2), false, 10))
                .extracting(Occurrences.Occurrence::due)
                .containsExactly(LocalDate.of(2026, 4, 30), LocalDate.of(2026, 10, 31));
        assertThat(Occurrences.due(start, List.of(Period.ofMonths(3)), null, 1)).isNull();
    }

    @Test
    void theNextFiveDeadlinesOfACaseStartedOn15January2026() {
        assertThat(Occurrences.next(LocalDate.of(2026, 1, 15), every6Months(), LocalDate.of(2026, 1, 15), 5))
                .extracting(Occurrences.Occurrence::due)
                .containsExactly(LocalDate.of(2026, 7, 15), LocalDate.of(2027, 1, 15), LocalDate.of(2027, 7, 15),
                        LocalDate.of(2028, 1, 15), LocalDate.of(2028, 7, 15));
    }

    @Test
    void opensAtTheLeadTimeAndStopsAtTheLimit() {
        LocalDate start = LocalDate.of(2026, 3, 1);
        // 21 days before 1 September is 11 August: opened by then, not before
        assertThat(Occurrences.upTo(start, every6Months(), LocalDate.of(2026, 8, 10), true, 10)).isEmpty();
        assertThat(Occurrences.upTo(start, every6Months(), LocalDate.of(2026, 8, 11), true, 10)).hasSize(1);
        assertThat(Occurrences.upTo(start, every6Months(), LocalDate.of(2040, 1, 1), true, 3)).hasSize(3);
    }
}
