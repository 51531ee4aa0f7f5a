package se.placera.security;

import java.util.Optional;

/**
 * Where authentication finds personal API tokens. The users module implements it (security must not know
 * users). A token authenticates as its user: the user's permissions are then read fresh through the
 * {@link UserDirectory}, as for a session.
 */
public interface ApiTokenDirectory {

    /**
     * The token stored under {@code hash} if it is neither revoked nor expired; records its use (at most one write
     * a minute per token).
     */
    Optional<TokenOwner> use(String hash);

    /** A valid token: its id and its user's (immutable) user name. */
    record TokenOwner(String tokenId, String username) {
    }
}
