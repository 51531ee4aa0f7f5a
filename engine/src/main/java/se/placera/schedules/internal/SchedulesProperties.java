package se.placera.schedules.internal;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code placera.schedules.*}: how often the scheduler runs ({@code interval}), how long one instance may hold its
 * lock at most ({@code lock-at-most}), whether it runs at all ({@code enabled}), the address of each
 * administration's team lead for escalations ({@code team-leads.<administration>}) and the base URL of links.
 */
@ConfigurationProperties("placera.schedules")
record SchedulesProperties(Boolean enabled, Duration interval, Duration lockAtMost, Map<String, String> teamLeads,
        String baseUrl) {

    SchedulesProperties {
        enabled = enabled == null ? Boolean.TRUE : enabled;
        interval = interval == null ? Duration.ofMinutes(1) : interval;
        lockAtMost = lockAtMost == null ? Duration.ofMinutes(10) : lockAtMost;
        teamLeads = teamLeads == null ? Map.of() : Map.copyOf(teamLeads);
        baseUrl = baseUrl == null ? "http://localhost:8080" : baseUrl;
    }
}
