package se.placera.users.internal;

import java.util.List;

import org.springframework.stereotype.Component;

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
    static class Accounts implements Outbox.Source<UserDocument> {

        @Override
        public Class<UserDocument> type() {
            return UserDocument.class;
        }

        @Override
        public String idOf(UserDocument document) {
            return document.id;
        }

        @Override
        public List<PendingAudit> pending(UserDocument document) {
            return document.pending;
        }
    }

    @Component
    static class Tokens implements Outbox.Source<AccountTokens.TokenDocument> {

        @Override
        public Class<AccountTokens.TokenDocument> type() {
            return AccountTokens.TokenDocument.class;
        }

        @Override
        public String idOf(AccountTokens.TokenDocument document) {
            return document.id;
        }

        @Override
        public List<PendingAudit> pending(AccountTokens.TokenDocument document) {
            return document.pending;
        }
    }

    @Component
    static class Changes implements Outbox.Source<UserChanges.UserChange> {

        @Override
        public Class<UserChanges.UserChange> type() {
            return UserChanges.UserChange.class;
        }

        @Override
        public String idOf(UserChanges.UserChange document) {
            return document.id;
        }

        @Override
        public List<PendingAudit> pending(UserChanges.UserChange document) {
            return document.pending;
        }
    }
}
