package se.placera.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Authentication settings ({@code placera.security.*}).
 *
 * @param maxFailedLogins  failed logins in a row that lock an account (local login and HTTP Basic alike)
 * @param lockoutDuration  how long a locked account stays locked
 * @param keycloak         Keycloak, when {@code issuer-uri} is set: OIDC login in the browser, bearer JWT for API clients
 */
@ConfigurationProperties("placera.security")
public record SecurityProperties(@DefaultValue("5") int maxFailedLogins,
        @DefaultValue("15m") Duration lockoutDuration, @DefaultValue Keycloak keycloak) {

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
