package se.placera.security;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The signed-in user as the rest of the application sees it. Rules read {@link #attributes()} as {@code user}.
 *
 * @param administration        the name of the user's home administration (förvaltning), for rules and display
 * @param administrationId      the id of the home administration: new records of client or case data get it
 * @param grantedAdministrations the administrations granted to the user, home first
 * @param visibleAdministrations ids of every administration whose data the user may see: the granted ones and
 *                              those that share with them by configuration (GD-1)
 * @param permissions           access level per module (US-4); a missing module means no access
 * @param methodPermissions     access level per method id, overriding {@code FOLLOW_UP} for that method
 * @param loginMethod           how the user signed in this time: {@code local}, {@code basic}, {@code keycloak}
 * @param providerId            for a provider user (a user of a provider of the register, who reaches only the
 *                              provider portal): the provider's id; null for the municipality's own users. A
 *                              provider user has no module permissions and no administrations.
 */
public record CurrentUser(String id, String username, String firstName, String lastName, String email,
        String jobRole, String municipality, String administration, String team, Set<String> roles, String phone,
        String administrationId, List<Administration> grantedAdministrations, Set<String> visibleAdministrations,
        Map<PlaceraModule, AccessLevel> permissions, Map<String, AccessLevel> methodPermissions, String loginMethod,
        String providerId) {

    /** An administration the user is granted. */
    public record Administration(String id, String name, String municipality) {
    }

    public CurrentUser {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        grantedAdministrations = grantedAdministrations == null ? List.of() : List.copyOf(grantedAdministrations);
        visibleAdministrations = visibleAdministrations == null ? Set.of() : Set.copyOf(visibleAdministrations);
        permissions = permissions == null || permissions.isEmpty() ? Map.of()
                : java.util.Collections.unmodifiableMap(new EnumMap<>(permissions));
        methodPermissions = methodPermissions == null ? Map.of() : Map.copyOf(methodPermissions);
    }

    /** The former shape: roles only, no administrations or permissions (kept for callers and tests). */
    public CurrentUser(String id, String username, String firstName, String lastName, String email, String jobRole,
            String municipality, String administration, String team, Set<String> roles) {
        this(id, username, firstName, lastName, email, jobRole, municipality, administration, team, roles, "",
                administration, List.of(), administration == null || administration.isEmpty() ? Set.of()
                        : Set.of(administration), Roles.defaultPermissions(roles), Map.of(), "", null);
    }

    /** The same user, signed in by {@code method}. */
    public CurrentUser withLoginMethod(String method) {
        return new CurrentUser(id, username, firstName, lastName, email, jobRole, municipality, administration, team,
                roles, phone, administrationId, grantedAdministrations, visibleAdministrations, permissions,
                methodPermissions, method, providerId);
    }

    /**
     * Whether this is a provider user: an account of a provider of the register, who may use the provider portal
     * ({@code /api/portal/**}) and nothing of the municipality's.
     */
    public boolean isProviderUser() {
        return providerId != null;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Whether the user may act in a module at a level (US-4). */
    public boolean can(PlaceraModule module, AccessLevel level) {
        AccessLevel granted = permissions.get(module);
        return granted != null && granted.includes(level);
    }

    /** The user's level for a method: its own grant if any, else the {@code FOLLOW_UP} module level (US-1). */
    public AccessLevel methodLevel(String methodId) {
        AccessLevel own = methodId == null ? null : methodPermissions.get(methodId);
        return own != null ? own : permissions.get(PlaceraModule.FOLLOW_UP);
    }

    /** Whether the user may use a method at a level: READ sees its reports, WRITE enters answers. */
    public boolean canUseMethod(String methodId, AccessLevel level) {
        AccessLevel granted = methodLevel(methodId);
        return granted != null && granted.includes(level);
    }

    /** Whether the user is the vendor's system administrator ({@link Roles#SYSTEM}). */
    public boolean isSystemAdministrator() {
        return roles.contains(Roles.SYSTEM);
    }

    /**
     * The administrations whose users this user administers: the granted ones (never those merely shared
     * with them) when the user is an administrator (administration console at ADMIN); none otherwise.
     */
    public Set<String> administeredAdministrations() {
        if (!can(PlaceraModule.ADMIN_CONSOLE, AccessLevel.ADMIN)) {
            return Set.of();
        }
        Set<String> ids = new java.util.LinkedHashSet<>();
        grantedAdministrations.forEach(a -> ids.add(a.id()));
        if (ids.isEmpty() && administrationId != null && !administrationId.isEmpty()) {
            ids.add(administrationId);
        }
        return Set.copyOf(ids);
    }

    /**
     * Whether this user may administer an account of these administrations (GD-1 for administrators): the
     * system administrator any; a municipality's administrator only an account whose administrations are all
     * among the ones they administer themselves. An account without administrations (a system account) only the
     * system administrator.
     */
    public boolean administers(java.util.Collection<String> administrations) {
        if (isSystemAdministrator()) {
            return true;
        }
        return administrations != null && !administrations.isEmpty()
                && administeredAdministrations().containsAll(administrations);
    }

    /** Whether data of this administration is visible to the user (GD-1). */
    public boolean canSee(String administrationId) {
        return administrationId != null && visibleAdministrations.contains(administrationId);
    }

    public String displayName() {
        return (nz(firstName) + " " + nz(lastName)).trim();
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

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
