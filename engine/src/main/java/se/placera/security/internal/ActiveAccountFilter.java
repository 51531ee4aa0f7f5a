package se.placera.security.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * After authentication: the signed-in principal must still be an active account. A deactivated user's open
 * session ends here; a Keycloak identity without an account in Placera is refused (403).
 */
class ActiveAccountFilter extends OncePerRequestFilter {

    private final DirectoryCurrentUsers users;

    ActiveAccountFilter(DirectoryCurrentUsers users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)
                && users.find().isEmpty()) {
            boolean external = !DirectoryCurrentUsers.loginMethod(auth).equals(se.placera.security.LoginMethod.BASIC)
                    && !DirectoryCurrentUsers.loginMethod(auth).equals(se.placera.security.LoginMethod.LOCAL);
            boolean known = users.account(auth).isPresent();
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            if (external && !known) {
                ProblemResponses.write(response, HttpStatus.FORBIDDEN, "ACCOUNT_NOT_PROVISIONED",
                        "You are signed in with Keycloak but have no account in Placera; ask an administrator.");
            } else {
                ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "ACCOUNT_INACTIVE",
                        "The account is deactivated.");
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
