package se.placera.shared;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the {@link PendingAudit} entries that documents carry: publishes each entry (the audit module
 * appends it, idempotently by its id) and the owner's follow-up events, then removes it from the document with
 * a conditional update ({@code $pull} by entry id, which leaves the document's revision alone). The owner calls
 * {@link #deliver} right after its write; what fails there (or is lost in a crash) is delivered by the sweep,
 * at start-up and every {@code placera.outbox.sweep-interval}. Audit entries are thus written exactly once;
 * follow-up events at least once (their listeners must be idempotent).
 */
@Component
@EnableScheduling
public class Outbox {

    /** A kind of document that carries pending entries in a list field {@code pending}. */
    public interface Source<D> {

        Class<D> type();

        String idOf(D document);

        List<PendingAudit> pending(D document);

        /** The owner's events that go with an entry, e.g. {@code ResponseSubmitted} with {@code response.submit}. */
        default List<Object> followUps(D document, PendingAudit entry) {
            return List.of();
        }
    }

    /**
     * A {@link Source} given by its type and two accessors, so that a module declares its source in one line:
     * {@code class CaseOutbox extends Outbox.Of<CaseDocument> { CaseOutbox() { super(CaseDocument.class,
     * d -> d.id, d -> d.pending); } }}.
     */
    public abstract static class Of<D> implements Source<D> {

        private final Class<D> type;
        private final Function<D, String> idOf;
        private final Function<D, List<PendingAudit>> pending;

        protected Of(Class<D> type, Function<D, String> idOf, Function<D, List<PendingAudit>> pending) {
            this.type = type;
            this.idOf = idOf;
            this.pending = pending;
        }

        @Override
        public final Class<D> type() {
            return type;
        }

        @Override
        public final String idOf(D document) {
            return idOf.apply(document);
        }

        @Override
        public final List<PendingAudit> pending(D document) {
            return pending.apply(document);
        }
    }

    /** The field of the owning documents that holds the pending entries. */
    public static final String FIELD = "pending";

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final int BATCH = 50;

    private final MongoTemplate mongo;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<Source<?>> sources;
    private final Clock clock;
    private final Duration grace;

    Outbox(MongoTemplate mongo, ApplicationEventPublisher events, ObjectProvider<Source<?>> sources,
            Clock clock,
            @org.springframework.beans.factory.annotation.Value("${placera.outbox.grace:10s}") Duration grace) {
        this.mongo = mongo;
        this.events = events;
        this.sources = sources;
        this.clock = clock;
        this.grace = grace;
    }

    /**
     * Delivers a document's pending entries in order; stops at the first that fails (it stays for the sweep).
     *
     * @return whether every entry was delivered
     */
    public <D> boolean deliver(Source<D> source, D document) {
        List<PendingAudit> pending = source.pending(document);
        if (pending == null || pending.isEmpty()) {
            return true;
        }
        String collection = mongo.getCollectionName(source.type());
        for (PendingAudit entry : pending) {
            try {
                events.publishEvent(entry);
                for (Object followUp : source.followUps(document, entry)) {
                    events.publishEvent(followUp);
                }
            } catch (RuntimeException e) {
                log.warn("Audit entry {} not delivered yet; the outbox sweep retries it", entry.entryId(), e);
                return false;
            }
            mongo.updateFirst(Query.query(Criteria.where("_id").is(source.idOf(document))),
                    new Update().pull(FIELD, new Document("entryId", entry.entryId())), collection);
        }
        return true;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        sweep(Duration.ZERO);
    }

    @Scheduled(fixedDelayString = "${placera.outbox.sweep-interval:30s}", initialDelayString = "${placera.outbox.sweep-interval:30s}")
    void scheduled() {
        sweep(grace);
    }

    /**
     * Delivers the entries left on documents (after a failed delivery or a crash) whose oldest pending entry is
     * older than {@code olderThan} (so that a delivery in progress in a request is not raced).
     *
     * @return how many documents were delivered completely
     */
    public int sweep(Duration olderThan) {
        int delivered = 0;
        for (Source<?> source : sources.orderedStream().toList()) {
            try {
                delivered += sweep(source, olderThan);
            } catch (RuntimeException e) {
                log.warn("Outbox sweep of {} failed; retried at the next sweep", source.type().getSimpleName(), e);
            }
        }
        return delivered;
    }

    private <D> int sweep(Source<D> source, Duration olderThan) {
        int delivered = 0;
        String after = null;
        while (true) {
            Criteria c = Criteria.where(FIELD + ".at").lte(clock.instant().minus(olderThan));
            if (after != null) {
                c = c.and("_id").gt(after);
            }
            List<D> batch = mongo.find(Query.query(c).with(Sort.by("_id")).limit(BATCH), source.type());
            for (D document : batch) {
                after = source.idOf(document);
                if (deliver(source, document)) {
                    delivered++;
                } else {
                    return delivered;
                }
            }
            if (batch.size() < BATCH) {
                return delivered;
            }
        }
    }
}
