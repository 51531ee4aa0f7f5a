package se.placera.security;

import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Local users until the identity module lands: configured in {@code placera.security.users}.
 */
@ConfigurationProperties("placera.security")
record LocalUsersProperties(List<LocalUser> users) {

    LocalUsersProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    record LocalUser(String username, String password, String firstName, String lastName, String email,
            String jobRole, String municipality, String administration, String team, Set<String> roles) {

        LocalUser {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }

        CurrentUser toCurrentUser() {
            return new CurrentUser(username, username, nz(firstName), nz(lastName), nz(email), nz(jobRole),
                    nz(municipality), nz(administration), nz(team), roles);
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }
    }
}
