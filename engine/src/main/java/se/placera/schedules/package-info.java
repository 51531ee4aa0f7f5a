/**
 * Statutory clocks (PA-10, EV-1): the {@code schedule} metadata kind — an anchor date of a placement case, offsets
 * and a repeat, a lead time, the task each occurrence creates and a CEL condition over the case — and a durable
 * scheduler (ShedLock on MongoDB) that turns due occurrences into case tasks, reminders and escalations, once each.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "security", "metadata", "forms :: rules", "placements"})
package se.placera.schedules;
