package se.placera.users.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.placera.security.AccessLevel;
import se.placera.security.CurrentUser;
import se.placera.security.PlaceraModule;

/** Who invites provider users, and for which administrations (the service's own check, behind the URL rule). */
class ProviderUserRightsTests {

    private static CurrentUser user(Map<PlaceraModule, AccessLevel> permissions, Set<String> roles, String providerId) {
        return new CurrentUser("1", "u", "U", "Ser", "u@x", "", "Exempelkommun", "Socialförvaltningen", "", roles, "",
                "sof", List.of(new CurrentUser.Administration("sof", "Socialförvaltningen", "Exempelkommun"),
                        new CurrentUser.Administration("vof", "Vård och omsorg", "Exempelkommun")),
                Set.of("sof", "vof"), permissions, Map.of(), "", providerId);
    }

    private static Map<PlaceraModule, AccessLevel> grant(PlaceraModule m, AccessLevel l) {
        Map<PlaceraModule, AccessLevel> p = new EnumMap<>(PlaceraModule.class);
        p.put(m, l);
        return p;
    }

    @Test
    void administratorsAndPlacementOfficersInviteForTheirOwnAdministrations() {
        assertThat(UserService.providerUserAdministrations(user(grant(PlaceraModule.ADMIN_CONSOLE, AccessLevel.ADMIN),
                Set.of(), null))).containsExactlyInAnyOrder("sof", "vof");
        assertThat(UserService.providerUserAdministrations(user(grant(PlaceraModule.PLACEMENT, AccessLevel.ADMIN),
                Set.of(), null))).containsExactlyInAnyOrder("sof", "vof");
    }

    @Test
    void caseworkersAndProviderUsersInviteNobody() {
        assertThat(UserService.providerUserAdministrations(user(grant(PlaceraModule.PLACEMENT, AccessLevel.WRITE),
                Set.of(), null))).isEmpty();
        assertThat(UserService.providerUserAdministrations(user(grant(PlaceraModule.ADMIN_CONSOLE, AccessLevel.ADMIN),
                Set.of(), "p-1"))).isEmpty();
    }

    @Test
    void theSystemAdministratorInvitesForAnyAdministration() {
        assertThat(UserService.providerUserAdministrations(user(Map.of(), Set.of("SYSTEM"), null))).isNull();
    }
}
