package se.placera.reports;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of reports ({@code placera.reports.*}).
 *
 * @param minCellSize the fewest persons a shown statistic may rest on (GD-2); default 5
 */
@ConfigurationProperties("placera.reports")
public record ReportsProperties(Integer minCellSize) {

    public ReportsProperties {
        minCellSize = minCellSize == null ? 5 : Math.max(1, minCellSize);
    }
}
