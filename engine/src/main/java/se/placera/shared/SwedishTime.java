package se.placera.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The one definition of "today" in Placera: Swedish local dates (Europe/Stockholm), taken from the injected
 * {@link Clock} bean (see {@link ClockConfiguration}) so that tests can move time. Code never asks the system
 * for the time or the zone itself ({@code ModularityTests} refuses {@code LocalDate.now()}, {@code Instant.now()},
 * {@code ZoneOffset.UTC} and the like outside this class).
 */
public final class SwedishTime {

    /** Social services work by Swedish calendar days. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

    private SwedishTime() {
    }

    /** Today's Swedish date by the given clock, whatever zone the clock itself carries. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** The Swedish calendar date of an instant. */
    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** The instant a Swedish calendar day starts (midnight in Stockholm, summer time included). */
    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }
}
