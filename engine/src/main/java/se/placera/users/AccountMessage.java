package se.placera.users;

/**
 * Event: a user is to be told something about their account by e-mail (invitation with the activation link,
 * changed rights, password reset, deactivation). The notifications module queues and sends it.
 *
 * @param kind     {@code invitation}, {@code rights-changed}, {@code password-reset}, {@code deactivated}
 * @param username the account's user name
 * @param to       the e-mail address
 * @param subject  subject line
 * @param body     plain-text body; may contain a single-use link, so it is never logged
 */
public record AccountMessage(String kind, String username, String to, String subject, String body) {
}
