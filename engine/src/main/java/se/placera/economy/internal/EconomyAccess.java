package se.placera.economy.internal;

import org.springframework.stereotype.Component;

import se.placera.economy.EconomyProblemCodes;
import se.placera.security.AccessLevel;
import se.placera.security.CurrentUser;
import se.placera.security.CurrentUsers;
import se.placera.security.PlaceraModule;
import se.placera.shared.PlaceraException;

/**
 * The economy module's one policy: ECONOMY READ sees costs, loyalty, invoices and forecasts; ECONOMY WRITE records
 * extra costs, imports invoices and decides their flags; INDEX READ sees the placement index. The administration
 * scope (GD-1) is applied by the services on top of this.
 */
@Component
class EconomyAccess {

    private final CurrentUsers users;

    EconomyAccess(CurrentUsers users) {
        this.users = users;
    }

    CurrentUser require(PlaceraModule module, AccessLevel level) {
        CurrentUser user = users.current();
        if (!user.can(module, level)) {
            throw new PlaceraException(PlaceraException.Kind.FORBIDDEN, EconomyProblemCodes.FORBIDDEN,
                    "You do not have the rights (" + module + " " + level + ") this needs.");
        }
        return user;
    }

    CurrentUser economy(AccessLevel level) {
        return require(PlaceraModule.ECONOMY, level);
    }
}
