package se.placera.security;

/** How a user signed in; recorded with every login in the audit log and counted by the usage report (US-6). */
public final class LoginMethod {
    /** The embedded login: user name and password, session cookie. */
    public static final String LOCAL = "local";
    /** HTTP Basic for API clients (stateless). */
    public static final String BASIC = "basic";
    /** Keycloak: OIDC in the browser or a bearer JWT (SAML identity providers come in through Keycloak). */
    public static final String KEYCLOAK = "keycloak";
    /** A personal API token ({@code Authorization: Bearer plc_…}), stateless. */
    public static final String TOKEN = "token";

    private LoginMethod() {
    }
}
