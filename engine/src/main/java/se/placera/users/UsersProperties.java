package se.placera.users;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Users and organisation ({@code placera.users.*}).
 *
 * @param municipalities   the organisation: municipalities, their administrations (förvaltningar), departments
 *                         and teams, and which administrations share data with which (GD-1)
 * @param seedUsers        accounts created at start-up when missing, only with sample data
 *                         ({@code placera.samples.enabled=true}): the demo users of the run command
 * @param appUrl           base address of the web app, for links in e-mails
 * @param activationTtl    how long an activation link is valid
 * @param resetTtl         how long a password-reset link is valid
 * @param minPasswordLength the password policy's minimum length
 */
@ConfigurationProperties("placera.users")
public record UsersProperties(List<Municipality> municipalities, List<SeedUser> seedUsers,
        @DefaultValue("http://localhost:8080") String appUrl, @DefaultValue("72h") Duration activationTtl,
        @DefaultValue("1h") Duration resetTtl, @DefaultValue("12") int minPasswordLength) {

    public UsersProperties {
        municipalities = municipalities == null ? List.of() : List.copyOf(municipalities);
        seedUsers = seedUsers == null ? List.of() : List.copyOf(seedUsers);
    }

    public record Municipality(String id, String name, List<Administration> administrations) {
        public Municipality {
            administrations = administrations == null ? List.of() : List.copyOf(administrations);
        }
    }

    /**
     * @param sharesWith ids of the administrations whose users may also see this administration's data
     */
    public record Administration(String id, String name, List<Department> departments, List<String> sharesWith) {
        public Administration {
            departments = departments == null ? List.of() : List.copyOf(departments);
            sharesWith = sharesWith == null ? List.of() : List.copyOf(sharesWith);
        }
    }

    public record Department(String name, List<String> teams) {
        public Department {
            teams = teams == null ? List.of() : List.copyOf(teams);
        }
    }

    /**
     * An account created at start-up (with sample data only) if its user name is free; password null = invite
     * by e-mail instead; {@code system} marks the vendor's system administrator.
     */
    public record SeedUser(String username, String password, String firstName, String lastName, String email,
            String phone, String jobRole, List<String> administrations, String team,
            Map<String, String> permissions, Map<String, String> methodPermissions, Boolean system) {
    }
}
