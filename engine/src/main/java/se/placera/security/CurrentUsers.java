package se.placera.security;

import java.util.Optional;

import se.placera.shared.PlaceraException;

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

    /** The provider (of the register) the signed-in provider user belongs to; empty for anyone else. */
    default Optional<String> providerId() {
        return find().map(CurrentUser::providerId);
    }

    /**
     * The provider of the signed-in provider user, for the portal's services: whatever a portal request names, it
     * reaches only this provider's data. Anyone else gets 403 {@code PORTAL_PROVIDER_USERS_ONLY} (the access
     * rules already keep them out of {@code /api/portal/**}; this is the second line).
     */
    default String requireProviderId() {
        return providerId().orElseThrow(() -> new PlaceraException(PlaceraException.Kind.FORBIDDEN,
                PORTAL_PROVIDER_USERS_ONLY, "Only users of a provider use the provider portal."));
    }

    /** 403: a portal service called by someone who is not a provider user. */
    String PORTAL_PROVIDER_USERS_ONLY = "PORTAL_PROVIDER_USERS_ONLY";
}
