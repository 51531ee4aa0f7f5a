package se.placera.users.web;

import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import se.placera.security.CurrentUsers;
import se.placera.shared.Versions;
import se.placera.users.UsersProperties;
import se.placera.users.internal.Organisation;
import se.placera.users.internal.UserChanges;
import se.placera.users.internal.UserChanges.ChangeRequest;
import se.placera.users.internal.UserChanges.UserChange;
import se.placera.users.internal.UserDocument;
import se.placera.users.internal.UserService;
import se.placera.users.internal.UserService.UserRequest;

/** User administration (US-1, US-2): administration console, ADMIN only. */
@RestController
@Tag(name = "Users", description = "Add, update, deactivate users; permissions per module and method")
class UsersController {

    private final UserService users;
    private final Organisation organisation;
    private final UserChanges changes;
    private final CurrentUsers currentUsers;

    UsersController(UserService users, Organisation organisation, UserChanges changes, CurrentUsers currentUsers) {
        this.users = users;
        this.organisation = organisation;
        this.changes = changes;
        this.currentUsers = currentUsers;
    }

    /** An account as administrators see it; never the password hash. */
    record UserView(String id, String username, String firstName, String lastName, String email, String phone,
            String jobRole, String municipality, List<String> administrations, String team,
            Map<String, String> permissions, Map<String, String> methodPermissions, boolean active,
            boolean activated, String keycloakId, Instant lockedUntil, Instant createdAt, Instant updatedAt,
            Instant deactivatedAt, List<UserDocument.Change> history, Long revision, boolean system,
            String providerId) {
    }

    /** A pending or decided change of a user's administrations, e-mail or Keycloak link (four eyes). */
    record UserChangeView(String id, String userId, String username, List<String> administrations, String email,
            String keycloakId, String reason, String status, String requestedBy, Instant requestedAt,
            String decidedBy, Instant decidedAt) {
    }

    private static UserChangeView view(UserChange c) {
        return new UserChangeView(c.id, c.userId, c.username, c.administrations, c.email, c.keycloakId, c.reason,
                c.status.name().toLowerCase(java.util.Locale.ROOT), c.requestedBy, c.requestedAt, c.decidedBy,
                c.decidedAt);
    }

    private UserView view(UserDocument d) {
        return new UserView(d.id, d.username, d.firstName, d.lastName, d.email, d.phone, d.jobRole, d.municipality,
                d.administrations, d.team, d.permissions, d.methodPermissions, d.active, d.passwordHash != null,
                d.externalId, users.lockedUntil(d).orElse(null), d.createdAt, d.updatedAt, d.deactivatedAt,
                d.history, d.revision, d.system, d.providerId);
    }

    @GetMapping("/api/users")
    @Operation(summary = "The users of the administrations the caller administers (all for the system "
            + "administrator), by user name; ?active=true|false filters")
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
    @Operation(summary = "Update a user; a change of rights is e-mailed to the user. Send the revision you read "
            + "(field 'revision' or If-Match): 428 VERSION_REQUIRED without it, 409 USER_CHANGED if someone else "
            + "changed the user meanwhile. Administrations, e-mail and Keycloak link change only through "
            + "POST /api/users/{id}/changes (409 USER_CHANGE_NEEDS_APPROVAL)")
    UserView update(@PathVariable String id, @Valid @RequestBody UserRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return view(users.update(id, request.withRevision(Versions.fromIfMatch(request.revision(), ifMatch,
                "USER_INVALID"))));
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

    @PostMapping("/api/users/{id}/changes")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Ask to change a user's administrations, e-mail or Keycloak link: pending until a second "
            + "administrator of the same administrations approves it")
    UserChangeView requestChange(@PathVariable String id, @RequestBody ChangeRequest request) {
        return view(changes.request(id, request));
    }

    @GetMapping("/api/users/changes")
    @Operation(summary = "Change requests the caller may decide or see; ?status=pending|approved|rejected filters")
    List<UserChangeView> changes(@RequestParam(required = false) String status) {
        return changes.list(status).stream().map(UsersController::view).toList();
    }

    @PostMapping("/api/users/changes/{changeId}/approve")
    @Operation(summary = "Approve and apply a pending change (not by the administrator who asked for it)")
    UserChangeView approve(@PathVariable String changeId) {
        return view(changes.approve(changeId));
    }

    @PostMapping("/api/users/changes/{changeId}/reject")
    @Operation(summary = "Reject a pending change")
    UserChangeView reject(@PathVariable String changeId) {
        return view(changes.reject(changeId));
    }

    @GetMapping("/api/organisation")
    @Operation(summary = "Municipalities, administrations (förvaltningar), departments and teams, and data sharing: "
            + "the caller's own municipality (all of them for the system administrator)")
    List<UsersProperties.Municipality> organisation() {
        var me = currentUsers.current();
        if (me.isSystemAdministrator()) {
            return organisation.municipalities();
        }
        var mine = me.grantedAdministrations().stream().map(a -> organisation.administration(a.id()))
                .flatMap(java.util.Optional::stream).map(p -> p.municipality().id()).toList();
        return organisation.municipalities().stream().filter(m -> mine.contains(m.id())).toList();
    }
}
