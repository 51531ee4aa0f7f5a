package se.placera.security;

/**
 * Personal API tokens' secrets: new token values and their keyed hashes. Only the hash is ever stored; checking
 * a token is one HMAC-SHA-256 and a look-up by that hash (microseconds), not a password hash (≈ 90 ms).
 */
public interface ApiTokenSecrets {

    /** Every token value starts with this, so it is told apart from a Keycloak JWT (which never does). */
    String PREFIX = "plc_";

    /** A new token value: {@code plc_} and 32 random bytes, base64url without padding. */
    String newToken();

    /** The keyed hash (HMAC-SHA-256 with the server's token key, hex) under which a token value is stored. */
    String hash(String token);
}
