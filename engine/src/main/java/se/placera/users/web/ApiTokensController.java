package se.placera.users.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import se.placera.users.internal.ApiTokens;
import se.placera.users.internal.ApiTokens.TokenView;
import se.placera.users.internal.UserDocument;
import se.placera.users.internal.UserService;

/**
 * Personal API tokens: a user's own under {@code /api/me/tokens}; an administrator's view of the users they
 * administer under {@code /api/users/{id}/tokens} (the URL rule requires the console's ADMIN; which users an
 * administrator reaches is {@link UserService#get}'s decision, as for every user endpoint).
 */
@RestController
@Tag(name = "API tokens", description = "Personal API tokens for integrations: create (shown once), list, revoke")
class ApiTokensController {

    private final ApiTokens tokens;
    private final UserService users;

    ApiTokensController(ApiTokens tokens, UserService users) {
        this.tokens = tokens;
        this.users = users;
    }

    /** @param expiresInDays the token's lifetime, 1–365 days */
    record CreateRequest(String name, Integer expiresInDays) {
    }

    /** The new token; {@code token} is the value, shown only in this response. */
    record CreatedView(String id, String name, java.time.Instant createdAt, java.time.Instant expiresAt,
            String token) {
    }

    @PostMapping("/api/me/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a personal API token (name ≤ 100 characters, 1–365 days); its value is in this "
            + "response only. Use it as Authorization: Bearer plc_…")
    CreatedView create(@RequestBody CreateRequest request) {
        var created = tokens.create(request == null ? null : request.name(),
                request == null ? null : request.expiresInDays());
        var t = created.token();
        return new CreatedView(t.id(), t.name(), t.createdAt(), t.expiresAt(), created.value());
    }

    @GetMapping("/api/me/tokens")
    @Operation(summary = "My API tokens that are not revoked (never their values)")
    List<TokenView> mine() {
        return tokens.mine();
    }

    @DeleteMapping("/api/me/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of my API tokens; it stops working at once")
    void revokeMine(@PathVariable String id) {
        tokens.revokeMine(id);
    }

    @GetMapping("/api/users/{userId}/tokens")
    @Operation(summary = "A user's API tokens that are not revoked (administrators, for users they administer)")
    List<TokenView> ofUser(@PathVariable String userId) {
        return tokens.of(users.get(userId).id);
    }

    @DeleteMapping("/api/users/{userId}/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a user's API token (administrators, for users they administer)")
    void revoke(@PathVariable String userId, @PathVariable String id) {
        UserDocument user = users.get(userId);
        tokens.revoke(user.id, id, user.administrations.isEmpty() ? null : user.administrations.getFirst());
    }
}
