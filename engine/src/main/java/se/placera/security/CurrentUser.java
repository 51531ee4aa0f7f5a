package se.placera.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The signed-in user as the rest of the application sees it. Rules read {@link #attributes()} as {@code user}.
 */
public record CurrentUser(String id, String username, String firstName, String lastName, String email,
        String jobRole, String municipality, String administration, String team, Set<String> roles) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /**
     * Whether the user may act in a module at a level. Interim mapping until per-user permissions land:
     * ADMIN may do everything; CASEWORKER writes in placement and follow-up and reads the rest.
     */
    public boolean can(PlaceraModule module, AccessLevel level) {
        if (roles.contains(Roles.ADMIN)) {
            return true;
        }
        if (roles.contains(Roles.CASEWORKER)) {
            AccessLevel granted = switch (module) {
                case PLACEMENT, FOLLOW_UP -> AccessLevel.WRITE;
                case ADMIN_CONSOLE -> null;
                default -> AccessLevel.READ;
            };
            return granted != null && granted.includes(level);
        }
        return false;
    }

    public String displayName() {
        return (firstName + " " + lastName).trim();
    }

    /** The map bound to {@code user} in rules; absent values are null, never missing keys. */
    public Map<String, Object> attributes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("username", username);
        m.put("firstName", firstName);
        m.put("lastName", lastName);
        m.put("name", displayName());
        m.put("email", email);
        m.put("jobRole", jobRole);
        m.put("municipality", municipality);
        m.put("administration", administration);
        m.put("team", team);
        m.put("roles", roles.stream().sorted().toList());
        return m;
    }
}
