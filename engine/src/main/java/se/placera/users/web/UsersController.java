package se.placera.users.web;

import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import se.placera.users.internal.Organisation;
import se.placera.users.internal.UserDocument;
import se.placera.users.internal.UserService;
import se.placera.users.internal.UserService.UserRequest;

/** User administration (US-1, US-2): administration console, ADMIN only. */
@RestController
@Tag(name = "Users", description = "Add, update, deactivate users; permissions per module and method")
class UsersController {

    private final UserService users;
    private final Organisation organisation;

    UsersController(UserService users, Organisation organisation) {
        this.users = users;
        this.organisation = organisation;
    }

    /** An account as administrators see it; never the password hash. */
    record UserView(String id, String username, String firstName, String lastName, String email, String phone,
            String jobRole, String municipality, List<String> administrations, String team,
            Map<String, String> permissions, Map<String, String> methodPermissions, boolean active,
            boolean activated, String keycloakId, Instant lockedUntil, Instant createdAt, Instant updatedAt,
            Instant deactivatedAt, List<UserDocument.Change> history, Long revision) {
    }

    private UserView view(UserDocument d) {
        return new UserView(d.id, d.username, d.firstName, d.lastName, d.email, d.phone, d.jobRole, d.municipality,
                d.administrations, d.team, d.permissions, d.methodPermissions, d.active, d.passwordHash != null,
                d.externalId, users.lockedUntil(d).orElse(null), d.createdAt, d.updatedAt, d.deactivatedAt,
                d.history, d.revision);
    }

    @GetMapping("/api/users")
    @Operation(summary = "All users, by user name; ?active=true|false filters")
    List<UserView> list(@RequestParam(required = false) Boolean active) {
        return users.list(active).stream().map(this::view).toList();
    }

    @GetMapping("/api/users/{id}")
    @Operation(summary = "A user with the history of changes")
    UserView get(@PathVariable String id) {
        return view(users.get(id));
    }

    @PostMapping("/api/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a user; by default an invitation with an activation link is e-mailed")
    UserView create(@Valid @RequestBody UserRequest request) {
        return view(users.create(request));
    }

    @PutMapping("/api/users/{id}")
    @Operation(summary = "Update a user; a change of rights is e-mailed to the user. With the revision read, "
            + "a change made by someone else meanwhile is refused with 409 USER_CHANGED")
    UserView update(@PathVariable String id, @Valid @RequestBody UserRequest request) {
        return view(users.update(id, request));
    }

    @PostMapping("/api/users/{id}/deactivate")
    @Operation(summary = "Deactivate a user: sign-in stops at once, account and history are kept")
    UserView deactivate(@PathVariable String id) {
        return view(users.deactivate(id));
    }

    @PostMapping("/api/users/{id}/reactivate")
    @Operation(summary = "Reactivate a deactivated user")
    UserView reactivate(@PathVariable String id) {
        return view(users.reactivate(id));
    }

    @PostMapping("/api/users/{id}/invitation")
    @Operation(summary = "Send a new invitation (a new activation link; older links stop working)")
    UserView invite(@PathVariable String id) {
        return view(users.reinvite(id));
    }

    @PostMapping("/api/users/{id}/unlock")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Lift a lockout after repeated failed logins")
    void unlock(@PathVariable String id) {
        users.unlock(id);
    }

    @GetMapping("/api/organisation")
    @Operation(summary = "Municipalities, administrations (förvaltningar), departments and teams, and data sharing")
    Object organisation() {
        return organisation.municipalities();
    }
}
