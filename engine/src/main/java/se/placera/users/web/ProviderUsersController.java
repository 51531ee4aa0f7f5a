package se.placera.users.web;

import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import se.placera.users.internal.UserDocument;
import se.placera.users.internal.UserService;
import se.placera.users.internal.UserService.ProviderUserRequest;

/**
 * Provider users (the provider portal): invited by an administrator or a placement officer for a provider of the
 * register, administered within the inviting administration. Deactivation, a new invitation and unlocking go
 * through {@code /api/users/{id}/…} like every account.
 */
@RestController
@Tag(name = "Provider users", description = "Users of the register's providers, for the provider portal")
class ProviderUsersController {

    private final UserService users;

    ProviderUsersController(UserService users) {
        this.users = users;
    }

    /** A provider user as the municipality sees it; never the password hash. */
    record ProviderUserView(String id, String username, String firstName, String lastName, String email,
            String phone, String providerId, String administration, boolean active, boolean activated,
            Instant createdAt) {

        static ProviderUserView of(UserDocument d) {
            return new ProviderUserView(d.id, d.username, d.firstName, d.lastName, d.email, d.phone, d.providerId,
                    d.administrations.isEmpty() ? null : d.administrations.getFirst(), d.active,
                    d.passwordHash != null, d.createdAt);
        }
    }

    @PostMapping("/api/provider-users")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Invite a user of a provider of the register to the provider portal (an e-mail with an "
            + "activation link); administrators and placement officers, for their own administrations")
    ProviderUserView create(@Valid @RequestBody ProviderUserRequest request) {
        return ProviderUserView.of(users.createProviderUser(request));
    }

    @GetMapping("/api/provider-users")
    @Operation(summary = "The provider users invited by the caller's administrations; ?providerId= filters")
    List<ProviderUserView> list(@RequestParam(required = false) String providerId) {
        return users.providerUsers(providerId).stream().map(ProviderUserView::of).toList();
    }
}
