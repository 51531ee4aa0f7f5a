package se.placera.users.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import se.placera.security.ApiTokenDirectory;
import se.placera.security.ApiTokenSecrets;
import se.placera.security.CurrentUser;
import se.placera.security.CurrentUsers;
import se.placera.security.LoginMethod;
import se.placera.shared.Audited;
import se.placera.shared.Outbox;
import se.placera.shared.PendingAudit;
import se.placera.shared.PlaceraException;
import se.placera.shared.Problem;

/**
 * Personal API tokens (OP-1, US-3): a user's own credential for integrations, so they need not send a password
 * (a bcrypt check, ≈ 90 ms) with every request. The value is shown once, when created; only its keyed hash is
 * stored ({@link ApiTokenSecrets#hash}), unique, and a request finds the token by it. A token authenticates as its
 * user with the user's rights at the time of use. Revoked tokens are kept (marked), so the list and the audit log
 * can tell what happened; expired and revoked ones no longer authenticate.
 */
@Component
public class ApiTokens implements ApiTokenDirectory, ApplicationRunner {

    /** The longest name of a token. */
    public static final int MAX_NAME_LENGTH = 100;
    /** The longest lifetime of a token. */
    public static final int MAX_DAYS = 365;
    /** The last use is written at most this often per token (not a write per request). */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    @Document("api_tokens")
    static class ApiTokenDocument {
        @Id
        String id;
        /** The keyed hash of the value (unique); the value itself is never stored. */
        String hash;
        String userId;
        String username;
        String name;
        Instant createdAt;
        Instant expiresAt;
        Instant lastUsedAt;
        Instant revokedAt;
        String revokedBy;
        /** Audit entries of the token's create and revoke, until the {@link Outbox} has delivered them. */
        List<PendingAudit> pending;
    }

    /** Tokens as a source of the {@link Outbox}: the create and the revoke carry their audit entries. */
    @Component
    static class TokenOutbox extends Outbox.Of<ApiTokenDocument> {
        TokenOutbox() {
            super(ApiTokenDocument.class, d -> d.id, d -> d.pending);
        }
    }

    /** A token as its user and administrators see it: never the value or its hash. */
    public record TokenView(String id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
            boolean expired) {
    }

    /** A new token: the view and the value, which is shown this once. */
    public record CreatedToken(TokenView token, String value) {
    }

    private final MongoTemplate mongo;
    private final ApiTokenSecrets secrets;
    private final CurrentUsers currentUsers;
    private final Clock clock;
    private final Outbox outbox;
    private final TokenOutbox source;

    ApiTokens(MongoTemplate mongo, ApiTokenSecrets secrets, CurrentUsers currentUsers, Clock clock, Outbox outbox,
            TokenOutbox source) {
        this.mongo = mongo;
        this.secrets = secrets;
        this.currentUsers = currentUsers;
        this.clock = clock;
        this.outbox = outbox;
        this.source = source;
    }

    @Override
    public void run(ApplicationArguments args) {
        var ops = mongo.indexOps(ApiTokenDocument.class);
        ops.createIndex(new Index("hash", Sort.Direction.ASC).unique());
        ops.createIndex(new Index("userId", Sort.Direction.ASC));
    }

    // ---- authentication ----

    @Override
    public Optional<TokenOwner> use(String hash) {
        Instant now = clock.instant();
        ApiTokenDocument d = mongo.findOne(Query.query(Criteria.where("hash").is(hash).and("revokedAt").is(null)
                .and("expiresAt").gt(now)), ApiTokenDocument.class);
        if (d == null) {
            return Optional.empty();
        }
        if (d.lastUsedAt == null || !d.lastUsedAt.plus(LAST_USED_RESOLUTION).isAfter(now)) {
            // Conditional, so of many concurrent requests (on any instance) about one writes per minute.
            Instant cutoff = now.minus(LAST_USED_RESOLUTION);
            mongo.updateFirst(Query.query(Criteria.where("_id").is(d.id).orOperator(
                            Criteria.where("lastUsedAt").is(null), Criteria.where("lastUsedAt").lte(cutoff))),
                    new Update().set("lastUsedAt", now), ApiTokenDocument.class);
        }
        return Optional.of(new TokenOwner(d.id, d.username));
    }

    // ---- the signed-in user's own tokens ----

    /**
     * Creates a token for the signed-in user, valid {@code expiresInDays} (1–365). Not with a token: a token must
     * not be able to renew itself for ever; its user signs in to make a new one.
     */
    public CreatedToken create(String name, Integer expiresInDays) {
        CurrentUser user = currentUsers.current();
        if (LoginMethod.TOKEN.equals(user.loginMethod())) {
            throw new PlaceraException(PlaceraException.Kind.FORBIDDEN, "API_TOKEN_FROM_TOKEN",
                    "An API token cannot create tokens; sign in with your password or Keycloak.");
        }
        List<Problem> problems = new ArrayList<>();
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            problems.add(new Problem("/name", "required", "Required."));
        } else if (trimmed.length() > MAX_NAME_LENGTH) {
            problems.add(new Problem("/name", "too-long", "At most " + MAX_NAME_LENGTH + " characters."));
        }
        if (expiresInDays == null || expiresInDays < 1 || expiresInDays > MAX_DAYS) {
            problems.add(new Problem("/expiresInDays", "out-of-range", "1–" + MAX_DAYS + " days."));
        }
        if (!problems.isEmpty()) {
            throw PlaceraException.invalid("API_TOKEN_INVALID_REQUEST", "The token request has invalid fields.",
                    problems);
        }
        String value = secrets.newToken();
        var d = new ApiTokenDocument();
        d.id = UUID.randomUUID().toString();
        d.hash = secrets.hash(value);
        d.userId = user.id();
        d.username = user.username();
        d.name = trimmed;
        d.createdAt = clock.instant();
        d.expiresAt = d.createdAt.plus(Duration.ofDays(expiresInDays));
        d.pending = List.of(pending(1, "api-token.create", d, user.administrationId()));
        outbox.deliver(source, mongo.insert(d));
        return new CreatedToken(view(d), value);
    }

    /** The signed-in user's tokens that are not revoked, newest first. */
    public List<TokenView> mine() {
        return of(currentUsers.current().id());
    }

    /** Revokes one of the signed-in user's tokens; another user's token is not found (404). */
    public void revokeMine(String tokenId) {
        CurrentUser user = currentUsers.current();
        revoke(user.id(), tokenId, user.administrationId());
    }

    // ---- for administrators (the caller checks that they administer the user) ----

    /** A user's tokens that are not revoked, newest first. */
    public List<TokenView> of(String userId) {
        return mongo.find(Query.query(Criteria.where("userId").is(userId).and("revokedAt").is(null))
                .with(Sort.by(Sort.Direction.DESC, "createdAt")), ApiTokenDocument.class)
                .stream().map(this::view).toList();
    }

    /** Revokes a token of {@code userId}; a token of anyone else, or already revoked, is not found (404). */
    public void revoke(String userId, String tokenId, String administration) {
        Instant now = clock.instant();
        Query live = Query.query(Criteria.where("_id").is(tokenId).and("userId").is(userId).and("revokedAt").is(null));
        ApiTokenDocument d = mongo.findOne(live, ApiTokenDocument.class);
        if (d == null) {
            throw PlaceraException.notFound("API_TOKEN_NOT_FOUND", "There is no token '" + tokenId + "'.");
        }
        // The revoke and its audit entry in one conditional write: of two concurrent revokes one wins.
        ApiTokenDocument revoked = mongo.findAndModify(live,
                new Update().set("revokedAt", now).set("revokedBy", currentUsers.actor())
                        .push(Outbox.FIELD, mongo.getConverter().convertToMongoType(
                                pending(2, "api-token.revoke", d, administration))),
                org.springframework.data.mongodb.core.FindAndModifyOptions.options().returnNew(true),
                ApiTokenDocument.class);
        if (revoked == null) {
            throw PlaceraException.notFound("API_TOKEN_NOT_FOUND", "There is no token '" + tokenId + "'.");
        }
        outbox.deliver(source, revoked);
    }

    private TokenView view(ApiTokenDocument d) {
        return new TokenView(d.id, d.name, d.createdAt, d.expiresAt, d.lastUsedAt,
                !d.expiresAt.isAfter(clock.instant()));
    }

    /** The audit entry of the token's write number {@code revision} (1 create, 2 revoke: each happens once). */
    private PendingAudit pending(long revision, String action, ApiTokenDocument d, String administration) {
        return new PendingAudit(PendingAudit.idOf(d.id, revision), clock.instant(), currentUsers.actor(),
                currentUsers.find().map(CurrentUser::administrationId).orElse(null), audited(action, d, administration));
    }

    private static Audited audited(String action, ApiTokenDocument d, String administration) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("account", d.username);
        details.put("token", d.id);
        details.put("name", d.name);
        details.put("expiresAt", d.expiresAt.toString());
        return new Audited(action, "user", d.userId, administration, "success", details);
    }
}
