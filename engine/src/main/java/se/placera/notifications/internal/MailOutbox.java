package se.placera.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import se.placera.documents.TextTemplates;
import se.placera.inquiries.InquiryMail;
import se.placera.notifications.NotificationsProperties;
import se.placera.users.AccountMessage;

/**
 * The mail outbox: a message is first stored (so nothing is lost when SMTP is down or not configured), then
 * sent by a scheduled job with exponential back-off; after {@code max-attempts} failures it becomes a dead letter
 * ({@code DEAD}) that administrators see in {@code GET /api/admin/mail-outbox}. Without SMTP mail stays in the
 * outbox, where that view shows it. Bodies can hold single-use links: they are never logged.
 * Every instance runs the job; each mail is claimed by exactly one of them ({@link #claim()}), and a claim has a
 * lease so that a mail claimed by an instance that died is sent by another after {@code claim-lease}.
 */
@Service
@EnableScheduling
@EnableConfigurationProperties(NotificationsProperties.class)
public class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    @Document("mail_outbox")
    public static class OutboxMail {
        @Id
        public String id;
        public String kind;
        public String to;
        public String subject;
        public String body;
        public String status;
        public int attempts;
        public Instant createdAt;
        public Instant nextAttemptAt;
        public Instant sentAt;
        public String lastError;
        public String claimedBy;
        public Instant claimedUntil;
        /** The administration the mail concerns (inquiry mails); null for account mails (system administrators). */
        public String administration;
        /** The body may hold a single-use link (account mails): it is dropped once sent and never shown. */
        public boolean sensitive;
        /** When the mail was given up on (status {@code DEAD}). */
        public Instant deadAt;
    }

    /** Waiting to be sent (or to be retried at {@code nextAttemptAt}). */
    public static final String PENDING = "PENDING";
    /** Claimed by an instance that is sending it. */
    public static final String SENDING = "SENDING";
    public static final String SENT = "SENT";
    /** Dead letter: given up after {@code placera.notifications.max-attempts}; an administrator looks at it. */
    public static final String DEAD = "DEAD";

    /** This process, as a claim's owner (for operators reading the outbox). */
    static final String INSTANCE = UUID.randomUUID().toString();

    private final MongoTemplate mongo;
    private final ObjectProvider<JavaMailSender> sender;
    private final NotificationsProperties props;
    private final TextTemplates templates;
    private final Clock clock;
    private final ReentrantLock sending = new ReentrantLock();
    private boolean warnedNoSmtp;

    MailOutbox(MongoTemplate mongo, ObjectProvider<JavaMailSender> sender, NotificationsProperties props,
            TextTemplates templates, Clock clock) {
        this.mongo = mongo;
        this.sender = sender;
        this.props = props;
        this.templates = templates;
        this.clock = clock;
    }

    @EventListener
    void on(AccountMessage message) {
        var m = new OutboxMail();
        m.id = UUID.randomUUID().toString();
        m.kind = message.kind();
        m.to = message.to();
        m.subject = message.subject();
        m.body = message.body();
        m.sensitive = true;
        queue(m);
    }

    /**
     * An inquiry mail: its text is the template of its event ({@code templates/mail/<event>.ftl}). Delivered at
     * least once by the round's outbox; stored once, under the mail's own stable id.
     */
    @EventListener
    void on(InquiryMail mail) {
        TextTemplates.Rendered text = templates.render("mail/" + mail.event() + ".ftl", mail.model());
        var m = new OutboxMail();
        m.id = mail.id();
        m.kind = mail.event();
        m.to = mail.to();
        m.subject = text.assigned().getOrDefault("subject", "Placera");
        m.body = text.text().strip() + "\n";
        m.administration = mail.administration();
        try {
            queue(m);
        } catch (DuplicateKeyException e) {
            // queued by a delivery that ran at the same time: once is enough
        }
    }

    /**
     * A clock's reminder or escalation ({@code templates/mail/clock-*.ftl}); stored once under the mail's stable id,
     * so a clock run that is repeated never mails twice.
     */
    @EventListener
    void on(se.placera.schedules.ClockMail mail) {
        TextTemplates.Rendered text = templates.render("mail/" + mail.event() + ".ftl", mail.model());
        var m = new OutboxMail();
        m.id = mail.id();
        m.kind = mail.event();
        m.to = mail.to();
        m.subject = text.assigned().getOrDefault("subject", "Placera");
        m.body = text.text().strip() + "\n";
        m.administration = mail.administration();
        if (mongo.exists(org.springframework.data.mongodb.core.query.Query.query(Criteria.where("_id").is(m.id)),
                OutboxMail.class)) {
            return;
        }
        try {
            queue(m);
        } catch (DuplicateKeyException e) {
            // queued by a run that went at the same time: once is enough
        }
    }

    private void queue(OutboxMail m) {
        m.status = PENDING;
        m.createdAt = clock.instant();
        m.nextAttemptAt = m.createdAt;
        mongo.insert(m);
    }

    /** Sends what is due; runs on a schedule, and may be called directly. */
    @Scheduled(fixedDelayString = "${placera.notifications.poll-interval:2s}", initialDelay = 1000)
    public void sendDue() {
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            if (!warnedNoSmtp) {
                warnedNoSmtp = true;
                log.info("No SMTP server configured (spring.mail.host): e-mails stay in the outbox");
            }
            return;
        }
        if (!sending.tryLock()) {
            return;
        }
        try {
            OutboxMail m;
            int sent = 0;
            while (sent++ < 50 && (m = claim()) != null) {
                send(smtp, m);
            }
        } finally {
            sending.unlock();
        }
    }

    /**
     * Claims one due mail for this instance: one {@code findAndModify} moves it from PENDING (or from SENDING
     * whose lease ran out: its instance died) to SENDING with a lease, so two instances never both send it.
     */
    OutboxMail claim() {
        Instant now = clock.instant();
        Criteria pending = Criteria.where("status").is(PENDING).and("nextAttemptAt").lte(now);
        Criteria abandoned = Criteria.where("status").is(SENDING).and("claimedUntil").lte(now);
        return mongo.findAndModify(Query.query(new Criteria().orOperator(pending, abandoned)).with(Sort.by("createdAt")),
                new Update().set("status", SENDING).set("claimedBy", INSTANCE)
                        .set("claimedUntil", now.plus(props.claimLease())),
                FindAndModifyOptions.options().returnNew(true), OutboxMail.class);
    }

    private void send(JavaMailSender smtp, OutboxMail m) {
        var mail = new SimpleMailMessage();
        mail.setFrom(props.from());
        mail.setTo(m.to);
        mail.setSubject(m.subject);
        mail.setText(m.body);
        m.attempts++;
        try {
            smtp.send(mail);
            m.status = SENT;
            m.sentAt = clock.instant();
            m.lastError = null;
            if (m.sensitive) {
                // The body may hold a single-use link: once delivered it is not kept.
                m.body = null;
            }
        } catch (RuntimeException e) {
            m.lastError = e.getClass().getSimpleName();
            if (m.attempts >= props.maxAttempts()) {
                m.status = DEAD;
                m.deadAt = clock.instant();
                log.warn("Mail {} ({}) failed {} times; moved to the dead letters", m.id, m.kind, m.attempts);
            } else {
                m.status = PENDING;
                Duration backoff = backoff(m.attempts);
                m.nextAttemptAt = clock.instant().plus(backoff);
                log.info("Mail {} ({}) not sent ({}); retry in {}", m.id, m.kind, m.lastError, backoff);
            }
        }
        m.claimedBy = null;
        m.claimedUntil = null;
        mongo.save(m);
    }

    /** Exponential back-off: {@code retry-initial} after the first failure, doubling, at most {@code retry-max}. */
    Duration backoff(int attempts) {
        Duration d = props.retryInitial();
        for (int i = 1; i < attempts && d.compareTo(props.retryMax()) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(props.retryMax()) > 0 ? props.retryMax() : d;
    }
}
