package se.placera.inquiries;

import java.util.Map;

/**
 * Event: a provider (or the caseworker) is to be told something about an inquiry by e-mail. The notifications
 * module renders the template of {@code event} ({@code templates/mail/<event>.ftl}) with {@code model} and queues
 * the mail. Published at least once from the round's outbox: {@code id} is stable, so a listener stores it once.
 *
 * @param id             stable id of this mail (round, inquiry and event)
 * @param event          {@code inquiry-sent}, {@code inquiry-reminder}, {@code placed-elsewhere}, {@code chosen}
 * @param to             the e-mail address
 * @param administration the administration of the case the inquiry belongs to
 * @param model          the values the template reads (never the client's name or identity number)
 */
public record InquiryMail(String id, String event, String to, String administration, Map<String, Object> model) {

    public static final String SENT = "inquiry-sent";
    public static final String REMINDER = "inquiry-reminder";
    public static final String PLACED_ELSEWHERE = "placed-elsewhere";
    public static final String CHOSEN = "chosen";
}
