/**
 * Inquiry rounds (PA-3, PA-4, PA-5, PA-6): a caseworker asks units of the register whether they can take a
 * placement, providers answer (a {@code provider-response} method), and the caseworker chooses one answer, which
 * places the case; every provider asked is told by mail (through events the notifications module listens to).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "security", "metadata", "forms", "placements", "providers"})
package se.placera.inquiries;
