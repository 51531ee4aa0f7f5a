/**
 * Serves the two web front ends built from {@code runtime-ui/} and {@code admin-console/}: static files at
 * {@code /app/} and {@code /admin/}, with every other path below them answered by the app's {@code index.html}
 * so deep links work.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package se.placera.web;
