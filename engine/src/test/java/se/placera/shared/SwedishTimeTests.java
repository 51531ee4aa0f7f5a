package se.placera.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class SwedishTimeTests {

    @Test
    void todayIsTheSwedishDateWhateverTheClocksZone() {
        // 23:30 UTC on New Year's Eve is already 00:30 on New Year's Day in Stockholm (CET, UTC+1).
        Clock utc = Clock.fixed(Instant.parse("2026-12-31T23:30:00Z"), ZoneOffset.UTC);
        assertThat(SwedishTime.today(utc)).isEqualTo(LocalDate.of(2027, 1, 1));
        // In summer time (CEST, UTC+2) the day turns at 22:00 UTC.
        assertThat(SwedishTime.today(Clock.fixed(Instant.parse("2026-06-30T22:00:00Z"), ZoneOffset.UTC)))
                .isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(SwedishTime.today(Clock.fixed(Instant.parse("2026-06-30T21:59:59Z"), ZoneOffset.UTC)))
                .isEqualTo(LocalDate.of(2026, 6, 30));
    }

    @Test
    void aDayStartsAtSwedishMidnight() {
        assertThat(SwedishTime.startOf(LocalDate.of(2026, 1, 15))).isEqualTo(Instant.parse("2026-01-14T23:00:00Z"));
        assertThat(SwedishTime.startOf(LocalDate.of(2026, 7, 1))).isEqualTo(Instant.parse("2026-06-30T22:00:00Z"));
        assertThat(SwedishTime.dateOf(Instant.parse("2026-06-30T22:00:00Z"))).isEqualTo(LocalDate.of(2026, 7, 1));
    }

    @Test
    void theApplicationClockRunsInSwedishTime() {
        assertThat(new ClockConfiguration().clock().getZone()).isEqualTo(SwedishTime.ZONE);
    }
}
