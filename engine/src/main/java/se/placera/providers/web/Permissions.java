package se.placera.providers.web;

import org.springframework.stereotype.Component;

import se.placera.providers.RegisterProblemCodes;
import se.placera.security.AccessLevel;
import se.placera.security.CurrentUsers;
import se.placera.security.PlaceraModule;
import se.placera.shared.PlaceraException;

/** The register's access rule: READ to see it and to search, WRITE (the coordination function) to change it. */
@Component
class Permissions {

    private final CurrentUsers users;

    Permissions(CurrentUsers users) {
        this.users = users;
    }

    void read() {
        var u = users.current();
        if (!u.can(PlaceraModule.REGISTER, AccessLevel.READ) && !u.can(PlaceraModule.PLACEMENT, AccessLevel.READ)) {
            throw forbidden();
        }
    }

    void write() {
        if (!users.current().can(PlaceraModule.REGISTER, AccessLevel.WRITE)) {
            throw forbidden();
        }
    }

    private static PlaceraException forbidden() {
        return new PlaceraException(PlaceraException.Kind.FORBIDDEN, RegisterProblemCodes.FORBIDDEN,
                "You do not have the permission for the provider register (utförarregistret) this needs.");
    }
}
