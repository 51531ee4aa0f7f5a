package se.placera.security;

import java.time.Instant;
import java.util.Optional;

/** The brute-force lockout of password logins, for administrators and the password reset. */
public interface Lockouts {

    /** Until when a user name is locked after repeated failed logins, if it is. */
    Optional<Instant> lockedUntil(String username);

    /** Lifts the lock and clears the count of failures. */
    void unlock(String username);
}
