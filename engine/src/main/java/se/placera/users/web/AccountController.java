package se.placera.users.web;

import jakarta.validation.constraints.Size;
import se.placera.shared.InputLimits;
import jakarta.validation.Valid;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import se.placera.users.internal.UserService;

/** Account activation and password reset from the links in the e-mails; no session needed. */
@RestController
@Tag(name = "Authentication")
class AccountController {

    private final UserService users;

    AccountController(UserService users) {
        this.users = users;
    }

    record PasswordRequest(@Size(max = InputLimits.NAME) String token,
            @Size(max = InputLimits.PASSWORD) String password) {
    }

    record ResetRequest(@Size(max = InputLimits.SHORT_TEXT) String username) {
    }

    /** The one-time set-up of the first (system) administrator, with the token from the start-up log. */
    record FirstAdminRequest(String token, String username, String firstName, String lastName, String email,
            String password) {
    }

    record FirstAdminView(String id, String username) {
    }

    @PostMapping("/api/setup/first-admin")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create the first (system) administrator with the single-use link logged at the first start")
    FirstAdminView firstAdmin(@RequestBody FirstAdminRequest request) {
        var doc = users.createFirstAdministrator(request.token(), request.username(), request.firstName(),
                request.lastName(), request.email(), request.password());
        return new FirstAdminView(doc.id, doc.username);
    }

    @PostMapping("/api/auth/activate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Activate an account: the invitation's token and a password meeting the policy")
    void activate(@Valid @RequestBody PasswordRequest request) {
        users.activate(request.token(), request.password());
    }

    @PostMapping("/api/auth/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Ask for a password-reset link by user name or e-mail; always 202 (no account is disclosed)")
    void requestReset(@Valid @RequestBody ResetRequest request) {
        users.requestReset(request.username());
    }

    @PostMapping("/api/auth/password-reset/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set a new password with the reset link's token")
    void confirmReset(@Valid @RequestBody PasswordRequest request) {
        users.confirmReset(request.token(), request.password());
    }
}
