package se.placera.schedules;

import java.util.Map;

/**
 * A mail of a clock — the reminder of a task at its lead time, or the escalation of an overdue one to the team
 * lead — rendered from {@code templates/mail/<event>.ftl} and queued once under its stable {@code id} by the mail
 * outbox (a second delivery of the same id is ignored).
 */
public record ClockMail(String id, String event, String to, String administration, Map<String, Object> model) {

    public static final String REMINDER = "clock-reminder";
    public static final String ESCALATION = "clock-escalation";
}
