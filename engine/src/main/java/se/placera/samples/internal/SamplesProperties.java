package se.placera.samples.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sample data ({@code placera.samples.*}).
 *
 * @param enabled load the sample municipality at start-up
 * @param seed    the generator's seed: the same seed and scale give the same data
 * @param scale   size factor: 1.0 ≈ 400 units and 3,000 placements; 12.5 ≈ 5,000 units
 * @param afterReady load them in the background once the app is ready (readiness does not wait for sample data;
 *                  {@code /actuator/info} says {@code samples: loading | loaded | failed}); false loads them before
 *                  readiness, as a test that reads them at once needs
 */
@ConfigurationProperties("placera.samples")
record SamplesProperties(@DefaultValue("false") boolean enabled, @DefaultValue("20200409") long seed,
        @DefaultValue("1.0") double scale, @DefaultValue("true") boolean afterReady) {
}
