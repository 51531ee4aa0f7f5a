package se.placera.security;

import java.util.Optional;

/**
 * The organisations a provider user can belong to: the providers (utförare) of the register. The providers
 * module implements it, so that the users module can check an invitation and the portal can name the user's
 * organisation without knowing the register.
 */
public interface ProviderOrganisations {

    /** A provider of the register by id. */
    Optional<ProviderOrganisation> find(String providerId);

    /**
     * A provider as the portal shows it to its own users.
     *
     * @param orgNumber organisationsnummer
     * @param active    false when the register has deactivated the provider
     */
    record ProviderOrganisation(String id, String name, String orgNumber, boolean active) {
    }
}
