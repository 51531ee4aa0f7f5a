package se.placera.notifications;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outgoing mail ({@code placera.notifications.*}); the SMTP server itself is {@code spring.mail.*}.
 *
 * @param from         sender address
 * @param pollInterval how often the outbox is sent
 * @param maxAttempts  attempts before a mail becomes a dead letter ({@code DEAD})
 * @param retryInitial the wait after the first failed attempt; it doubles with each further failure
 * @param retryMax     the longest wait between two attempts
 * @param claimLease   how long an instance's claim on a mail lasts: after that (the instance died while sending)
 *                     another instance may send it
 */
@ConfigurationProperties("placera.notifications")
public record NotificationsProperties(@DefaultValue("placera@localhost") String from,
        @DefaultValue("2s") Duration pollInterval, @DefaultValue("10") int maxAttempts,
        @DefaultValue("5m") Duration claimLease, @DefaultValue("10s") Duration retryInitial,
        @DefaultValue("1h") Duration retryMax) {
}
