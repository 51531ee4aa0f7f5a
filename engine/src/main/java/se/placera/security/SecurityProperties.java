package se.placera.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Authentication settings ({@code placera.security.*}).
 *
 * @param maxFailedLogins  failed logins in a row for a user name before its attempts are throttled (local login
 *                         and HTTP Basic alike); each further failure doubles the delay before the next attempt
 * @param lockoutDuration  the longest delay a user name (or client) is throttled for
 * @param keycloak         Keycloak, when {@code issuer-uri} is set: OIDC login in the browser, bearer JWT for API clients
 * @param loginThrottle    the growing delays after failed logins, per user name and per client address
 */
@ConfigurationProperties("placera.security")
public record SecurityProperties(@DefaultValue("5") int maxFailedLogins,
        @DefaultValue("15m") Duration lockoutDuration, @DefaultValue Keycloak keycloak,
        @DefaultValue LoginThrottle loginThrottle) {

    /**
     * NIST SP 800-63B-style throttling of password guesses (see {@code LoginAttempts}).
     *
     * @param firstDelay         the delay after the first throttled failure; it doubles per failure up to
     *                           {@code lockout-duration}
     * @param clientFreeFailures failed logins from one client address (any user names) before its attempts are
     *                           throttled the same way (stops one client spraying many names)
     * @param retention          how long the failure count of a name or client is kept after its last failure
     * @param maxClients         at most this many client addresses are tracked; the oldest are forgotten first
     */
    public record LoginThrottle(@DefaultValue("1s") Duration firstDelay, @DefaultValue("100") int clientFreeFailures,
            @DefaultValue("24h") Duration retention, @DefaultValue("10000") int maxClients) {
    }

    /**
     * @param issuerUri         the realm's issuer, e.g. {@code https://idp.example.se/realms/placera}; empty = off
     * @param clientId          the OIDC client of the browser login (public client, PKCE)
     * @param clientSecret      only for a confidential client; PKCE is used either way
     * @param audience          if set, bearer tokens must carry it in {@code aud}
     * @param postLoginRedirect where the browser goes after a Keycloak login
     * @param postLogoutRedirect where Keycloak sends the browser after signing out (relative to the app, or absolute);
     *                           the realm client must list it in its valid post-logout redirect URIs
     */
    public record Keycloak(@DefaultValue("") String issuerUri, @DefaultValue("placera") String clientId,
            @DefaultValue("") String clientSecret, @DefaultValue("") String audience,
            @DefaultValue("/") String postLoginRedirect, @DefaultValue("/app/") String postLogoutRedirect) {

        public boolean enabled() {
            return issuerUri != null && !issuerUri.isBlank();
        }
    }
}
