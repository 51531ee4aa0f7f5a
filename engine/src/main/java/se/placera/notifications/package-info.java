/** Outgoing e-mail: an outbox in the database, sent over SMTP when {@code spring.mail.host} is set, retried with back-off. Nothing depends on it: it listens to events. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "security", "users", "inquiries", "documents", "schedules"})
package se.placera.notifications;
