/**
 * Placement cases (PA-3, PA-13): the {@code process} metadata kind — the states of a case, the transitions between
 * them and the tasks entering a state creates — interpreted by one generic runtime, so a municipality changes its
 * process by publishing metadata, not code.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "security", "metadata", "forms", "forms :: rules"})
package se.placera.placements;
