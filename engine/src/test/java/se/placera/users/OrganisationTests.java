package se.placera.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import se.placera.users.UsersProperties.Administration;
import se.placera.users.UsersProperties.Municipality;
import se.placera.users.internal.Organisation;

/** GD-1: a user sees the granted administrations and only those that explicitly share with them. */
class OrganisationTests {

    @Test
    void sharingIsExplicitAndOneWay() throws Exception {
        var props = new UsersProperties(List.of(new Municipality("k", "Kommun", List.of(
                new Administration("sof", "Soc", List.of(), List.of()),
                new Administration("vof", "Vård", List.of(), List.of("sof")),
                new Administration("af", "Arbete", List.of(), List.of())))), List.of(), "http://x", null, null, 12);
        var ctor = Organisation.class.getDeclaredConstructor(UsersProperties.class);
        ctor.setAccessible(true);
        Organisation org = ctor.newInstance(props);
        assertThat(org.visibleFor(List.of("sof"))).containsExactlyInAnyOrder("sof", "vof");
        assertThat(org.visibleFor(List.of("vof"))).containsExactly("vof");
        assertThat(org.visibleFor(List.of("af"))).containsExactly("af");
    }
}
