package se.placera.inquiries;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Inquiry rounds ({@code placera.inquiries.*}).
 *
 * @param reminderBefore   how long before a deadline the units that have not answered are reminded (once)
 * @param reminderInterval how often the reminder job looks for rounds to remind
 * @param maxUnits         the most units one round may go to
 * @param sendVerb         the process transition a round takes on its case ({@code skicka-forfragan})
 * @param decideVerb       the process transition the decision takes ({@code besluta})
 * @param portalUrl        base address of the provider portal, for the links in the mails
 */
@ConfigurationProperties("placera.inquiries")
public record InquiriesProperties(@DefaultValue("24h") Duration reminderBefore,
        @DefaultValue("5m") Duration reminderInterval, @DefaultValue("50") int maxUnits,
        @DefaultValue("skicka-forfragan") String sendVerb, @DefaultValue("besluta") String decideVerb,
        @DefaultValue("http://localhost:8080") String portalUrl) {
}
