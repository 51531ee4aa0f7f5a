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
 */
@ConfigurationProperties("placera.notifications")
public record NotificationsProperties(@DefaultValue("placera@localhost") String from,
        @DefaultValue("2s") Duration pollInterval, @DefaultValue("10") int maxAttempts) {
}
