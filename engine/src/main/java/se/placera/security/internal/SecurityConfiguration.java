package se.placera.security.internal;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;

import se.placera.security.AccessLevel;
import se.placera.security.ApiTokenDirectory;
import se.placera.security.ApiTokenSecrets;
import se.placera.security.CurrentUser;
import se.placera.security.PlaceraModule;
import se.placera.security.SecurityProperties;

/**
 * Two filter chains. API clients (a request carrying {@code Authorization: Basic} or {@code Bearer}) are
 * stateless and CSRF-exempt. Everything else is the browser: a session cookie after {@code POST
 * /api/auth/login} (or the Keycloak OIDC login), with CSRF tokens in the {@code XSRF-TOKEN} cookie /
 * {@code X-XSRF-TOKEN} header on every state-changing request. Both chains share the access rules below;
 * unauthenticated requests get 401 problem details, never a redirect.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    /** Anyone may call: sign-in and account activation, health, the API description, the front ends' files. */
    static final String[] PUBLIC = {"/actuator/health/**", "/actuator/info", "/v3/api-docs/**", "/swagger-ui/**",
            "/swagger-ui.html", "/error", "/api/auth/login", "/api/auth/logout", "/api/auth/csrf",
            "/api/auth/providers", "/api/auth/activate", "/api/auth/password-reset", "/api/auth/password-reset/**",
            "/oauth2/authorization/**", "/login/oauth2/code/**", "/app", "/app/**", "/admin", "/admin/**",
            "/api/setup/first-admin"};

    /** Public endpoints that change state without a session (they carry their own secret, or sign in). */
    static final String[] CSRF_EXEMPT = {"/api/auth/login", "/api/auth/activate", "/api/auth/password-reset",
            "/api/auth/password-reset/**", "/api/setup/first-admin"};

    static final RequestMatcher API_CLIENT = request -> {
        String h = request.getHeader("Authorization");
        return h != null && (h.regionMatches(true, 0, "Basic ", 0, 6) || h.regionMatches(true, 0, "Bearer ", 0, 7));
    };

    /**
     * A state-changing request that carries a session cookie: only those can ride on a signed-in session, so
     * only those need the token. Without one the request is anonymous and gets a plain 401.
     */
    static final RequestMatcher SESSION_CHANGE = request -> request.getRequestedSessionId() != null
            && !java.util.Set.of("GET", "HEAD", "TRACE", "OPTIONS").contains(request.getMethod());

    /**
     * Content-Security-Policy and Referrer-Policy (issue #11, item 16). The two Vite-built front ends load one
     * module script and one stylesheet from their own origin, with no inline script; 'unsafe-inline' styles and
     * data: images are for Swagger UI. Help texts cannot carry data: links ({@code HelpText}).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    private static void pageHeaders(HttpSecurity http) throws Exception {
        http.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(org.springframework.security.web.header.writers
                        .ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiClientChain(HttpSecurity http, AuthenticationManager passwordLogin,
            DirectoryCurrentUsers users, ObjectProvider<JwtDecoder> jwtDecoder, ApiTokenSecrets tokenSecrets,
            ApiTokenDirectory apiTokens) throws Exception {
        var problems = new ProblemResponses(true);
        http.securityMatcher(API_CLIENT)
                .authorizeHttpRequests(auth -> rules(auth, users))
                .authenticationManager(passwordLogin)
                .httpBasic(b -> b.realmName("Placera").authenticationEntryPoint(problems))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new ActiveAccountFilter(users), AuthorizationFilter.class)
                // Personal API tokens (Bearer plc_…) first: a keyed-hash look-up, not bcrypt or a JWT.
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokenSecrets, apiTokens),
                        BearerTokenAuthenticationFilter.class);
        pageHeaders(http);
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            // Its own manager: the chain's shared one is the password check of HTTP Basic.
            var jwt = new ProviderManager(new JwtAuthenticationProvider(decoder));
            http.oauth2ResourceServer(o -> o.jwt(j -> j.authenticationManager(jwt))
                    .bearerTokenResolver(ApiTokenAuthenticationFilter.jwtOnly())
                    .authenticationEntryPoint(problems).accessDeniedHandler(problems));
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain browserChain(HttpSecurity http, DirectoryCurrentUsers users,
            CookieCsrfTokenRepository csrfTokens, SecurityContextRepository contexts,
            ObjectProvider<ClientRegistrationRepository> clients, ObjectProvider<KeycloakLogin> keycloak)
            throws Exception {
        var problems = new ProblemResponses(false);
        http.authorizeHttpRequests(auth -> rules(auth, users))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
                        .sessionFixation(f -> f.changeSessionId()))
                .securityContext(c -> c.securityContextRepository(contexts))
                .csrf(c -> c.spa().csrfTokenRepository(csrfTokens).requireCsrfProtectionMatcher(SESSION_CHANGE)
                        .ignoringRequestMatchers(CSRF_EXEMPT))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new ActiveAccountFilter(users), AuthorizationFilter.class);
        pageHeaders(http);
        KeycloakLogin login = keycloak.getIfAvailable();
        if (login != null) {
            login.configure(http, clients.getObject());
        }
        return http.build();
    }

    /** The access rules per endpoint; finer rules (per method, per administration) live in the services. */
    static void rules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth,
            DirectoryCurrentUsers users) {
        auth.requestMatchers(PUBLIC).permitAll()
                .requestMatchers(HttpMethod.GET, "/api/auth/me").authenticated()
                // The provider portal is for provider users only, and a provider user reaches nothing else: no
                // municipality API (responses, cases, register, metadata, users, audit, tokens), whatever its
                // own rule below says (docs/security.md, "Provider users").
                .requestMatchers("/api/portal", "/api/portal/**").access(providerUser(users))
                // The user manual is for every signed-in user, provider users included (who read only their own
                // role's page: the manual module decides that).
                .requestMatchers(HttpMethod.GET, "/api/manual", "/api/manual/**").authenticated()
                .requestMatchers(providerUserRequest(users)).denyAll()
                .requestMatchers(HttpMethod.GET, "/api/metadata/**").authenticated()
                .requestMatchers("/api/metadata/**").access(module(users, PlaceraModule.ADMIN_CONSOLE, AccessLevel.ADMIN))
                // The designer's preview runs any method version, drafts included: method design rights only.
                .requestMatchers(HttpMethod.POST, "/api/methods/*/versions/*/preview")
                .access(module(users, PlaceraModule.ADMIN_CONSOLE, AccessLevel.ADMIN))
                .requestMatchers("/api/autoanswer-presets/**")
                .access(module(users, PlaceraModule.ADMIN_CONSOLE, AccessLevel.ADMIN))
                .requestMatchers("/api/provider-users", "/api/provider-users/**").access(invitesProviderUsers(users))
                .requestMatchers(HttpMethod.GET, "/api/organisation/**").authenticated()
                .requestMatchers("/api/organisation/**").access(systemAdministrator(users))
                .requestMatchers("/api/organisation/**", "/api/users/**", "/api/audit/**", "/api/usage/**")
                .access(module(users, PlaceraModule.ADMIN_CONSOLE, AccessLevel.ADMIN))
                // The mail outbox: administrators, each seeing their own administrations' mails (MailOutboxView).
                .requestMatchers("/api/admin/mail-outbox", "/api/admin/mail-outbox/**")
                .access(module(users, PlaceraModule.ADMIN_CONSOLE, AccessLevel.ADMIN))
                // System administration (embedded database backups hold every municipality's data): the vendor only.
                .requestMatchers("/api/admin/**").access(systemAdministrator(users))
                .requestMatchers("/api/responses", "/api/responses/**").access(writesSomeMethod(users))
                .anyRequest().authenticated();
    }

    /** A request of a signed-in provider user (a user of a provider of the register). */
    static RequestMatcher providerUserRequest(DirectoryCurrentUsers users) {
        return request -> users.find().map(CurrentUser::isProviderUser).orElse(false);
    }

    /** A provider user: the provider portal. */
    static AuthorizationManager<RequestAuthorizationContext> providerUser(DirectoryCurrentUsers users) {
        return (authentication, context) -> new AuthorizationDecision(
                users.find().map(CurrentUser::isProviderUser).orElse(false));
    }

    /** Inviting provider users: an administrator (administration console at ADMIN) or a placement officer. */
    static AuthorizationManager<RequestAuthorizationContext> invitesProviderUsers(DirectoryCurrentUsers users) {
        return (authentication, context) -> new AuthorizationDecision(users.find()
                .map(u -> u.can(PlaceraModule.ADMIN_CONSOLE, AccessLevel.ADMIN)
                        || u.can(PlaceraModule.PLACEMENT, AccessLevel.ADMIN))
                .orElse(false));
    }

    /** The current user has {@code level} in {@code module}. */
    static AuthorizationManager<RequestAuthorizationContext> module(DirectoryCurrentUsers users, PlaceraModule module,
            AccessLevel level) {
        return (authentication, context) -> new AuthorizationDecision(
                users.find().map(u -> u.can(module, level)).orElse(false));
    }

    /** The vendor's system administrator only (municipalities, administrations). */
    static AuthorizationManager<RequestAuthorizationContext> systemAdministrator(DirectoryCurrentUsers users) {
        return (authentication, context) -> new AuthorizationDecision(
                users.find().map(u -> u.isSystemAdministrator()).orElse(false));
    }

    /** Entering answers: WRITE in follow-up, or WRITE on at least one method. */
    static AuthorizationManager<RequestAuthorizationContext> writesSomeMethod(DirectoryCurrentUsers users) {
        return (authentication, context) -> new AuthorizationDecision(users.find()
                .map(u -> u.can(PlaceraModule.FOLLOW_UP, AccessLevel.WRITE)
                        || u.methodPermissions().values().stream().anyMatch(l -> l.includes(AccessLevel.WRITE)))
                .orElse(false));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The password check of the local login and HTTP Basic; its events drive lockout and the audit log. */
    @Bean
    AuthenticationManager passwordLogin(UserDetailsService accounts, PasswordEncoder encoder,
            ApplicationEventPublisher events) {
        var provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(encoder);
        var manager = new ProviderManager(List.of(provider));
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    @Bean
    CookieCsrfTokenRepository csrfTokenRepository() {
        CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookiePath("/");
        return repository;
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }
}
