package se.placera.security.internal;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** Signed in with a personal API token: the principal is the token's user name; the token value is not kept. */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final String username;
    private final String tokenId;

    ApiTokenAuthentication(String username, String tokenId) {
        super(List.of());
        this.username = username;
        this.tokenId = tokenId;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return username;
    }

    @Override
    public String getName() {
        return username;
    }

    /** The id of the token used (not its value). */
    String tokenId() {
        return tokenId;
    }
}
