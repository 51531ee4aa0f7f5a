package se.placera.users.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import se.placera.security.LockoutLifted;
import se.placera.shared.Outbox;
import se.placera.shared.PendingAudit;

/**
 * Accounts and change requests as sources of the {@link Outbox}: each write of an account (create, update,
 * deactivate, reactivate, password set, approved identity change), of a change request or of an issued token
 * (invitation, password reset request) carries its audit entry in the same document, so the change and its entry
 * cannot part ways (issue #11, item 8).
 */
final class UserOutbox {

    private UserOutbox() {
    }

    @Component
    static class Accounts extends Outbox.Of<UserDocument> {
        Accounts() {
            super(UserDocument.class, d -> d.id, d -> d.pending);
        }

        /** An unlock is carried out when its audit entry goes out, so neither exists without the other. */
        @Override
        public List<Object> followUps(UserDocument document, PendingAudit entry) {
            return "user.unlock".equals(entry.audited().action())
                    ? List.of(new LockoutLifted(document.username)) : List.of();
        }
    }

    @Component
    static class Tokens extends Outbox.Of<AccountTokens.TokenDocument> {
        Tokens() {
            super(AccountTokens.TokenDocument.class, d -> d.id, d -> d.pending);
        }
    }

    @Component
    static class Changes extends Outbox.Of<UserChanges.UserChange> {
        Changes() {
            super(UserChanges.UserChange.class, d -> d.id, d -> d.pending);
        }
    }
}
