package se.placera.security.internal;

import java.util.Optional;
import java.util.Set;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import se.placera.security.AccessScope;
import se.placera.security.CurrentUser;
import se.placera.security.CurrentUsers;
import se.placera.security.LoginMethod;
import se.placera.security.UserDirectory;
import se.placera.security.UserDirectory.UserAccount;

/**
 * The current user, read from the user directory once per request (so permission changes and deactivations
 * apply at once), and the access scope derived from it.
 */
@Component
public class DirectoryCurrentUsers implements CurrentUsers, AccessScope {

    private static final String CACHE = DirectoryCurrentUsers.class.getName() + ".user";

    private final UserDirectory directory;

    DirectoryCurrentUsers(UserDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Optional<CurrentUser> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(CACHE, RequestAttributes.SCOPE_REQUEST) instanceof Cached c
                && c.authentication() == auth) {
            return c.user();
        }
        Optional<CurrentUser> user = account(auth).filter(UserAccount::active).map(UserAccount::user)
                .map(u -> u.withLoginMethod(loginMethod(auth)));
        if (request != null) {
            request.setAttribute(CACHE, new Cached(auth, user), RequestAttributes.SCOPE_REQUEST);
        }
        return user;
    }

    /** The account behind an authentication, whatever its kind, active or not. */
    Optional<UserAccount> account(Authentication auth) {
        if (auth instanceof JwtAuthenticationToken jwt) {
            var t = jwt.getToken();
            return directory.byExternalIdentity(t.getSubject(),
                    Boolean.TRUE.equals(t.getClaimAsBoolean("email_verified")) ? t.getClaimAsString("email") : null);
        }
        if (auth instanceof OAuth2AuthenticationToken oauth && oauth.getPrincipal() instanceof OidcUser oidc) {
            return directory.byExternalIdentity(oidc.getSubject(),
                    Boolean.TRUE.equals(oidc.getEmailVerified()) ? oidc.getEmail() : null);
        }
        return directory.byUsername(auth.getName());
    }

    static String loginMethod(Authentication auth) {
        if (auth instanceof JwtAuthenticationToken || auth instanceof OAuth2AuthenticationToken) {
            return LoginMethod.KEYCLOAK;
        }
        if (auth instanceof ApiTokenAuthentication) {
            return LoginMethod.TOKEN;
        }
        return LoginMethod.LOCAL.equals(auth.getDetails()) ? LoginMethod.LOCAL : LoginMethod.BASIC;
    }

    @Override
    public Set<String> visibleAdministrations() {
        return find().map(CurrentUser::visibleAdministrations).orElse(Set.of());
    }

    @Override
    public String homeAdministration() {
        return current().administrationId();
    }

    private record Cached(Authentication authentication, Optional<CurrentUser> user) {
    }
}
