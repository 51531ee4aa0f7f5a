/**
 * Reports (RP-1 … RP-5, EV-4, GD-2): the {@code report} metadata kind, a projection of submitted responses fed by
 * {@link se.placera.forms.ResponseSubmitted}, aggregation in the database, small-cell suppression of everything
 * shown, and exports to Excel and PDF through {@code documents}. Nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "security", "metadata", "forms", "providers", "documents"})
package se.placera.reports;
