package se.placera.notifications.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

import se.placera.notifications.internal.MailOutbox.OutboxMail;
import se.placera.security.AccessLevel;
import se.placera.security.CurrentUser;
import se.placera.security.CurrentUsers;
import se.placera.security.PlaceraModule;
import se.placera.shared.Audited;
import se.placera.shared.PlaceraException;
import se.placera.shared.Problem;

/**
 * The outbox as administrators see it (IN-2): what is waiting, sent and dead, newest first. A municipality's
 * administrator (administration console at ADMIN) sees the mails of the administrations they administer; the
 * system administrator sees every mail, account mails (which belong to no administration) included. A body that
 * may hold a single-use link is never shown.
 */
@Service
public class MailOutboxView {

    public static final String NOT_FOUND = "MAIL_NOT_FOUND";
    public static final String FORBIDDEN = "MAIL_FORBIDDEN";
    public static final String INVALID = "MAIL_INVALID";
    static final Set<String> STATUSES = Set.of(MailOutbox.PENDING, MailOutbox.SENDING, MailOutbox.SENT, MailOutbox.DEAD);

    private final MongoTemplate mongo;
    private final CurrentUsers users;
    private final ObjectProvider<JavaMailSender> sender;
    private final ApplicationEventPublisher events;
    private final java.time.Clock clock;

    MailOutboxView(MongoTemplate mongo, CurrentUsers users, ObjectProvider<JavaMailSender> sender,
            ApplicationEventPublisher events, java.time.Clock clock) {
        this.mongo = mongo;
        this.users = users;
        this.sender = sender;
        this.events = events;
        this.clock = clock;
    }

    /** One mail as listed; {@code body} only for a mail that holds no secret. */
    public record MailView(String id, String kind, String to, String subject, String body, String status, int attempts,
            Instant createdAt, Instant nextAttemptAt, Instant sentAt, Instant deadAt, String lastError,
            String administration) {
    }

    /** The list, and whether mail goes out at all (without SMTP it stays here). */
    public record MailOutboxPage(boolean smtpConfigured, List<MailView> mails) {
    }

    public MailOutboxPage list(String status, Integer limit) {
        CurrentUser user = requireAdmin();
        if (status != null && !status.isBlank() && !STATUSES.contains(status)) {
            throw PlaceraException.invalid(INVALID, "Unknown status.", List.of(new Problem("/status", "enum",
                    "One of " + STATUSES.stream().sorted().toList() + ".")));
        }
        Query q = scoped(user, new Query());
        if (status != null && !status.isBlank()) {
            q.addCriteria(Criteria.where("status").is(status));
        }
        int n = limit == null ? 200 : Math.max(1, Math.min(limit, 1000));
        List<MailView> mails = mongo.find(q.with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(n), OutboxMail.class)
                .stream().map(MailOutboxView::view).toList();
        events.publishEvent(new Audited("mail.outbox.list", "mail", null, user.administrationId(), "success",
                Map.of("count", mails.size())));
        return new MailOutboxPage(sender.getIfAvailable() != null, mails);
    }

    /** Sends a dead letter again: back to {@code PENDING} with its attempts reset. */
    public MailView retry(String id) {
        CurrentUser user = requireAdmin();
        OutboxMail m = id == null || id.length() > 200 ? null
                : mongo.findOne(scoped(user, Query.query(Criteria.where("_id").is(id))), OutboxMail.class);
        if (m == null) {
            events.publishEvent(Audited.denied("mail.retry", "mail", id, NOT_FOUND));
            throw PlaceraException.notFound(NOT_FOUND, "There is no such mail.");
        }
        if (!MailOutbox.DEAD.equals(m.status)) {
            throw PlaceraException.conflict("MAIL_NOT_DEAD", "Only a dead letter can be sent again.");
        }
        OutboxMail updated = mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("status")
                .is(MailOutbox.DEAD)), new Update().set("status", MailOutbox.PENDING).set("attempts", 0)
                .set("nextAttemptAt", clock.instant()).unset("deadAt"),
                org.springframework.data.mongodb.core.FindAndModifyOptions.options().returnNew(true), OutboxMail.class);
        events.publishEvent(new Audited("mail.retry", "mail", id, m.administration, "success", Map.of("kind", m.kind)));
        return view(updated == null ? m : updated);
    }

    private CurrentUser requireAdmin() {
        CurrentUser user = users.current();
        if (!user.isSystemAdministrator() && !user.can(PlaceraModule.ADMIN_CONSOLE, AccessLevel.ADMIN)) {
            throw new PlaceraException(PlaceraException.Kind.FORBIDDEN, FORBIDDEN,
                    "The mail outbox is for administrators (administration console at ADMIN).");
        }
        return user;
    }

    /** The system administrator: everything; a municipality's administrator: their administrations' mails. */
    private static Query scoped(CurrentUser user, Query q) {
        if (!user.isSystemAdministrator()) {
            q.addCriteria(Criteria.where("administration").in(user.administeredAdministrations()));
        }
        return q;
    }

    private static MailView view(OutboxMail m) {
        return new MailView(m.id, m.kind, m.to, m.subject, m.sensitive ? null : m.body, m.status, m.attempts,
                m.createdAt, m.nextAttemptAt, m.sentAt, m.deadAt, m.lastError, m.administration);
    }
}
