/**
 * Sample data: a deterministic generator of a fully synthetic municipality (providers and units across Sweden,
 * framework agreements, teams and caseworkers, historical placements with outcomes and evaluations) and its
 * idempotent loader, enabled by {@code placera.samples.enabled=true}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "providers"})
package se.placera.samples;
