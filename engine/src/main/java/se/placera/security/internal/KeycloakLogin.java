package se.placera.security.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;

import se.placera.security.CurrentUser;
import se.placera.security.LoginMethod;
import se.placera.security.SecurityProperties;

/**
 * Keycloak, on when {@code placera.security.keycloak.issuer-uri} is set. The browser signs in with the OIDC
 * authorization-code flow with PKCE ({@code /oauth2/authorization/keycloak}); API clients send the access
 * token as a bearer JWT. Keycloak only authenticates: permissions and administrations stay in Placera, on
 * the account linked to Keycloak's user id ({@code sub}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${placera.security.keycloak.issuer-uri:}'.isBlank()")
class KeycloakLogin {

    static final String REGISTRATION = "keycloak";

    private final SecurityProperties props;
    private final DirectoryCurrentUsers users;
    private final ApplicationEventPublisher events;

    KeycloakLogin(SecurityProperties props, DirectoryCurrentUsers users, ApplicationEventPublisher events) {
        this.props = props;
        this.users = users;
        this.events = events;
    }

    /**
     * Bearer tokens: signature by the realm's keys, issuer, expiry and always the audience: {@code aud} must
     * contain {@code audience}, or the client id when no audience is configured. A token the realm issued for
     * another client is refused (the realm's client needs an audience mapper, see docs/keycloak).
     */
    @Bean
    JwtDecoder keycloakJwtDecoder() {
        var kc = props.keycloak();
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(kc.issuerUri()).build();
            decoder.setJwtValidator(validator(kc.issuerUri(), audience(kc)));
            return decoder;
        });
    }

    /** The audience bearer tokens must carry: the configured one, else the client id. */
    static String audience(SecurityProperties.Keycloak kc) {
        return kc.audience().isBlank() ? kc.clientId() : kc.audience();
    }

    static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(JwtValidators.createDefaultWithIssuer(issuer));
        validators.add(new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(audience)));
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    @Bean
    ClientRegistrationRepository keycloakClients() {
        var kc = props.keycloak();
        ClientRegistration.Builder b = ClientRegistrations.fromIssuerLocation(kc.issuerUri())
                .registrationId(REGISTRATION)
                .clientId(kc.clientId())
                .scope("openid", "profile", "email")
                .userNameAttributeName("sub");
        if (kc.clientSecret().isBlank()) {
            b.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        } else {
            b.clientSecret(kc.clientSecret()).clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        }
        return new InMemoryClientRegistrationRepository(b.build());
    }

    /** Adds the OIDC login (with PKCE) to the browser chain. */
    void configure(HttpSecurity http, ClientRegistrationRepository clients) throws Exception {
        var resolver = new DefaultOAuth2AuthorizationRequestResolver(clients, "/oauth2/authorization");
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        var success = new SimpleUrlAuthenticationSuccessHandler(props.keycloak().postLoginRedirect());
        success.setAlwaysUseDefaultTargetUrl(true);
        http.oauth2Login(o -> o.clientRegistrationRepository(clients)
                .authorizationEndpoint(a -> a.authorizationRequestResolver(resolver))
                .successHandler((request, response, authentication) -> {
                    var account = users.account(authentication);
                    CurrentUser user = account.filter(a -> a.active()).map(a -> a.user()).orElse(null);
                    events.publishEvent(user == null
                            ? AuthenticationEvents.loginFailure(authentication.getName(), LoginMethod.KEYCLOAK,
                                    "no-account")
                            : AuthenticationEvents.loginSuccess(user.username(), user.administrationId(),
                                    LoginMethod.KEYCLOAK));
                    success.onAuthenticationSuccess(request, response, authentication);
                }));
    }
}
