package se.placera.security;

import java.util.Optional;

/**
 * Where authentication finds accounts. The users module implements it (security must not know users), so
 * an account's permissions and administrations are read fresh for every request: a change or a
 * deactivation takes effect at once, also for open sessions.
 */
public interface UserDirectory {

    /** An account by its local user name, active or not. */
    Optional<UserAccount> byUsername(String username);

    /**
     * The account linked to an external identity (Keycloak's {@code sub}); if none is linked yet, the one
     * active account with this verified e-mail and no link is linked to it and returned.
     */
    Optional<UserAccount> byExternalIdentity(String externalId, String verifiedEmail);

    /**
     * An account as authentication needs it.
     *
     * @param passwordHash the encoded password, or null while the account has not been activated
     */
    record UserAccount(CurrentUser user, String passwordHash, boolean active) {
    }
}
