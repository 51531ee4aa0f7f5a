package se.placera.security;

/**
 * Asks the login throttle to lift a user name's lock: published by the users module when an administrator's unlock
 * has been written with its audit entry (the outbox delivers it at least once; lifting is idempotent).
 */
public record LockoutLifted(String username) {
}
