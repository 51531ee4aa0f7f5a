/** The audit log (PA-11): an append-only, hash-chained record of who did what to which subject in which administration, with verification, search and the usage report (US-6). Nothing depends on it: it listens to {@code Audited} events. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "security", "documents", "metadata"})
package se.placera.audit;
