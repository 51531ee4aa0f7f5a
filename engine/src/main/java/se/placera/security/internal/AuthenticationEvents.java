package se.placera.security.internal;

import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.stereotype.Component;

import se.placera.security.LoginMethod;
import se.placera.shared.Audited;

/**
 * Password checks (local login and HTTP Basic): failures count towards the lockout and are audited;
 * successful local logins are audited (HTTP Basic successes are per request, not logins, and only reset
 * the failure count).
 */
@Component
class AuthenticationEvents {

    private final LoginAttempts attempts;
    private final ApplicationEventPublisher events;

    AuthenticationEvents(LoginAttempts attempts, ApplicationEventPublisher events) {
        this.attempts = attempts;
        this.events = events;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken token)) {
            return;
        }
        String username = token.getName();
        String method = LoginMethod.LOCAL.equals(token.getDetails()) ? LoginMethod.LOCAL : LoginMethod.BASIC;
        String reason = switch (event.getException()) {
            case LockedException e -> "locked";
            case DisabledException e -> "disabled";
            default -> "bad-credentials";
        };
        boolean locked = attempts.recordFailure(username);
        events.publishEvent(loginFailure(username, method, locked && !"locked".equals(reason) ? "locked-now" : reason));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken token)) {
            return;
        }
        attempts.recordSuccess(token.getName());
    }

    static Audited loginFailure(String username, String method, String reason) {
        // The name tried may be a personnummer: the audit log keeps only its keyed hash and length.
        return new Audited("login.failure", "user", null, null, "failure",
                Map.of("username", Audited.pseudonymous(username), "method", method, "reason", reason));
    }

    static Audited loginSuccess(String username, String administration, String method) {
        return new Audited("login.success", "user", username, administration, "success",
                Map.of("username", username, "method", method));
    }
}
