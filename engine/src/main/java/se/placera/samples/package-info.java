/**
 * Sample data: a deterministic generator of a fully synthetic municipality (providers and units across Sweden,
 * framework agreements, teams and caseworkers, historical placements with outcomes and evaluations, open placement
 * cases in several states with notes, the cost ledger with extra costs and a month of invoices with known errors) and its idempotent loader, enabled by {@code placera.samples.enabled=true}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "providers", "placements", "economy"})
package se.placera.samples;
