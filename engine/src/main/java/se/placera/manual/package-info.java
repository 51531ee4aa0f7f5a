/**
 * The user manual (US-7): one Markdown page per role in {@code docs/manual/} (shipped in the jar), served to signed-in
 * users as safe HTML with its screenshots, and as a printable PDF built by {@code documents}. Provider users read the
 * provider manual only. Nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "security", "documents"})
package se.placera.manual;
