package se.placera.providers.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import se.placera.providers.ProviderId;
import se.placera.providers.Register;
import se.placera.security.ProviderOrganisations;

/** {@link ProviderOrganisations} from the register (read from memory). */
@Component
class RegisterProviderOrganisations implements ProviderOrganisations {

    private final Register register;

    RegisterProviderOrganisations(Register register) {
        this.register = register;
    }

    @Override
    public Optional<ProviderOrganisation> find(String providerId) {
        if (providerId == null || providerId.isBlank()) {
            return Optional.empty();
        }
        return register.provider(new ProviderId(providerId))
                .map(p -> new ProviderOrganisation(p.id(), p.name(), p.orgNumber(), p.isActive()));
    }
}
