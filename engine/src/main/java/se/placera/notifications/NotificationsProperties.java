package se.placera.notifications;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outgoing mail ({@code placera.notifications.*}); the SMTP server itself is {@code spring.mail.*}.
 *
 * @param from         sender address
 * @param pollInterval how often the outbox is sent
 * @param maxAttempts  attempts before a mail is marked failed
 * @param claimLease   how long an instance's claim on a mail lasts: after that (the instance died while sending)
 *                     another instance may send it
 */
@ConfigurationProperties("placera.notifications")
public record NotificationsProperties(@DefaultValue("placera@localhost") String from,
        @DefaultValue("2s") Duration pollInterval, @DefaultValue("10") int maxAttempts,
        @DefaultValue("5m") Duration claimLease) {
}
