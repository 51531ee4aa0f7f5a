/**
 * The utförarregister (PA-8) and matching (PA-1, PA-2): providers, their units, prices, agreements, IVO permits and
 * documents; per-unit quality fields from evaluations and outcomes (EV-1); ranked search; Excel import and export;
 * and the {@code providers} option source that feeds method questions with units from the register (FM-8).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "security", "metadata", "forms", "documents"})
package se.placera.providers;
