package se.placera.security;

import java.util.Optional;

/** Reads the current user from Spring Security. */
public interface CurrentUsers {

    /** The signed-in user, if the current thread has one (start-up jobs have none). */
    Optional<CurrentUser> find();

    /** The signed-in user; throws if there is none (endpoints are authenticated, so that is a bug). */
    default CurrentUser current() {
        return find().orElseThrow(() -> new IllegalStateException("No signed-in user"));
    }

    /** The user name to record as the author of a change: the user's, or {@code system}. */
    default String actor() {
        return find().map(CurrentUser::username).orElse("system");
    }
}
