package se.placera.forms.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import se.placera.forms.FormProblemCodes;
import se.placera.forms.FormState;
import se.placera.forms.Forms;
import se.placera.forms.StartOnce;
import se.placera.forms.Subject;
import se.placera.security.CurrentUsers;
import se.placera.shared.PlaceraException;
import se.placera.shared.Problem;

/**
 * {@link StartOnce} over a collection of keys ({@code _id} = user + key, unique): the first request claims the
 * key by inserting it, starts the response and records its id; a concurrent request with the same key waits
 * (with a deadline) for that id instead of starting a second draft.
 */
@Service
class StartOnceService implements StartOnce {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:-]{8,100}");
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Document("response_start_keys")
    static class StartKey {
        @Id
        String id;
        String responseId;
        Instant createdAt;
    }

    private final Forms forms;
    private final MongoTemplate mongo;
    private final CurrentUsers users;
    private final Clock clock;

    StartOnceService(Forms forms, MongoTemplate mongo, CurrentUsers users, Clock clock) {
        this.forms = forms;
        this.mongo = mongo;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public FormState start(String idempotencyKey, String methodId, Integer version, Subject subject,
            String respondentRole) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return forms.start(methodId, version, subject, respondentRole);
        }
        if (!KEY.matcher(idempotencyKey).matches()) {
            throw PlaceraException.invalid(FormProblemCodes.INVALID_IDEMPOTENCY_KEY,
                    "The Idempotency-Key must be 8–100 letters, digits or - _ . :",
                    java.util.List.of(new Problem("/headers/Idempotency-Key", FormProblemCodes.INVALID_IDEMPOTENCY_KEY,
                            "8–100 letters, digits or - _ . :")));
        }
        String id = users.current().username() + "\u0000" + idempotencyKey;
        Instant now = clock.instant();
        // An expired key is forgotten: the same key may start a new response after the window.
        mongo.remove(Query.query(Criteria.where("_id").is(id).and("createdAt")
                .lt(now.minus(Duration.ofHours(WINDOW_HOURS)))), StartKey.class);
        var claim = new StartKey();
        claim.id = id;
        claim.createdAt = now;
        try {
            mongo.insert(claim);
        } catch (DuplicateKeyException taken) {
            return forms.get(awaitResponseId(id));
        }
        try {
            FormState started = forms.start(methodId, version, subject, respondentRole);
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                    Update.update("responseId", started.responseId()), StartKey.class);
            return started;
        } catch (RuntimeException failed) {
            // Nothing was started: the key may be used again.
            mongo.remove(Query.query(Criteria.where("_id").is(id)), StartKey.class);
            throw failed;
        }
    }

    /** The response id the first request records, polled until it is there (or the deadline passes). */
    private String awaitResponseId(String id) {
        // Elapsed time, not the time of day: a monotonic deadline that a test clock standing still cannot stop.
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            StartKey k = mongo.findById(id, StartKey.class);
            if (k != null && k.responseId != null) {
                return k.responseId;
            }
            if (k == null || System.nanoTime() - deadline > 0) {
                throw PlaceraException.conflict(FormProblemCodes.START_IN_PROGRESS,
                        "A response with this Idempotency-Key is being started; try again.");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
