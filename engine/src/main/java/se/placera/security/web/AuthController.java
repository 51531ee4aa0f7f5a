package se.placera.security.web;

import jakarta.validation.constraints.Size;
import se.placera.shared.InputLimits;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import se.placera.security.CurrentUser;
import se.placera.security.CurrentUsers;
import se.placera.security.LoginMethod;
import se.placera.security.SecurityProperties;
import se.placera.security.internal.LoginAttempts;
import se.placera.shared.Audited;

/**
 * The browser's session login (US-3): sign in with user name and password, who am I, sign out, CSRF token.
 * API clients use HTTP Basic or a Keycloak bearer token instead and need none of this.
 */
@RestController
@Tag(name = "Authentication", description = "Session login for the browser apps")
class AuthController {

    private final AuthenticationManager passwordLogin;
    private final CurrentUsers users;
    private final LoginAttempts attempts;
    private final SecurityContextRepository contexts;
    private final CookieCsrfTokenRepository csrfTokens;
    private final ApplicationEventPublisher events;
    private final SecurityProperties props;
    private final ObjectProvider<ClientRegistrationRepository> clients;
    private final Clock clock;

    AuthController(AuthenticationManager passwordLogin, CurrentUsers users, LoginAttempts attempts,
            SecurityContextRepository contexts, CookieCsrfTokenRepository csrfTokens,
            ApplicationEventPublisher events, SecurityProperties props,
            ObjectProvider<ClientRegistrationRepository> clients, Clock clock) {
        this.passwordLogin = passwordLogin;
        this.users = users;
        this.attempts = attempts;
        this.contexts = contexts;
        this.csrfTokens = csrfTokens;
        this.events = events;
        this.props = props;
        this.clients = clients;
        this.clock = clock;
    }

    record LoginRequest(@Size(max = InputLimits.SHORT_TEXT) String username,
            @Size(max = InputLimits.PASSWORD) String password) {
    }

    /** The signed-in user as the apps see it (same shape from login and me). */
    record Me(String id, String username, String firstName, String lastName, String email, String phone,
            String jobRole, String municipality, String administration, List<CurrentUser.Administration> administrations,
            String team, Map<String, String> permissions, Map<String, String> methodPermissions, List<String> roles,
            String loginMethod, String providerId) {

        static Me of(CurrentUser u) {
            Map<String, String> perms = new LinkedHashMap<>();
            u.permissions().forEach((m, l) -> perms.put(m.name(), l.name()));
            Map<String, String> methods = new java.util.TreeMap<>();
            u.methodPermissions().forEach((m, l) -> methods.put(m, l.name()));
            return new Me(u.id(), u.username(), u.firstName(), u.lastName(), u.email(), u.phone(), u.jobRole(),
                    u.municipality(), u.administration(), u.grantedAdministrations(), u.team(), perms, methods,
                    u.roles().stream().sorted().toList(), u.loginMethod(), u.providerId());
        }
    }

    @PostMapping(path = "/api/auth/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Sign in with user name and password; sets the session cookie (new session id) and a new CSRF token")
    ResponseEntity<?> login(@Valid @RequestBody LoginRequest body, HttpServletRequest request, HttpServletResponse response) {
        String username = body == null || body.username() == null ? "" : body.username().trim();
        String password = body == null || body.password() == null ? "" : body.password();
        var refusedUntil = attempts.refusedUntil(username, request.getRemoteAddr());
        if (refusedUntil.isPresent()) {
            // Throttled: answered without checking the password, and not counted as another failure. The name
            // tried may be a personnummer: the audit log keeps only its keyed hash and length.
            events.publishEvent(new Audited("login.failure", "user", null, null, "failure",
                    Map.of("username", Audited.pseudonymous(username), "method", LoginMethod.LOCAL,
                            "reason", "throttled")));
            return throttled(refusedUntil.get());
        }
        var token = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        token.setDetails(LoginMethod.LOCAL);
        Authentication result;
        try {
            result = passwordLogin.authenticate(token);
        } catch (AuthenticationException e) {
            return problem(HttpStatus.UNAUTHORIZED, "LOGIN_FAILED", "Wrong user name or password.");
        }
        // Session fixation: a session from before the login gets a new id; otherwise a new session starts.
        HttpSession existing = request.getSession(false);
        if (existing != null) {
            request.changeSessionId();
        } else {
            request.getSession(true);
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(result);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        // A fresh CSRF token for the new session.
        csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
        CurrentUser user = users.current();
        events.publishEvent(new Audited("login.success", "user", user.username(), user.administrationId(), "success",
                Map.of("username", user.username(), "method", LoginMethod.LOCAL)));
        return ResponseEntity.ok(Me.of(user));
    }

    @GetMapping("/api/auth/me")
    @Operation(summary = "The signed-in user: profile, administrations, permissions per module; 401 when signed out")
    ResponseEntity<?> me() {
        return users.find().<ResponseEntity<?>>map(u -> ResponseEntity.ok(Me.of(u)))
                .orElseGet(() -> problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Sign in to use this resource."));
    }

    /** Where the browser goes next to end the Keycloak session as well (RP-initiated logout). */
    record LogoutResponse(String endSessionUrl) {
    }

    @PostMapping("/api/auth/logout")
    @Operation(summary = "Sign out: ends the session. 204 after a password login; after a Keycloak login 200 with "
            + "endSessionUrl, Keycloak's end-session address (with id_token_hint) that the browser must open to end "
            + "the single sign-on session too")
    ResponseEntity<LogoutResponse> logout(HttpServletRequest request, HttpServletResponse response) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        users.find().ifPresent(u -> events.publishEvent(new Audited("logout", "user", u.username(),
                u.administrationId(), "success", Map.of("username", u.username(), "method", u.loginMethod()))));
        String endSession = endSessionUrl(auth, request);
        new SecurityContextLogoutHandler().logout(request, response, auth);
        csrfTokens.saveToken(null, request, response);
        return endSession == null ? ResponseEntity.noContent().build()
                : ResponseEntity.ok(new LogoutResponse(endSession));
    }

    /**
     * Keycloak's end-session endpoint (from the provider's discovery document) with the ID token as hint and the
     * post-logout address, or null for anything but an OIDC browser login.
     */
    private String endSessionUrl(Authentication auth, HttpServletRequest request) {
        if (!(auth instanceof OAuth2AuthenticationToken token) || !(token.getPrincipal() instanceof OidcUser oidc)) {
            return null;
        }
        ClientRegistrationRepository registrations = clients.getIfAvailable();
        ClientRegistration registration = registrations == null ? null
                : registrations.findByRegistrationId(token.getAuthorizedClientRegistrationId());
        Object endpoint = registration == null ? null
                : registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
        if (endpoint == null) {
            return null;
        }
        String target = props.keycloak().postLogoutRedirect();
        URI back = URI.create(target).isAbsolute() ? URI.create(target)
                : ServletUriComponentsBuilder.fromContextPath(request).path(target).build().toUri();
        return UriComponentsBuilder.fromUriString(endpoint.toString())
                .queryParam("id_token_hint", oidc.getIdToken().getTokenValue())
                .queryParam("client_id", registration.getClientId())
                .queryParam("post_logout_redirect_uri", back.toString())
                .encode().build().toUriString();
    }

    @GetMapping("/api/auth/csrf")
    @Operation(summary = "The CSRF token (also set as the XSRF-TOKEN cookie); send it as X-XSRF-TOKEN")
    Map<String, String> csrf(HttpServletRequest request, HttpServletResponse response) {
        // The raw token, as the cookie holds it (the request attribute is masked against BREACH).
        CsrfToken token = csrfTokens.loadToken(request);
        if (token == null) {
            token = csrfTokens.generateToken(request);
            csrfTokens.saveToken(token, request, response);
        }
        return Map.of("headerName", token.getHeaderName(), "parameterName", token.getParameterName(),
                "token", token.getToken());
    }

    @GetMapping("/api/auth/providers")
    @Operation(summary = "How one may sign in: local password login, and Keycloak when configured")
    Map<String, Object> providers() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("local", Map.of("loginUrl", "/api/auth/login"));
        if (props.keycloak().enabled()) {
            m.put("keycloak", Map.of("loginUrl", "/oauth2/authorization/keycloak"));
        }
        return m;
    }

    /** 429 with {@code Retry-After} (whole seconds, rounded up) until the throttle lets the next attempt through. */
    private ResponseEntity<ProblemDetail> throttled(Instant until) {
        long seconds = Math.max(1, (Duration.between(clock.instant(), until).toMillis() + 999) / 1000);
        ResponseEntity<ProblemDetail> r = problem(HttpStatus.TOO_MANY_REQUESTS, "LOGIN_THROTTLED",
                "Too many failed logins: try again in " + seconds + " seconds.");
        return ResponseEntity.status(r.getStatusCode()).headers(r.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(r.getBody());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setType(URI.create("https://placera.se/problems/" + code.toLowerCase().replace('_', '-')));
        pd.setTitle(status.getReasonPhrase());
        pd.setProperty("code", code);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }
}
