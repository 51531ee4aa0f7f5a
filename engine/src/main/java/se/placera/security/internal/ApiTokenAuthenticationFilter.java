package se.placera.security.internal;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.web.filter.OncePerRequestFilter;

import se.placera.security.ApiTokenDirectory;
import se.placera.security.ApiTokenDirectory.TokenOwner;
import se.placera.security.ApiTokenSecrets;

/**
 * {@code Authorization: Bearer plc_…}: a personal API token. Runs in the stateless API-client chain ahead of HTTP
 * Basic and the Keycloak resource server: the token's keyed hash is looked up (no bcrypt), and a valid token
 * authenticates the request as its user; whether that user is still active, and what they may do, is then read
 * fresh as for any other login ({@code ActiveAccountFilter}, {@code DirectoryCurrentUsers}). An unknown, expired
 * or revoked token is answered 401 at once. Other bearer tokens pass on to the JWT decoder untouched.
 */
final class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    /** Longer than any value {@link ApiTokenSecrets#newToken()} makes; longer ones are refused unhashed. */
    private static final int MAX_LENGTH = 100;

    private final ApiTokenSecrets secrets;
    private final ApiTokenDirectory tokens;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiTokenAuthenticationFilter(ApiTokenSecrets secrets, ApiTokenDirectory tokens) {
        this.secrets = secrets;
        this.tokens = tokens;
    }

    /** Bearer tokens for the JWT decoder: every bearer token except ours. */
    static BearerTokenResolver jwtOnly() {
        DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();
        return request -> {
            String token = standard.resolve(request);
            return token != null && token.startsWith(ApiTokenSecrets.PREFIX) ? null : token;
        };
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = token(request);
        if (token == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<TokenOwner> owner = token.length() > MAX_LENGTH ? Optional.empty()
                : tokens.use(secrets.hash(token));
        if (owner.isEmpty()) {
            contexts.clearContext();
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "API_TOKEN_INVALID",
                    "The API token is unknown, expired or revoked.");
            return;
        }
        var context = contexts.createEmptyContext();
        context.setAuthentication(new ApiTokenAuthentication(owner.get().username(), owner.get().tokenId()));
        contexts.setContext(context);
        chain.doFilter(request, response);
    }

    /** The token value of {@code Authorization: Bearer plc_…}, else null. */
    static String token(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).strip();
        return token.startsWith(ApiTokenSecrets.PREFIX) ? token : null;
    }
}
