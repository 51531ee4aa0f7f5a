package se.placera.security;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Role names, derived from the per-module permissions (the permissions decide; roles are a summary that rules
 * and older code read): {@link #ADMIN} = administration console at ADMIN; {@link #CASEWORKER} = WRITE in
 * placement or follow-up.
 */
public final class Roles {
    /** Designs and publishes metadata (methods, codelists, areas), administers users. */
    public static final String ADMIN = "ADMIN";
    /**
     * The vendor's system administrator: municipalities, administrations and the first administrator of a
     * municipality. Not derived from permissions: only a seeded or set-up account carries it (the account's
     * {@code system} flag), and nobody can grant it through the API.
     */
    public static final String SYSTEM = "SYSTEM";
    /**
     * A user of a provider of the register (an account with a {@code providerId}): the provider portal only, never
     * derived from permissions (a provider user has none).
     */
    public static final String PROVIDER = "PROVIDER";
    /** Fills in methods: caseworkers, coordinators. */
    public static final String CASEWORKER = "CASEWORKER";

    private Roles() {
    }

    /** The roles that a set of module permissions amounts to. */
    public static Set<String> of(Map<PlaceraModule, AccessLevel> permissions) {
        var roles = new java.util.TreeSet<String>();
        if (AccessLevel.ADMIN.equals(permissions.get(PlaceraModule.ADMIN_CONSOLE))) {
            roles.add(ADMIN);
        }
        for (PlaceraModule m : new PlaceraModule[] {PlaceraModule.PLACEMENT, PlaceraModule.FOLLOW_UP}) {
            AccessLevel l = permissions.get(m);
            if (l != null && l.includes(AccessLevel.WRITE)) {
                roles.add(CASEWORKER);
            }
        }
        return Set.copyOf(roles);
    }

    /** Permissions for callers that only know roles: ADMIN everything; CASEWORKER the demo caseworker's. */
    static Map<PlaceraModule, AccessLevel> defaultPermissions(Set<String> roles) {
        Map<PlaceraModule, AccessLevel> p = new EnumMap<>(PlaceraModule.class);
        if (roles == null) {
            return p;
        }
        if (roles.contains(ADMIN)) {
            for (PlaceraModule m : PlaceraModule.values()) {
                p.put(m, AccessLevel.ADMIN);
            }
        } else if (roles.contains(CASEWORKER)) {
            for (PlaceraModule m : PlaceraModule.values()) {
                p.put(m, AccessLevel.READ);
            }
            p.put(PlaceraModule.PLACEMENT, AccessLevel.WRITE);
            p.put(PlaceraModule.FOLLOW_UP, AccessLevel.WRITE);
        }
        return p;
    }
}
