package se.placera.users.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import se.placera.shared.Audited;
import se.placera.shared.PendingAudit;

/**
 * Single-use, expiring secrets for account activation, password reset and the first
 * administrator's set-up. Only a SHA-256 of the token is
 * stored, so a copy of the database does not let anyone activate an account; consumption is one conditional
 * update in the database, so a link works exactly once even with several instances.
 */
@Component
public class AccountTokens {

    public enum Purpose { ACTIVATION, RESET, FIRST_ADMIN }

    @Document("account_tokens")
    static class TokenDocument {
        @Id
        String id;
        String userId;
        Purpose purpose;
        Instant createdAt;
        Instant expiresAt;
        Instant usedAt;
        /** The audit entry of the issue (an invitation, a reset request) until the outbox has delivered it. */
        List<PendingAudit> pending;
    }

    private final MongoTemplate mongo;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AccountTokens(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Issues a new token; earlier unused tokens of the same purpose for the user stop working. */
    public String issue(String userId, Purpose purpose, Duration ttl) {
        return issue(userId, purpose, ttl, null, null, null).token();
    }

    /** A token issued and its stored document (which holds the issue's pending audit entry, if any). */
    record Issued(String token, TokenDocument document) {
    }

    /**
     * Issues a new token with the audit entry of its issue (an invitation, a reset request) in the same
     * single-document write (issue #11, item 8); the caller has the {@code Outbox} deliver it. Earlier unused
     * tokens of the purpose stop working: they are marked used, not removed, so an entry still waiting on one is
     * kept.
     */
    Issued issue(String userId, Purpose purpose, Duration ttl, Audited audited, String actor,
            String actorAdministration) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        mongo.updateMulti(Query.query(Criteria.where("userId").is(userId).and("purpose").is(purpose)
                .and("usedAt").is(null)), new Update().set("usedAt", clock.instant()), TokenDocument.class);
        var doc = new TokenDocument();
        doc.id = hash(token);
        doc.userId = userId;
        doc.purpose = purpose;
        doc.createdAt = clock.instant();
        doc.expiresAt = doc.createdAt.plus(ttl);
        if (audited != null) {
            doc.pending = List.of(new PendingAudit(PendingAudit.idOf(doc.id, 0L), doc.createdAt, actor,
                    actorAdministration, audited));
        }
        return new Issued(token, mongo.insert(doc));
    }

    /** The user a valid (unused, unexpired) token belongs to, without using it up. */
    public Optional<String> peek(String token, Purpose purpose) {
        return valid(token, purpose).map(d -> d.userId);
    }

    /**
     * Uses a token up; empty if it is unknown, used or expired. One conditional update ({@code findAndModify}
     * where {@code usedAt} is null and the token has not expired), so of two concurrent uses, on one instance or
     * two, exactly one wins.
     */
    public Optional<String> consume(String token, Purpose purpose) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        TokenDocument used = mongo.findAndModify(Query.query(Criteria.where("_id").is(hash(token))
                        .and("purpose").is(purpose).and("usedAt").is(null).and("expiresAt").gt(now)),
                new Update().set("usedAt", now), FindAndModifyOptions.options().returnNew(true), TokenDocument.class);
        return Optional.ofNullable(used).map(d -> d.userId);
    }

    private Optional<TokenDocument> valid(String token, Purpose purpose) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        TokenDocument d = mongo.findById(hash(token), TokenDocument.class);
        if (d == null || d.purpose != purpose || d.usedAt != null || !d.expiresAt.isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(d);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
