package se.placera.users.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import se.placera.shared.PendingAudit;

/**
 * An account. Never deleted: deactivation keeps it and its history (US-2). The password is stored only as a
 * bcrypt hash; {@code externalId} links it to a Keycloak user ({@code sub}).
 */
@Document("users")
public class UserDocument {

    @Id
    public String id;
    public String username;
    public String firstName;
    public String lastName;
    public String email;
    public String phone;
    public String jobRole;
    public String municipality;
    /** Granted administrations, the home administration first. */
    public List<String> administrations = new ArrayList<>();
    public String team;
    public Map<String, String> permissions;
    public Map<String, String> methodPermissions;
    public boolean active;
    public String passwordHash;
    public Instant passwordChangedAt;
    public String externalId;
    public Instant createdAt;
    public Instant updatedAt;
    public Instant deactivatedAt;
    public List<Change> history = new ArrayList<>();
    /**
     * The vendor's system administrator (municipalities, administrations, the first administrator of a
     * municipality). Only set by configuration (a seed user) or the one-time first-administrator set-up.
     */
    public boolean system;
    /**
     * Set for a provider user: the id of the provider of the register whose user this is. Such an account has no
     * permissions and sees no administration's data; its {@link #administrations} name only the administration
     * that invited it and whose administrators administer the account.
     */
    public String providerId;
    @Version
    public Long revision;
    /** Audit entries of writes not yet in the audit log: written with the change, removed once delivered. */
    public List<PendingAudit> pending;

    /** One entry of the account's history. */
    public record Change(Instant at, String by, String action, Map<String, Object> details) {
    }
}
