package se.placera.providers.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import se.placera.providers.RegisterProblemCodes;
import se.placera.security.CurrentUsers;
import se.placera.security.ProviderOrganisations;
import se.placera.shared.PlaceraException;

/**
 * The provider portal's first endpoint: who the signed-in provider user is and for which organisation. Only
 * provider users reach {@code /api/portal/**} (the security module's access rules); the organisation always
 * comes from the account, never from the request.
 */
@RestController
@Tag(name = "Portal", description = "The provider portal: provider users of the register's providers")
class PortalController {

    private final CurrentUsers users;
    private final ProviderOrganisations organisations;

    PortalController(CurrentUsers users, ProviderOrganisations organisations) {
        this.users = users;
        this.organisations = organisations;
    }

    /** The provider user and their organisation. */
    record PortalMe(String username, String firstName, String lastName, String email, Organisation organisation) {
    }

    /** The provider (utförare) the user belongs to. */
    record Organisation(String id, String name, String orgNumber, boolean active) {
    }

    @GetMapping("/api/portal/me")
    @Operation(summary = "The signed-in provider user and their organisation (provider name, organisationsnummer); "
            + "provider users only")
    PortalMe me() {
        var me = users.current();
        String providerId = users.requireProviderId();
        var org = organisations.find(providerId).orElseThrow(() -> PlaceraException.notFound(
                RegisterProblemCodes.PROVIDER_NOT_FOUND, "Your organisation is no longer in the register."));
        return new PortalMe(me.username(), me.firstName(), me.lastName(), me.email(),
                new Organisation(org.id(), org.name(), org.orgNumber(), org.active()));
    }
}
