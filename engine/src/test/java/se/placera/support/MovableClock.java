package se.placera.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import se.placera.shared.SwedishTime;

/**
 * The system clock in Swedish time plus an offset a test moves (a deadline passing, a reminder falling due). A test
 * class makes it the app's clock with {@code @Import(MovableClock.Config.class)}, which gives it a context of its own.
 */
public final class MovableClock extends Clock {

    /** How far ahead of the system clock the app's time is. */
    public final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Override
    public ZoneId getZone() {
        return SwedishTime.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    /** Makes a {@link MovableClock} the app's clock. */
    @org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @org.springframework.context.annotation.Bean
        @org.springframework.context.annotation.Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }
}
