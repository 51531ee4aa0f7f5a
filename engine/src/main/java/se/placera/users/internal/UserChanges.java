package se.placera.users.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import se.placera.security.CurrentUser;
import se.placera.security.CurrentUsers;
import se.placera.shared.Audited;
import se.placera.shared.Outbox;
import se.placera.shared.PendingAudit;
import se.placera.shared.PlaceraException;
import se.placera.shared.Problem;

/**
 * Four eyes on a user's administrations and login identity (e-mail, Keycloak link): one administrator requests
 * the change, another administrator of the same administrations approves or rejects it; the requester cannot
 * approve their own. Every step is audited ({@code user.change.request|approve|reject}).
 */
@Service
public class UserChanges {

    public enum Status { PENDING, APPROVED, REJECTED }

    /**
     * What an administrator asks to change; null fields stay as they are ({@code keycloakId} "" removes the
     * link).
     */
    public record ChangeRequest(List<String> administrations, String email, String keycloakId, String reason) {
    }

    /** A change request and its decision. */
    @Document("user_changes")
    public static class UserChange {
        @Id
        public String id;
        public String userId;
        public String username;
        /** The account's administrations when requested and those requested: both decide who may approve. */
        public List<String> scope = new ArrayList<>();
        public List<String> administrations;
        public String email;
        public String keycloakId;
        public String reason;
        public Status status;
        public String requestedBy;
        public Instant requestedAt;
        public String decidedBy;
        public Instant decidedAt;
        /** Audit entries of the request's writes not yet in the audit log (shared.Outbox). */
        public List<PendingAudit> pending;
    }

    private final MongoTemplate mongo;
    private final UserService users;
    private final ObjectProvider<CurrentUsers> currentUsers;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Outbox outbox;
    private final UserOutbox.Changes source;

    UserChanges(MongoTemplate mongo, UserService users, ObjectProvider<CurrentUsers> currentUsers,
            ApplicationEventPublisher events, Clock clock, Outbox outbox, UserOutbox.Changes source) {
        this.outbox = outbox;
        this.source = source;
        this.mongo = mongo;
        this.users = users;
        this.currentUsers = currentUsers;
        this.events = events;
        this.clock = clock;
    }

    /** Records a pending change of a user the caller administers, to administrations the caller administers. */
    public UserChange request(String userId, ChangeRequest request) {
        CurrentUser caller = currentUsers.getObject().current();
        UserDocument doc = users.get(userId);
        if (request == null || request.administrations() == null && request.email() == null
                && request.keycloakId() == null) {
            throw PlaceraException.invalid("USER_CHANGE_EMPTY", "The change request changes nothing.",
                    List.of(new Problem("", "empty", "Give administrations, email or keycloakId.")));
        }
        UserDocument checked = users.validatedChange(doc, request.administrations(), request.email());
        UserService.requireGrantable(caller, doc, grantsOf(checked, doc));
        String keycloakId = request.keycloakId() == null ? null : request.keycloakId().trim();
        if (keycloakId != null && !keycloakId.isEmpty() && mongo.exists(Query.query(Criteria.where("externalId")
                .is(keycloakId).and("_id").ne(doc.id)), UserDocument.class)) {
            throw PlaceraException.conflict("KEYCLOAK_ID_TAKEN", "Another account is linked to this Keycloak user.");
        }
        UserChange c = new UserChange();
        c.id = UUID.randomUUID().toString();
        c.userId = doc.id;
        c.username = doc.username;
        c.administrations = request.administrations() == null ? null : List.copyOf(checked.administrations);
        c.email = request.email() == null ? null : checked.email;
        c.keycloakId = keycloakId;
        c.reason = request.reason() == null ? null : request.reason().trim();
        Set<String> scope = new LinkedHashSet<>(doc.administrations);
        if (c.administrations != null) {
            scope.addAll(c.administrations);
        }
        c.scope = new ArrayList<>(scope);
        c.status = Status.PENDING;
        c.requestedBy = caller.username();
        c.requestedAt = clock.instant();
        // The request and its audit entry in one write (issue #11, item 8).
        c.pending = List.of(pending(c, 0, "user.change.request", caller, details(c)));
        outbox.deliver(source, mongo.insert(c));
        return c;
    }

    /** Changes the caller may see: those of accounts and administrations the caller administers. */
    public List<UserChange> list(String status) {
        CurrentUser caller = currentUsers.getObject().current();
        Query q = new Query();
        if (status != null && !status.isBlank()) {
            Status s;
            try {
                s = Status.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw PlaceraException.invalid("USER_CHANGE_STATUS", "Unknown status.",
                        List.of(new Problem("/status", "invalid", "pending, approved or rejected.")));
            }
            q.addCriteria(Criteria.where("status").is(s));
        }
        return mongo.find(q.with(Sort.by("requestedAt")), UserChange.class).stream()
                .filter(c -> caller.administers(c.scope)).toList();
    }

    /** A second administrator of the same administrations applies the change. */
    public UserChange approve(String changeId) {
        return decide(changeId, true);
    }

    /** Another administrator (or the requester, withdrawing it) turns the change down. */
    public UserChange reject(String changeId) {
        return decide(changeId, false);
    }

    private UserChange decide(String changeId, boolean approve) {
        CurrentUser caller = currentUsers.getObject().current();
        lock.lock();
        try {
            UserChange c = changeId == null ? null : mongo.findById(changeId, UserChange.class);
            if (c == null || !caller.administers(c.scope)) {
                throw PlaceraException.notFound("USER_CHANGE_NOT_FOUND", "There is no change '" + changeId + "'.");
            }
            if (c.status != Status.PENDING) {
                throw PlaceraException.conflict("USER_CHANGE_DECIDED", "The change has already been decided.");
            }
            if (approve && caller.username().equals(c.requestedBy)) {
                audit("user.change.approve", c, caller, Map.of("outcome", "own-request-refused"));
                throw new PlaceraException(PlaceraException.Kind.FORBIDDEN, "USER_CHANGE_OWN",
                        "A second administrator must approve the change, not the one who asked for it.");
            }
            UserDocument doc = users.load(c.userId);
            UserDocument checked = null;
            if (approve) {
                if (!caller.administers(doc.administrations)) {
                    throw PlaceraException.notFound("USER_CHANGE_NOT_FOUND", "There is no change '" + changeId + "'.");
                }
                checked = users.validatedChange(doc, c.administrations, c.email);
                UserService.requireGrantable(caller, doc, grantsOf(checked, doc));
            }
            c.status = approve ? Status.APPROVED : Status.REJECTED;
            c.decidedBy = caller.username();
            c.decidedAt = clock.instant();
            List<PendingAudit> entries = new ArrayList<>(c.pending == null ? List.of() : c.pending);
            entries.add(pending(c, 1, approve ? "user.change.approve" : "user.change.reject", caller, details(c)));
            c.pending = entries;
            // The decision is claimed first, conditional on the request still pending: of an approval and a
            // rejection on two instances exactly one is stored, and only a stored approval changes the account.
            UserChange decided = mongo.findAndReplace(Query.query(Criteria.where("_id").is(c.id)
                    .and("status").is(Status.PENDING)), c);
            if (decided == null) {
                throw PlaceraException.conflict("USER_CHANGE_DECIDED", "The change has already been decided.");
            }
            if (approve) {
                try {
                    users.applyIdentityChange(doc, c.administrations == null ? null : checked.administrations,
                            c.email == null ? null : checked.email, c.keycloakId, c.requestedBy, caller.username());
                } catch (RuntimeException e) {
                    // Not applied (e.g. the Keycloak user was linked to another account meanwhile): the request is
                    // pending again and its approval entry, not yet delivered, goes with the claim.
                    mongo.findAndReplace(Query.query(Criteria.where("_id").is(c.id).and("status")
                            .is(Status.APPROVED).and("decidedAt").is(c.decidedAt)), decided);
                    throw e;
                }
            }
            outbox.deliver(source, c);
            return c;
        } finally {
            lock.unlock();
        }
    }

    /** The requested administrations with the account's rights unchanged: what the grant check looks at. */
    private static UserDocument grantsOf(UserDocument checked, UserDocument doc) {
        UserDocument g = new UserDocument();
        g.administrations = checked.administrations;
        g.permissions = doc.permissions == null ? Map.of() : doc.permissions;
        g.methodPermissions = doc.methodPermissions == null ? Map.of() : doc.methodPermissions;
        return g;
    }

    private static Map<String, Object> details(UserChange c) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("change", c.id);
        d.put("account", c.username);
        d.put("requestedBy", c.requestedBy);
        if (c.administrations != null) {
            d.put("administrations", c.administrations);
        }
        if (c.email != null) {
            d.put("email", "changed");
        }
        if (c.keycloakId != null) {
            d.put("keycloakId", "changed");
        }
        return d;
    }

    /** The audit entry of the request's {@code write}-th write (0: the request, 1: the decision). */
    private PendingAudit pending(UserChange c, long write, String action, CurrentUser caller,
            Map<String, Object> details) {
        return new PendingAudit(PendingAudit.idOf(c.id, write), clock.instant(), caller.username(),
                caller.administrationId(), new Audited(action, "user", c.userId, c.scope.isEmpty() ? null
                        : c.scope.getFirst(), "success", details));
    }

    private void audit(String action, UserChange c, CurrentUser caller, Map<String, Object> details) {
        events.publishEvent(new Audited(action, "user", c.userId, c.scope.isEmpty() ? null : c.scope.getFirst(),
                details.containsKey("outcome") ? "failure" : "success", details));
    }
}
